// What a URL may do with cookies in Chromium: whether its scheme carries
// cookies at all, and whether it counts as secure for Secure cookies, either
// strictly (a cryptographic scheme) or, in later Chromium, also when the host
// is loopback (a "potentially trustworthy" origin).

import { hostOf, isIpAddress } from './cookie-domain.ts';

const COOKIEABLE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export function isCookieableScheme(url: URL): boolean {
  return COOKIEABLE_SCHEMES.has(url.protocol);
}

export function isCryptographic(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:';
}

/** net::IsLocalhost: localhost names, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(url: URL): boolean {
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!isIpAddress(host)) return false;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare === '::1' || /^127\./.test(bare);
}

/** How an era decides whether a URL may set and read Secure cookies. */
export type SecureSourceRule = 'cryptographic' | 'trustworthy';

export function isSecureSource(url: URL, rule: SecureSourceRule): boolean {
  return isCryptographic(url) || (rule === 'trustworthy' && isLoopbackHost(url));
}
