// The cookies of one session: the store, its persistence, the CookieJar that
// applies tough-cookie's RFC 6265bis rules to traffic, and the operations
// behind the public Cookies object (get, set, remove, flushStore and the
// 'changed' event). Obtain it with `services.use(cookieService)`.
//
// Hooks for the network stack (ses.fetch, driver pages, downloads), which
// call them around every request of the session:
//
//   cookieHeaderFor(url, { sameSiteContext?, http? }): Promise<string>
//     The value of the Cookie header for a request to `url` ('' when no
//     cookie applies): cookies whose domain and path match, Secure ones only
//     for secure URLs (loopback counts from Electron 17's Chromium), HttpOnly
//     ones unless `http` is false, and SameSite ones only when the request's
//     `sameSiteContext` allows them ('strict': same-site, 'lax': a cross-site
//     top-level navigation, 'none': cross-site; omitted: no SameSite check).
//     From Electron 17's Chromium, a cookie without SameSite counts as Lax
//     and a SameSite=None cookie must be Secure. Expired cookies are removed
//     first ('changed' with cause 'expired').
//
//   storeFromResponse(url, setCookieHeaders, { sameSiteContext?, http? }): Promise<void>
//     Stores the cookies of a response's Set-Cookie header values (one string
//     per header), each made as Chromium's CanonicalCookie::Create makes it
//     (response-cookie.ts, on the rules cookies.set uses too). Cookies the
//     rules refuse (domain not matching the URL, a public suffix, Secure from
//     an insecure URL, bad prefixes, sizes, SameSite mismatching the context,
//     SameSite=None without Secure from Electron 17, an insecure overwrite of
//     a Secure cookie) are skipped silently, as browsers do. Each stored or removed cookie emits
//     'changed' on the session's Cookies object.

import { type Cookie, CookieJar } from 'tough-cookie';
import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { createElectronEvent } from '../events/electron-event.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { hostOf } from './cookie-domain.ts';
import { checkStorable, createCookie, MAX_EXPIRY_DAYS, readDetails } from './cookie-details.ts';
import { COOKIE_ERAS, type CookieEra } from './cookie-era.ts';
import { CookieFile } from './cookie-file.ts';
import { matchesFilter, readFilter } from './cookie-filter.ts';
import { CookiePersistence } from './cookie-persistence.ts';
import { toElectronCookie, type ElectronCookie } from './cookie-record.ts';
import { admitsResponseCookie, cookieFromSetCookie } from './response-cookie.ts';
import { rejection, type CookieStatus } from './cookie-rejection.ts';
import { SessionCookieStore } from './cookie-store.ts';
import { isCookieableScheme, parseUrl } from './cookie-url.ts';
import { COOKIES_OBJECT } from './cookies-object.ts';

export const COOKIE_FILE_NAME = 'Cookies.json';

export type SameSiteContext = 'strict' | 'lax' | 'none';

export interface CookieRequestOptions {
  sameSiteContext?: SameSiteContext;
  /** Whether this is an HTTP request (true) or a script-facing API (false); default true. */
  http?: boolean;
}

export class CookieService implements SessionService {
  readonly era: CookieEra;
  readonly store: SessionCookieStore;
  readonly #jar: CookieJar;
  readonly #persistence: CookiePersistence;
  readonly eraId: EraId;
  readonly #services: SessionServices;

