// How Cookies behaves in each era, as data: what that era's Electron source
// does (atom_api_cookies.cc at v1.8.8, electron_api_cookies.cc at v9.4.4,
// v12.2.3, v17.4.11, v39.2.7, its feature_list.cc and specs) on top of the
// Chromium it shipped (59, 83, 89, 98, 142). One entry is inferred rather
// than read: Electron 12 keeps Chromium 83's strict rule for Secure cookies
// on loopback URLs (Electron 17's own spec shows 98 trusting loopback).

import type { EraId } from '../../contract/eras/eras.ts';
import type { SecureSourceRule } from './cookie-url.ts';

export type ElectronSameSite = 'unspecified' | 'no_restriction' | 'lax' | 'strict';

export interface CookieEra {
  /** How arguments are converted: native_mate (1.x); Cookies moved to gin in Electron 9, before Session did. */
  argumentStyle: 'native_mate' | 'gin';
  /** The Cookie objects carry `sameSite` (added in Electron 12). */
  exposesSameSite: boolean;
  /** `details.sameSite` is read; otherwise every API cookie gets `fixedSameSite`. */
  readsSameSite: boolean;
  /** SameSite of an API cookie without `details.sameSite` (lax from Electron 16). */
  defaultSameSite: ElectronSameSite;
  /** `secure` defaults to true for no_restriction cookies (Electron 16+). */
  secureDefaultsForNoRestriction: boolean;
  /** A details object without a string url rejects with "Missing required option 'url'" (Electron 12+). */
  requiresUrlOption: boolean;
  /** Rejection wording: one fixed message (1.x), Electron's short table (9-31), or Chromium's reasons (32+). */
  messages: 'fixed' | 'short' | 'detailed';
  /** Whether API validation reports the precise Chromium reason (newer Chromium) or one parse failure. */
  detailedValidation: boolean;
  /** Which URLs may set and read Secure cookies. */
  secureSource: SecureSourceRule;
  /** SameSite=None cookies must be Secure; unspecified SameSite acts as Lax on requests (Chromium 95+). */
  sameSiteByDefault: boolean;
  /** Setting a non-HttpOnly cookie cannot replace an HttpOnly one through the API (network service eras). */
  protectsHttpOnly: boolean;
  /** Expiry capped at 400 days after creation (Chromium 104+). */
  capsExpiry: boolean;
  /** How `filter.domain` selects cookies. */
  domainFilter: 'cookie-within-filter' | 'cookie-applies-to-filter';
  /** Electron 7-24 compared `filter.secure` the wrong way round (fixed by electron/electron#37203). */
  invertedSecureFilter: boolean;
  /** `filter.httpOnly` is read (Electron 25+). */
  readsHttpOnlyFilter: boolean;
  /** Name prefixes are matched case-insensitively (newer Chromium). */
  caseInsensitivePrefixes: boolean;
  /**
   * The schemes the app registered as standard carry cookies too (1.x:
   * AtomBrowserContext::GetCookieableSchemes; the network service's
   * CookieManager keeps Chromium's defaults, so Electron 7+ refuses them).
   */
  standardSchemesCookieable: boolean;
}

const LEGACY: CookieEra = {
  argumentStyle: 'native_mate',
  exposesSameSite: false,
  readsSameSite: false,
  defaultSameSite: 'unspecified',
  secureDefaultsForNoRestriction: false,
  requiresUrlOption: false,
  messages: 'fixed',
  detailedValidation: false,
  secureSource: 'cryptographic',
  sameSiteByDefault: false,
  protectsHttpOnly: false,
  capsExpiry: false,
  domainFilter: 'cookie-within-filter',
  invertedSecureFilter: false,
  readsHttpOnlyFilter: false,
  caseInsensitivePrefixes: false,
  standardSchemesCookieable: true,
};

const E9: CookieEra = {
  ...LEGACY,
  standardSchemesCookieable: false,
  argumentStyle: 'gin',
  defaultSameSite: 'no_restriction',
  messages: 'short',
  protectsHttpOnly: true,
  invertedSecureFilter: true,
};

const E12: CookieEra = { ...E9, exposesSameSite: true, readsSameSite: true, requiresUrlOption: true };

const E17: CookieEra = {
  ...E12,
  defaultSameSite: 'lax',
  secureDefaultsForNoRestriction: true,
  secureSource: 'trustworthy',
  sameSiteByDefault: true,
};

const CURRENT: CookieEra = {
  ...E17,
  messages: 'detailed',
  detailedValidation: true,
  capsExpiry: true,
  domainFilter: 'cookie-applies-to-filter',
  invertedSecureFilter: false,
  readsHttpOnlyFilter: true,
  caseInsensitivePrefixes: true,
};

export const COOKIE_ERAS: Readonly<Record<EraId, CookieEra>> = { legacy: LEGACY, e9: E9, e12: E12, e17: E17, current: CURRENT };
