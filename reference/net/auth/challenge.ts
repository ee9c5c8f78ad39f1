// HTTP authentication challenges (WWW-Authenticate / Proxy-Authenticate)
// and the Authorization values that answer them: Basic (RFC 7617) and
// Digest (RFC 7616: MD5, MD5-sess, SHA-256; qop=auth or none). Chromium
// picks the strongest scheme it supports from the challenges offered;
// without integrated authentication, NTLM and Negotiate are never chosen.

import { createHash, randomBytes } from 'node:crypto';

export interface Challenge {
  /** Lower-case scheme: basic, digest, ntlm, negotiate, ... */
  scheme: string;
  params: Record<string, string>;
  raw: string;
}

/** Splits header values into challenges; a value may hold several, separated by commas. */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const challenges: Challenge[] = [];
  for (const value of values) {
    // A new challenge starts at a token that is not followed by '='.
    const parts = value.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
    let current: Challenge | undefined;
    for (const rawPart of parts) {
      const part = rawPart.trim();
      if (!part) continue;
      const start = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?:\s+(.*))?$/s.exec(part);
      if (start && !/^[^\s=]+\s*=/.test(part)) {
        current = { scheme: start[1]!.toLowerCase(), params: {}, raw: part };
        challenges.push(current);
        if (start[2]) addParam(current, start[2]);
      } else if (current) {
        addParam(current, part);
        current.raw += `, ${part}`;
      }
    }
  }
  return challenges;
}

function addParam(challenge: Challenge, text: string): void {
  const m = /^([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(\S*))$/s.exec(text.trim());
  if (m) challenge.params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
}

const SUPPORTED = ['digest', 'basic'];

/** The challenge Chromium would answer: Digest over Basic; others unsupported. */
export function preferredChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  for (const scheme of SUPPORTED) {
    const found = challenges.find((c) => c.scheme === scheme && (scheme !== 'digest' || digestAlgorithmSupported(c)));
    if (found) return found;
  }
  return undefined;
}

export function realmOf(challenge: Challenge): string {
  return challenge.params.realm ?? '';
}

export interface Credentials {
  username: string;
  password: string;
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

function digestAlgorithmSupported(challenge: Challenge): boolean {
  const algorithm = (challenge.params.algorithm ?? 'MD5').toUpperCase();
  return ['MD5', 'MD5-SESS', 'SHA-256', 'SHA-256-SESS'].includes(algorithm);
}

/** The state a Digest answer carries from one request to the next. */
export interface DigestState {
  challenge: Challenge;
  nonceCount: number;
}

function quote(value: string): string {
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

export function digestAuthorization(state: DigestState, credentials: Credentials, method: string, uri: string): string {
  const p = state.challenge.params;
  const algorithm = (p.algorithm ?? 'MD5').toUpperCase();
  const hashName = algorithm.startsWith('SHA-256') ? 'sha256' : 'md5';
  const h = (text: string) => createHash(hashName).update(text, 'utf8').digest('hex');
  const realm = p.realm ?? '';
  const nonce = p.nonce ?? '';
  const qops = (p.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
  const qop = qops.includes('auth') ? 'auth' : undefined;
  const cnonce = randomBytes(8).toString('hex');
  state.nonceCount += 1;
  const nc = state.nonceCount.toString(16).padStart(8, '0');
  let ha1 = h(`${credentials.username}:${realm}:${credentials.password}`);
  if (algorithm.endsWith('-SESS')) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = qop ? h(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : h(`${ha1}:${nonce}:${ha2}`);
  const fields = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${p.algorithm ?? 'MD5'}`,
    `response=${quote(response)}`,
  ];
  if (p.opaque !== undefined) fields.push(`opaque=${quote(p.opaque)}`);
  if (qop) fields.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${fields.join(', ')}`;
}
