// A stored cookie is a tough-cookie Cookie; this module reads and writes it
// the way Chromium keeps cookies: a domain with a leading dot for domain
// cookies, an absolute expiry with microsecond precision (base::Time), and
// the Cookie object Electron hands to JavaScript in each era.

import { Cookie } from 'tough-cookie';
import type { CookieEra, ElectronSameSite } from './cookie-era.ts';

/** Microseconds since the Unix epoch, for cookies set with a fractional expirationDate. */
const exactExpiry = new WeakMap<Cookie, number>();

/**
 * A cookie's priority (the Set-Cookie Priority attribute), which orders the
 * per-domain eviction. Electron's Cookie object does not show it; cookies
 * made through cookies.set get the default, medium.
 */
export type CookiePriority = 'low' | 'medium' | 'high';

const priorities = new WeakMap<Cookie, CookiePriority>();

export function priorityOf(cookie: Cookie): CookiePriority {
  return priorities.get(cookie) ?? 'medium';
}

export function setPriority(cookie: Cookie, priority: CookiePriority): void {
  if (priority === 'medium') priorities.delete(cookie);
  else priorities.set(cookie, priority);
}

/** StringToCookiePriority: low, medium or high in any case; anything else is the default. */
export function parsePriority(text: unknown): CookiePriority {
  const lower = typeof text === 'string' ? text.toLowerCase() : '';
  return lower === 'low' || lower === 'high' ? lower : 'medium';
}

/** The latest instant a JavaScript Date can hold, in ms. */
const MAX_DATE_MS = 8.64e15;

/** base::Time from a double of seconds: truncated to whole microseconds. */
export function secondsToMicros(seconds: number): number {
  return Math.trunc(seconds * 1e6);
}

/** Sets an absolute expiry in microseconds, or makes the cookie a session cookie (null). */
export function setExpiryMicros(cookie: Cookie, micros: number | null): void {
  cookie.maxAge = null;
  if (micros === null) {
    cookie.expires = 'Infinity';
    exactExpiry.delete(cookie);
    return;
  }
  cookie.expires = new Date(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, Math.floor(micros / 1000))));
  exactExpiry.set(cookie, micros);
}

/** The absolute expiry in microseconds, null for a session cookie. */
export function expiryMicros(cookie: Cookie): number | null {
  const exact = exactExpiry.get(cookie);
  if (exact !== undefined) return exact;
  if (!cookie.isPersistent()) return null;
  const ms = cookie.expiryTime();
  if (ms === undefined || ms === Infinity) return null;
  return ms === -Infinity ? 0 : ms * 1000;
}

/** Chromium computes a Max-Age expiry once, when the cookie is created; so does the store. */
export function fixExpiry(cookie: Cookie, capDays: number | null): void {
  let micros = expiryMicros(cookie);
  if (micros !== null && capDays !== null) {
    const creation = creationMs(cookie) * 1000;
    micros = Math.min(micros, creation + capDays * 86_400_000_000);
  }
  setExpiryMicros(cookie, micros);
}

export function isExpired(cookie: Cookie, nowMs: number): boolean {
  const micros = expiryMicros(cookie);
  return micros !== null && nowMs * 1000 >= micros;
}

export function creationMs(cookie: Cookie): number {
  return cookie.creation instanceof Date ? cookie.creation.getTime() : Date.now();
}

export function lastAccessMs(cookie: Cookie): number {
  return cookie.lastAccessed instanceof Date ? cookie.lastAccessed.getTime() : creationMs(cookie);
}

/** `example.com` for a host-only cookie, `.example.com` for a domain cookie. */
export function chromiumDomain(cookie: Cookie): string {
  const domain = cookie.domain ?? '';
  return cookie.hostOnly ? domain : `.${domain}`;
}

const TO_ELECTRON: Record<string, ElectronSameSite> = { none: 'no_restriction', lax: 'lax', strict: 'strict' };
const TO_TOUGH: Record<ElectronSameSite, string | undefined> = {
  unspecified: undefined,
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
};

export function electronSameSite(cookie: Cookie): ElectronSameSite {
  return TO_ELECTRON[(cookie.sameSite ?? '').toLowerCase()] ?? 'unspecified';
}

export function toughSameSite(sameSite: ElectronSameSite): string | undefined {
  return TO_TOUGH[sameSite];
}

/** Electron's Cookie structure. */
export interface ElectronCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
  expirationDate?: number;
  sameSite?: ElectronSameSite;
}

/** The object Electron builds for a cookie, with its era's fields in its order. */
export function toElectronCookie(cookie: Cookie, era: CookieEra): ElectronCookie {
  const domain = chromiumDomain(cookie);
  const expiry = expiryMicros(cookie);
  const out: ElectronCookie = {
    name: cookie.key,
    value: cookie.value,
    domain,
    hostOnly: !domain.startsWith('.'),
    path: cookie.path ?? '/',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    session: expiry === null,
  };
  if (expiry !== null) out.expirationDate = expiry / 1e6;
  if (era.exposesSameSite) out.sameSite = electronSameSite(cookie);
  return out;
}

export function newCookie(fields: {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: ElectronSameSite;
  creationMs: number;
  expiryMicros: number | null;
  priority?: CookiePriority;
}): Cookie {
  const hostOnly = !fields.domain.startsWith('.');
  const cookie = new Cookie({
    key: fields.name,
    value: fields.value,
    domain: hostOnly ? fields.domain : fields.domain.slice(1),
    hostOnly,
    path: fields.path,
    secure: fields.secure,
    httpOnly: fields.httpOnly,
    creation: new Date(fields.creationMs),
    lastAccessed: new Date(fields.creationMs),
  });
  const sameSite = toughSameSite(fields.sameSite);
  if (sameSite) cookie.sameSite = sameSite;
  setExpiryMicros(cookie, fields.expiryMicros);
  setPriority(cookie, fields.priority ?? 'medium');
  return cookie;
}
