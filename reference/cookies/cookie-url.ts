// What a URL may do with cookies in Chromium: whether its scheme carries
// cookies at all (http, https, ws and wss, and in Electron 1.x the schemes
// the app registered as standard), and whether it counts as secure for
// Secure cookies, either strictly (a cryptographic scheme) or, in later
// Chromium, also when the host is loopback (a "potentially trustworthy" origin).

import type { UrlSchemes } from '../app/url-schemes.ts';
import { hostOf, isIpAddress } from './cookie-domain.ts';

const COOKIEABLE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** The URL `text` names as Chromium holds it (the app's standard schemes canonicalized), or undefined when invalid. */
export function parseUrl(text: string, schemes?: UrlSchemes): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return (schemes ? schemes.canonical(url) : url) ?? undefined;
}

/** Whether `url`'s scheme carries cookies: a default one, or one of `extraSchemes` (without colons). */
export function isCookieableScheme(url: URL, extraSchemes: readonly string[] = []): boolean {
  return COOKIEABLE_SCHEMES.has(url.protocol) || extraSchemes.includes(url.protocol.slice(0, -1));
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
