// cookies.set(details): from Electron's details object to a cookie ready to
// store, or the reason it is refused. Reads the object as Electron does
// (fields of the wrong type count as absent), then applies Chromium's
// CanonicalCookie::CreateSanitizedCookie checks and the ones
// CookieMonster::SetCanonicalCookie makes before storing. Older eras report
// every creation failure as one parse failure; newer ones name the reason.

import type { Cookie } from 'tough-cookie';
import type { UrlSchemes } from '../app/url-schemes.ts';
import { cookieDomainFor, hostOf, isIpAddress } from './cookie-domain.ts';
import type { CookieEra, ElectronSameSite } from './cookie-era.ts';
import { newCookie, secondsToMicros } from './cookie-record.ts';
import { CookieStatus } from './cookie-rejection.ts';
import {
  byteLength,
  canonicalizePath,
  cookiePathFor,
  cookiePrefix,
  hasControlCharacter,
  hasHiddenPrefix,
  MAX_ATTRIBUTE_BYTES,
  MAX_NAME_VALUE_BYTES,
  parseTokenString,
  parseValueString,
  prefixIsValid,
} from './cookie-syntax.ts';
import { isCookieableScheme, isCryptographic, isSecureSource, parseUrl } from './cookie-url.ts';

const SAME_SITE_VALUES: readonly ElectronSameSite[] = ['unspecified', 'no_restriction', 'lax', 'strict'];

export const MAX_EXPIRY_DAYS = 400;

/** The details as Electron reads them. */
export interface CookieDetails {
  url: string;
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: ElectronSameSite;
  /** Seconds since the epoch; undefined makes a session cookie. */
  expirationDate: number | undefined;
  creationDate: number | undefined;
  lastAccessDate: number | undefined;
}

export type ReadResult = { details: CookieDetails } | { message: string };

function text(source: Record<string, unknown>, key: string): string | undefined {
  const v = source[key];
  return typeof v === 'string' ? v : undefined;
}

