// Electron's Certificate structure (shell/common/gin_converters/net_converter.cc)
// built from the chain Node reports for a TLS connection: PEM data, issuer
// and subject principals with their display names, the serial number as
// Chromium hex-encodes its DER bytes, validity in seconds since the epoch,
// the SHA-256 fingerprint as `sha256/<base64>`, and the issuer as a nested
// Certificate for every certificate above the leaf.

import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';

export interface CertPrincipal {
  commonName: string;
  organizations: string[];
  organizationUnits: string[];
  locality: string;
  state: string;
  country: string;
}

export interface ElectronCertificate {
  data: string;
  issuer: CertPrincipal;
  issuerName: string;
  subject: CertPrincipal;
  subjectName: string;
  serialNumber: string;
  validStart: number;
  validExpiry: number;
  fingerprint: string;
  issuerCert?: ElectronCertificate;
}

/** Node's multi-line distinguished name (`C=NL\nO=x\nCN=y`) as a principal. */
export function principalOf(name: string): CertPrincipal {
  const principal: CertPrincipal = {
    commonName: '',
    organizations: [],
    organizationUnits: [],
    locality: '',
    state: '',
    country: '',
  };
  for (const line of name.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'CN' && !principal.commonName) principal.commonName = value;
    else if (key === 'O') principal.organizations.push(value);
    else if (key === 'OU') principal.organizationUnits.push(value);
    else if (key === 'L' && !principal.locality) principal.locality = value;
    else if (key === 'ST' && !principal.state) principal.state = value;
    else if (key === 'C' && !principal.country) principal.country = value;
  }
  return principal;
}

/** net::CertPrincipal::GetDisplayName. */
export function displayName(principal: CertPrincipal): string {
  return principal.commonName || principal.organizations[0] || principal.organizationUnits[0] || '';
}

/** The DER INTEGER's content bytes in upper-case hex, leading 00 included when the high bit is set. */
export function chromiumSerial(nodeSerial: string): string {
  let hex = nodeSerial.toUpperCase();
  if (hex.length % 2) hex = `0${hex}`;
  if (/^[89A-F]/.test(hex)) hex = `00${hex}`;
  return hex;
}

function pem(der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export function toElectronCertificate(chain: readonly Buffer[]): ElectronCertificate {
  const [leaf, ...rest] = chain;
  if (!leaf) throw new Error('empty certificate chain');
  const x509 = new X509Certificate(leaf);
  const subject = principalOf(x509.subject);
  const issuer = principalOf(x509.issuer);
  const certificate: ElectronCertificate = {
    data: pem(leaf),
    issuer,
    issuerName: displayName(issuer),
    subject,
    subjectName: displayName(subject),
    serialNumber: chromiumSerial(x509.serialNumber),
    validStart: Date.parse(x509.validFrom) / 1000,
    validExpiry: Date.parse(x509.validTo) / 1000,
    fingerprint: `sha256/${Buffer.from(x509.fingerprint256.replace(/:/g, ''), 'hex').toString('base64')}`,
  };
  if (rest.length) certificate.issuerCert = toElectronCertificate(rest);
  return certificate;
}

/** The DER chain Node reports, leaf first, stopping at a self-issued certificate. */
export function peerChain(peer: DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<DetailedPeerCertificate>();
  for (let c: DetailedPeerCertificate | undefined = peer; c?.raw && !seen.has(c); c = c.issuerCertificate) {
    seen.add(c);
    chain.push(c.raw);
    if (c.issuerCertificate === c) break;
  }
  return chain;
}
