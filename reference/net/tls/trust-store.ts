// What a session trusts: Node's bundled root store (standing in for the
// system store) plus the CAs the app was launched with. It also answers
// Chromium's isIssuedByKnownRoot: whether a chain ends in a bundled root
// rather than in a CA someone added.

import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

let knownRootFingerprints: Set<string> | undefined;

function fingerprintOf(der: Buffer | string): string | undefined {
  try {
    return new X509Certificate(der).fingerprint256;
  } catch {
    return undefined;
  }
}

export class TrustStore {
  readonly extraCas: readonly string[];
  readonly #extraFingerprints: Set<string>;

  constructor(extraCas: readonly string[]) {
    this.extraCas = [...extraCas];
    this.#extraFingerprints = new Set(this.extraCas.map((pem) => fingerprintOf(pem)).filter((f): f is string => !!f));
  }

  /** Every trusted CA, as PEM, for a TLS context's `ca` option. */
  get all(): string[] {
    return [...rootCertificates, ...this.extraCas];
  }

  isKnownRoot(der: Buffer): boolean {
    knownRootFingerprints ??= new Set(rootCertificates.map((pem) => fingerprintOf(pem)).filter((f): f is string => !!f));
    const fingerprint = fingerprintOf(der);
    return !!fingerprint && knownRootFingerprints.has(fingerprint);
  }

  isTrustAnchor(der: Buffer): boolean {
    const fingerprint = fingerprintOf(der);
    return !!fingerprint && (this.#extraFingerprints.has(fingerprint) || this.isKnownRoot(der));
  }
}