function flag(source: Record<string, unknown>, key: string): boolean | undefined {
  const v = source[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** Finite numbers only: V8ValueConverter drops NaN and infinities. */
function number(source: Record<string, unknown>, key: string): number | undefined {
  const v = source[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Reads a details object; fails early the way Electron does before any cookie rule runs. */
export function readDetails(era: CookieEra, source: Record<string, unknown>): ReadResult {
  const url = text(source, 'url');
  if (url === undefined && era.requiresUrlOption) return { message: "Missing required option 'url'" };
  let sameSite = era.defaultSameSite;
  if (era.readsSameSite) {
    const given = text(source, 'sameSite');
    if (given !== undefined) {
      if (!(SAME_SITE_VALUES as readonly string[]).includes(given)) {
        return { message: `Failed to convert '${given}' to an appropriate cookie same site value` };
      }
      sameSite = given as ElectronSameSite;
    }
  }
  const secure = flag(source, 'secure') ?? (era.secureDefaultsForNoRestriction && sameSite === 'no_restriction');
  return {
    details: {
      url: url ?? '',
      name: text(source, 'name') ?? '',
      value: text(source, 'value') ?? '',
      domain: text(source, 'domain') ?? '',
      path: text(source, 'path') ?? '',
      secure,
      httpOnly: flag(source, 'httpOnly') ?? false,
      sameSite,
      expirationDate: number(source, 'expirationDate'),
      creationDate: number(source, 'creationDate'),
      lastAccessDate: number(source, 'lastAccessDate'),
    },
  };
}

export type CreateResult = { cookie: Cookie; url: URL } | { status: CookieStatus };

/** CreateSanitizedCookie: the cookie these details describe for their URL (read with the app's `schemes`), or why there is none. */
export function createCookie(era: CookieEra, d: CookieDetails, nowMs: number, schemes?: UrlSchemes): CreateResult {
  const url = parseUrl(d.url, schemes);
  if (!url) return { status: new CookieStatus().exclude('EXCLUDE_INVALID_DOMAIN') };
  const status = new CookieStatus();
  if (parseTokenString(d.name) !== d.name || parseValueString(d.value) !== d.value || parseValueString(d.path) !== d.path) {
    status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
  }
  if (hasControlCharacter(d.name) || hasControlCharacter(d.value)) status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
  if (era.detailedValidation) {
    if (byteLength(d.name) + byteLength(d.value) > MAX_NAME_VALUE_BYTES)
      status.exclude('EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE');
    if (d.name === '' && d.value === '') status.exclude('EXCLUDE_NO_COOKIE_CONTENT');
  }
  let domainAttribute = d.domain;
  if (parseValueString(d.domain) !== d.domain || hasControlCharacter(d.domain)) {
    status.exclude('EXCLUDE_INVALID_DOMAIN');
    domainAttribute = '';
  }
  if (byteLength(d.domain) > MAX_ATTRIBUTE_BYTES) {
    status.exclude('EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE');
    domainAttribute = '';
  }
  const domain = cookieDomainFor(url, domainAttribute);
  if (domain === undefined) status.exclude('EXCLUDE_INVALID_DOMAIN');
  // Older Chromium refused Secure cookies for any URL without a cryptographic scheme right here.
  if (era.secureSource === 'cryptographic' && d.secure && !isCryptographic(url)) status.exclude('EXCLUDE_FAILURE_TO_STORE');
  if (d.secure && !isCryptographic(url)) status.warn('WARN_TENTATIVELY_ALLOWING_SECURE_SOURCE_SCHEME');
  const path = cookiePathFor(url, d.path);
  if (d.path !== '' && path !== d.path) status.exclude('EXCLUDE_FAILURE_TO_STORE');
  const canonicalPath = canonicalizePath(path);
  if (d.path !== '' && byteLength(canonicalPath) > MAX_ATTRIBUTE_BYTES)
    status.exclude('EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE');
  const host = hostOf(url);
  const prefix = cookiePrefix(d.name, era.caseInsensitivePrefixes);
  if (
    !prefixIsValid(
      prefix,
      isSecureSource(url, era.secureSource),
      d.secure,
      domainAttribute,
      isIpAddress(host) ? host : null,
      path,
    )
  ) {
    status.exclude('EXCLUDE_INVALID_PREFIX');
  }
  if (era.detailedValidation && d.name === '' && hasHiddenPrefix(d.value)) status.exclude('EXCLUDE_INVALID_PREFIX');
  if (d.lastAccessDate !== undefined && d.creationDate === undefined) status.exclude('EXCLUDE_FAILURE_TO_STORE');
  if (!status.included || domain === undefined) {
    return { status: era.detailedValidation ? status : new CookieStatus().exclude('EXCLUDE_FAILURE_TO_STORE') };
  }
  const cookie = newCookie({
    name: d.name,
    value: d.value,
    domain,
    path: canonicalPath,
    secure: d.secure,
    httpOnly: d.httpOnly,
    sameSite: d.sameSite,
    creationMs: d.creationDate === undefined ? nowMs : Math.trunc(d.creationDate * 1000),
    expiryMicros: d.expirationDate === undefined ? null : secondsToMicros(d.expirationDate),
  });
  return { cookie, url };
}

/**
 * The checks made when the cookie is stored (CookieMonster::SetCanonicalCookie
 * and CanonicalCookie::IsSetPermittedInContext), given the cookie it would
 * replace and the schemes carrying cookies beyond the defaults. The API sets
 * cookies in a same-site context, and includes HttpOnly only when the new
 * cookie is HttpOnly itself.
 */
export function checkStorable(
  era: CookieEra,
  cookie: Cookie,
  url: URL,
  replaced: Cookie | undefined,
  extraCookieableSchemes: readonly string[],
): CookieStatus {
  const status = new CookieStatus();
  if (!isCookieableScheme(url, extraCookieableSchemes)) status.exclude('EXCLUDE_NONCOOKIEABLE_SCHEME');
  if (era.secureSource === 'trustworthy' && cookie.secure && !isSecureSource(url, era.secureSource))
    status.exclude('EXCLUDE_SECURE_ONLY');
  if (era.sameSiteByDefault && cookie.sameSite === 'none' && !cookie.secure) status.exclude('EXCLUDE_SAMESITE_NONE_INSECURE');
  if (cookie.sameSite === 'none' && !cookie.secure) status.warn('WARN_SAMESITE_NONE_INSECURE');
  if (era.protectsHttpOnly && !cookie.httpOnly && replaced?.httpOnly) status.exclude('EXCLUDE_OVERWRITE_HTTP_ONLY');
  return status;
}