  constructor(services: SessionServices) {
    this.#services = services;
    this.eraId = services.era;
    this.era = COOKIE_ERAS[services.era];
    this.store = new SessionCookieStore({ expiryCapDays: this.era.capsExpiry ? MAX_EXPIRY_DAYS : null });
    const storagePath = services.identity.storagePath;
    const file = storagePath === null ? null : new CookieFile(path.join(storagePath, COOKIE_FILE_NAME));
    for (const cookie of file?.read() ?? []) this.store.restore(cookie);
    this.#persistence = new CookiePersistence(file, () => this.store.all());
    this.store.onPersistentChange = () => this.#persistence.noteChange();
    this.#jar = new CookieJar(this.store, {
      looseMode: true,
      rejectPublicSuffixes: true,
      allowSpecialUseDomain: true,
      prefixSecurity: 'strict',
      allowSecureOnLocal: this.era.secureSource === 'trustworthy',
      enforceSecureOriginOnStorage: true,
    });
  }

  /** Schemes carrying cookies beyond Chromium's defaults: the app's standard ones, in eras that allow them. */
  #extraCookieableSchemes(): readonly string[] {
    return this.era.standardSchemesCookieable ? this.#services.app.urlSchemes.standardSchemes() : [];
  }

  /** Emits 'changed' for every change since the last call, in order. */
  #publish(): void {
    const changes = this.store.takeChanges();
    const target = this.#services.existingPublicObject(COOKIES_OBJECT);
    if (!target) return;
    for (const { cookie, cause, removed } of changes) {
      target.emit('changed', createElectronEvent(), toElectronCookie(cookie, this.era), cause, removed);
    }
  }

  /**
   * Cookies a request to `url` would carry, per the jar's matching rules
   * (expired ones are removed first). `touch` marks them used (the store's
   * touch); false leaves access times alone, as Electron's own lookups do.
   */
  async #cookiesFor(url: string, options: CookieRequestOptions & { touch: boolean }): Promise<Cookie[]> {
    const parsed = parseUrl(url, this.#services.app.urlSchemes);
    if (!parsed || !isCookieableScheme(parsed, this.#extraCookieableSchemes())) return [];
    // Like CookieMonster, a lookup first deletes every expired cookie of the host.
    this.store.collectExpired(Date.now(), this.store.cookiesForHost(hostOf(parsed)));
    // The jar marks every cookie it returns as used; the store's rule applies instead.
    const candidates = this.store.cookiesForHost(hostOf(parsed));
    const accessed = new Map(candidates.map((c) => [c, c.lastAccessed] as const));
    let cookies = await this.#jar.getCookies(parsed.href, {
      http: options.http ?? true,
      expire: false,
      sort: true,
      ...(options.sameSiteContext ? { sameSiteContext: options.sameSiteContext } : {}),
    });
    for (const [cookie, at] of accessed) cookie.lastAccessed = at;
    if (this.era.sameSiteByDefault) {
      cookies = cookies.filter((c) => {
        if (c.sameSite === 'none' && !c.secure) return false;
        return !(c.sameSite === undefined && options.sameSiteContext === 'none');
      });
    }
    if (options.touch) this.store.touch(cookies);
    return cookies;
  }

  // --- the public API ---

  async get(source: Record<string, unknown>): Promise<ElectronCookie[]> {
    const filter = readFilter(this.era, source);
    let cookies: Cookie[];
    if (filter.url === '') {
      this.store.collectExpired();
      cookies = this.store.all().sort((a, b) => (b.path ?? '').length - (a.path ?? '').length);
    } else {
      cookies = await this.#cookiesFor(filter.url, { touch: false });
    }
    this.#publish();
    return cookies.filter((c) => matchesFilter(this.era, filter, c)).map((c) => toElectronCookie(c, this.era));
  }

  async set(source: Record<string, unknown>): Promise<void> {
    const read = readDetails(this.era, source);
    if ('message' in read) throw new Error(read.message);
    const created = createCookie(this.era, read.details, Date.now(), this.#services.app.urlSchemes);
    if ('status' in created) throw this.#rejection(created.status);
    const replaced = this.store.equivalentOf(created.cookie);
    const status = checkStorable(this.era, created.cookie, created.url, replaced, this.#extraCookieableSchemes());
    if (!status.included) throw this.#rejection(status);
    this.store.insert(created.cookie);
    this.#publish();
  }

  async remove(url: string, name: string): Promise<void> {
    for (const cookie of await this.#cookiesFor(url, { touch: false })) {
      if (cookie.key === name) this.store.delete(cookie, 'explicit');
    }
    this.#publish();
  }

  flush(): Promise<void> {
    return this.#persistence.flush();
  }

  /** Deletes every cookie `match` selects, as clearing browsing data does (cause 'explicit'). */
  deleteWhere(match: (cookie: Cookie) => boolean): void {
    for (const cookie of this.store.all()) if (match(cookie)) this.store.delete(cookie, 'explicit');
    this.#publish();
  }

  #rejection(status: CookieStatus): Error {
    return rejection(this.era, status);
  }

  // --- hooks for the network stack (see the header comment) ---

  async cookieHeaderFor(url: string, options: CookieRequestOptions = {}): Promise<string> {
    const cookies = await this.#cookiesFor(url, { ...options, touch: true });
    this.#publish();
    return cookies.map((c) => c.cookieString()).join('; ');
  }

  async storeFromResponse(url: string, setCookieHeaders: readonly string[], options: CookieRequestOptions = {}): Promise<void> {
    const parsed = parseUrl(url, this.#services.app.urlSchemes);
    const extraSchemes = this.#extraCookieableSchemes();
    if (!parsed || !isCookieableScheme(parsed, extraSchemes)) return;
    for (const header of setCookieHeaders) {
      const now = Date.now();
      const cookie = cookieFromSetCookie(this.era, header, parsed, now);
      if (!cookie) continue;
      const http = options.http ?? true;
      if (!http && cookie.httpOnly) continue;
      const replaced = this.store.equivalentOf(cookie);
      if (!http && replaced?.httpOnly) continue;
      if (!admitsResponseCookie(this.era, cookie, parsed, options.sameSiteContext, this.store.sameDomainAs(cookie), extraSchemes))
        continue;
      this.store.insert(cookie, now);
    }
    this.#publish();
  }

  async shutdown(crash: boolean): Promise<void> {
    await this.#persistence.shutdown(crash);
  }
}

export function cookieService(services: SessionServices): CookieService {
  return new CookieService(services);
}
