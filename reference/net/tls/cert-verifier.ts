// Server certificate verification for one session, as Electron's patched
// network service does it: the default verifier runs first (chain to a
// trusted root, host name, validity), then the session's verify proc, if
// any, sees the default verdict and may replace it (0 accept, -2 fail,
// -3 keep the default, any other net error code). Verdicts are cached per
// (host, certificate chain) for 30 minutes (Chromium's CachingCertVerifier,
// which sits above the proc, so a new proc does not re-decide a cached
// pair); Electron 1.x had no such cache and asked its proc on every new
// connection. Concurrent verifications of the same pair share one decision.

import { createHash } from 'node:crypto';
import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { argumentError, insufficientArguments, type ConversionStyle } from '../../era/arguments.ts';
import { isInt32, NET_ERRORS, netErrorFromCode, netErrorString } from '../net-error.ts';
import { peerChain, toElectronCertificate, type ElectronCertificate } from './certificate.ts';
import type { TrustStore } from './trust-store.ts';

export interface VerifyRequest {
  hostname: string;
  certificate: ElectronCertificate;
  validatedCertificate: ElectronCertificate;
  isIssuedByKnownRoot: boolean;
  verificationResult: string;
  errorCode: number;
}

export type VerifyProc = (request: VerifyRequest, callback: (...result: unknown[]) => void) => void;

/** How long Chromium's CachingCertVerifier keeps a verdict. */
const VERDICT_TTL_MS = 30 * 60 * 1000;

/** OpenSSL verify results (Node's authorizationError) and Chromium's cert errors. */
const OPENSSL_TO_NET: Record<string, number> = {
  CERT_HAS_EXPIRED: NET_ERRORS.ERR_CERT_DATE_INVALID,
  CERT_NOT_YET_VALID: NET_ERRORS.ERR_CERT_DATE_INVALID,
  ERROR_IN_CERT_NOT_BEFORE_FIELD: NET_ERRORS.ERR_CERT_DATE_INVALID,
  ERROR_IN_CERT_NOT_AFTER_FIELD: NET_ERRORS.ERR_CERT_DATE_INVALID,
  DEPTH_ZERO_SELF_SIGNED_CERT: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  SELF_SIGNED_CERT_IN_CHAIN: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  UNABLE_TO_GET_ISSUER_CERT: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  CERT_UNTRUSTED: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  INVALID_CA: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  CERT_CHAIN_TOO_LONG: NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  CERT_REVOKED: NET_ERRORS.ERR_CERT_REVOKED,
};

/** net::MapCertStatusToNetError reports the most serious problem first. */
const SEVERITY: number[] = [
  NET_ERRORS.ERR_CERT_INVALID,
  NET_ERRORS.ERR_CERT_REVOKED,
  NET_ERRORS.ERR_CERT_AUTHORITY_INVALID,
  NET_ERRORS.ERR_CERT_COMMON_NAME_INVALID,
  NET_ERRORS.ERR_CERT_DATE_INVALID,
];

interface DefaultResult {
  error: number;
  sent: Buffer[];
  validated: Buffer[];
  knownRoot: boolean;
}

function worst(errors: number[]): number {
  for (const e of SEVERITY) if (errors.includes(e)) return e;
  return errors[0] ?? NET_ERRORS.OK;
}

function chainKey(hostname: string, chain: Buffer[]): string {
  const hash = createHash('sha256');
  for (const der of chain) hash.update(der);
  return `${hostname.toLowerCase()}|${hash.digest('hex')}`;
}

export interface CertVerifierOptions {
  trust: TrustStore;
  /** Cache final verdicts (Electron 9 and later). */
  cacheVerdicts: boolean;
  /** How a bad callback argument is described. */
  style: ConversionStyle;
}

export class CertVerifier {
  readonly #options: CertVerifierOptions;
  readonly #verdicts = new Map<string, { error: number; expires: number }>();
  readonly #inFlight = new Map<string, Promise<number>>();
  #proc: VerifyProc | null = null;

  constructor(options: CertVerifierOptions) {
    this.#options = options;
  }

  setProc(proc: VerifyProc | null): void {
    this.#proc = proc;
  }

  /** Chromium's verdict for the connection's certificate: 0 or a net error code. */
  verify(hostname: string, socket: TLSSocket): Promise<number> {
    const base = this.#defaultResult(hostname, socket);
    const key = chainKey(hostname, base.sent);
    if (this.#options.cacheVerdicts) {
      const cached = this.#verdicts.get(key);
      if (cached && cached.expires > Date.now()) return Promise.resolve(cached.error);
    }
    let flight = this.#inFlight.get(key);
    if (!flight) {
      flight = this.#decide(hostname, base).then((error) => {
        if (this.#options.cacheVerdicts) this.#verdicts.set(key, { error, expires: Date.now() + VERDICT_TTL_MS });
        return error;
      });
      flight.finally(() => this.#inFlight.delete(key)).catch(() => undefined);
      this.#inFlight.set(key, flight);
    }
    return flight;
  }

  #defaultResult(hostname: string, socket: TLSSocket): DefaultResult {
    const full = peerChain(socket.getPeerCertificate(true));
    // Node appends the trusted root it found; Chromium's `certificate` is what the server sent.
    let sent = full;
    while (sent.length > 1 && this.#options.trust.isTrustAnchor(sent[sent.length - 1]!)) sent = sent.slice(0, -1);
    const errors: number[] = [];
    const chainError = socket.authorizationError as unknown as string | null;
    if (chainError) errors.push(OPENSSL_TO_NET[String(chainError)] ?? NET_ERRORS.ERR_CERT_INVALID);
    const bareHost = hostname.replace(/^\[(.*)\]$/, '$1');
    if (checkServerIdentity(bareHost, socket.getPeerCertificate())) errors.push(NET_ERRORS.ERR_CERT_COMMON_NAME_INVALID);
    const root = full[full.length - 1];
    return {
      error: worst(errors),
      sent,
      validated: chainError ? sent : full,
      knownRoot: !chainError && !!root && this.#options.trust.isKnownRoot(root),
    };
  }

  async #decide(hostname: string, base: DefaultResult): Promise<number> {
    const proc = this.#proc;
    if (!proc) return base.error;
    const request: VerifyRequest = {
      hostname: hostname.replace(/^\[(.*)\]$/, '$1'),
      certificate: toElectronCertificate(base.sent),
      validatedCertificate: toElectronCertificate(base.validated),
      isIssuedByKnownRoot: base.knownRoot,
      verificationResult: netErrorString(base.error),
      errorCode: base.error,
    };
    const answer = await new Promise<number>((resolve) => {
      let answered = false;
      const style = this.#options.style;
      const callback = (...args: unknown[]) => {
        if (args.length < 1) throw insufficientArguments();
        const value = args[0];
        // gin's int conversion: an int32, else a TypeError to the caller and no answer.
        if (!isInt32(value)) throw argumentError(0, value, style);
        if (answered) return;
        answered = true;
        resolve(value);
      };
      try {
        proc(request, callback);
      } catch {
        // A proc that throws never answers in Electron; failing closed keeps the request from hanging.
        if (!answered) {
          answered = true;
          resolve(NET_ERRORS.ERR_FAILED);
        }
      }
    });
    if (answer === NET_ERRORS.ERR_ABORTED) return base.error;
    // A code Chromium has no name for fails the connection as net::ERR_FAILED.
    return answer === NET_ERRORS.OK ? answer : netErrorFromCode(answer).code;
  }

  clear(): void {
    this.#verdicts.clear();
  }
}
