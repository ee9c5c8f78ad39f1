// The cookie store of one session: a tough-cookie Store (so a CookieJar can
// read and write it for traffic) that keeps Chromium's CookieMonster rules
// for what a change means. A cookie replaces the one with the same name,
// domain and path ('overwrite'); an already expired cookie only deletes that
// one ('expired-overwrite'); expired cookies are collected when looked at
// ('expired'); more than 180 cookies under one registrable domain evicts
// down to 150 by priority, Secure-ness and least recent access
// (cookie-eviction.ts: 'evicted'). A use of a cookie moves its last access
// only when that is a minute old. Every change is recorded with
// its cause for the Cookies 'changed' event, and reported to the persistence
// layer when it touches a cookie that outlives the session.

import { pathMatch, Store, type Cookie } from 'tough-cookie';
import { isIpAddress, registrableDomain } from './cookie-domain.ts';
import { domainEvictions, leastRecentlyAccessedFirst } from './cookie-eviction.ts';
import { creationMs, expiryMicros, fixExpiry, isExpired, lastAccessMs } from './cookie-record.ts';

export type ChangeCause = 'explicit' | 'overwrite' | 'expired' | 'evicted' | 'expired-overwrite';

export interface CookieChange {
  cookie: Cookie;
  cause: ChangeCause;
  removed: boolean;
}

/** Chromium's limits (CookieMonster::kDomainMaxCookies and friends). */
export const LIMITS = {
  perDomain: 180,
  perDomainAfterPurge: 150,
  total: 3300,
  totalAfterPurge: 3000,
  /** Cookies accessed more recently than this are safe from the global purge. */
  globalPurgeSafeMs: 30 * 86_400_000,
  /** A cookie's last access moves on use only once it is this old (kDefaultAccessUpdateThresholdSeconds). */
  accessUpdateThresholdMs: 60_000,
} as const;

export interface SessionCookieStoreOptions {
  /** Expiries further than this many days after creation are shortened (null: no cap). */
  expiryCapDays: number | null;
}

type Settle = (error: unknown, result?: unknown) => void;

/** Runs `work` and answers through the callback if one was given, else through a promise. */
function answer<T>(callback: unknown, work: () => T): Promise<T> | undefined {
  let result: T;
  try {
    result = work();
  } catch (error) {
    if (typeof callback === 'function') {
      (callback as Settle)(error);
      return undefined;
    }
    return Promise.reject(error);
  }
  if (typeof callback === 'function') {
    (callback as Settle)(null, result);
    return undefined;
  }
  return Promise.resolve(result);
}

const groupKeys = new Map<string, string>();

/** The key Chromium groups cookies under for its per-domain limit (memoized: the suffix lookup is costly). */
function groupKey(cookie: Cookie): string {
  const domain = cookie.domain ?? '';
  let key = groupKeys.get(domain);
  if (key === undefined) {
    if (groupKeys.size > 10_000) groupKeys.clear();
    groupKeys.set(domain, (key = registrableDomain(domain) || domain));
  }
  return key;
}

/** Within one domain and path, a cookie is identified by its name and whether it is host-only. */
function slotKey(cookie: Cookie): string {
  return `${cookie.hostOnly ? 'h' : 'd'}${cookie.key}`;
}

/** The host itself and every parent domain it could receive domain cookies from. */
function candidateDomains(host: string): string[] {
  if (isIpAddress(host)) return [host];
  const out = [host];
  for (let i = host.indexOf('.'); i >= 0 && i < host.length - 1; i = host.indexOf('.', i + 1)) out.push(host.slice(i + 1));
  return out;
}

export class SessionCookieStore extends Store {
  readonly #options: SessionCookieStoreOptions;
  /** Domain (no leading dot) -> path -> name and host-only flag -> cookie, like tough-cookie's own index. */
  readonly #byDomain = new Map<string, Map<string, Map<string, Cookie>>>();
  readonly #byGroup = new Map<string, Set<Cookie>>();
  #count = 0;
  /** No stored cookie was last used before this (a lower bound, refreshed by the global purge). */
  #earliestAccess = Infinity;
  #changes: CookieChange[] = [];
  /** Called when a change touches a cookie with an expiry (one that is persisted). */
  onPersistentChange: (() => void) | undefined;

  constructor(options: SessionCookieStoreOptions) {
    super();
    this.synchronous = true;
    this.#options = options;
  }

  get size(): number {
    return this.#count;
  }

  /** The changes since the last call, oldest first. */
  takeChanges(): CookieChange[] {
    const changes = this.#changes;
    this.#changes = [];
    return changes;
  }

  /** Every cookie, oldest first. */
  all(): Cookie[] {
    const out: Cookie[] = [];
    for (const paths of this.#byDomain.values())
      for (const cookies of paths.values()) for (const c of cookies.values()) out.push(c);
    return out.sort((a, b) => creationMs(a) - creationMs(b) || a.creationIndex - b.creationIndex);
  }

  /** The stored cookie a new one would replace. */
  equivalentOf(cookie: Cookie): Cookie | undefined {
    return this.#byDomain
      .get(cookie.domain ?? '')
      ?.get(cookie.path ?? '')
      ?.get(slotKey(cookie));
  }

  /**
   * Cookies whose domain could apply to `host` (host-only or domain cookies
   * of it or its parents) and, if `requestPath` is given, whose path it matches.
   */
  cookiesForHost(host: string, requestPath?: string | null): Cookie[] {
    const out: Cookie[] = [];
    for (const domain of candidateDomains(host)) {
      const paths = this.#byDomain.get(domain);
      if (!paths) continue;
      for (const [cookiePath, cookies] of paths) {
        if (requestPath != null && !pathMatch(requestPath, cookiePath)) continue;
        for (const cookie of cookies.values()) out.push(cookie);
      }
    }
    return out;
  }

  /** The cookies counted against the same per-domain limit as `cookie` (its registrable domain's). */
  sameDomainAs(cookie: Cookie): Cookie[] {
    return [...(this.#byGroup.get(groupKey(cookie)) ?? [])];
  }

  /** Marks `cookies` used now (CookieMonster::InternalUpdateCookieAccessTime: not within a minute of the last update). */
  touch(cookies: Iterable<Cookie>, nowMs = Date.now()): void {
    for (const cookie of cookies) {
      if (nowMs - lastAccessMs(cookie) >= LIMITS.accessUpdateThresholdMs) cookie.lastAccessed = new Date(nowMs);
    }
  }

  /**
   * Stores `cookie` the way CookieMonster::SetCanonicalCookie ends: it
   * replaces its equivalent, or only deletes it when it is already expired.
   */
  insert(cookie: Cookie, nowMs = Date.now()): void {
    if (cookie.domain && isIpAddress(cookie.domain)) cookie.hostOnly = true;
    cookie.hostOnly = cookie.hostOnly ?? false;
    fixExpiry(cookie, this.#options.expiryCapDays);
    const old = this.equivalentOf(cookie);
    if (isExpired(cookie, nowMs)) {
      if (old) this.delete(old, 'expired-overwrite');
      return;
    }
    if (old) {
      this.delete(old, 'overwrite');
      // CookieMonster keeps the creation date of a cookie overwritten with the
      // same value, so the cookie keeps its place in cookies.get's order.
      if (old.value === cookie.value) {
        cookie.creation = old.creation;
        cookie.creationIndex = old.creationIndex;
      }
    }
    this.#add(cookie);
    this.#record(cookie, 'explicit', false);
    this.#collect(groupKey(cookie), nowMs);
  }

  /** Adds a cookie read back from disk: no change is reported. */
  restore(cookie: Cookie): void {
    if (!this.equivalentOf(cookie)) this.#add(cookie);
  }

  delete(cookie: Cookie, cause: ChangeCause): void {
    const domain = cookie.domain ?? '';
    const paths = this.#byDomain.get(domain);
    const cookies = paths?.get(cookie.path ?? '');
    const key = slotKey(cookie);
    if (!paths || cookies?.get(key) !== cookie) return;
    cookies.delete(key);
    if (!cookies.size) paths.delete(cookie.path ?? '');
    if (!paths.size) this.#byDomain.delete(domain);
    const group = this.#byGroup.get(groupKey(cookie));
    group?.delete(cookie);
    if (group && !group.size) this.#byGroup.delete(groupKey(cookie));
    this.#count--;
    this.#record(cookie, cause, true);
  }

  /** Deletes the expired cookies among `cookies` (all if omitted), reporting them as 'expired'. */
  collectExpired(nowMs = Date.now(), cookies: Iterable<Cookie> = this.all()): void {
    const expired: Cookie[] = [];
    for (const cookie of cookies) if (isExpired(cookie, nowMs)) expired.push(cookie);
    for (const cookie of expired) this.delete(cookie, 'expired');
  }

  #add(cookie: Cookie): void {
    this.#earliestAccess = Math.min(this.#earliestAccess, lastAccessMs(cookie));
    const domain = cookie.domain ?? '';
    let paths = this.#byDomain.get(domain);
    if (!paths) this.#byDomain.set(domain, (paths = new Map()));
    let cookies = paths.get(cookie.path ?? '');
    if (!cookies) paths.set(cookie.path ?? '', (cookies = new Map()));
    cookies.set(slotKey(cookie), cookie);
    let group = this.#byGroup.get(groupKey(cookie));
    if (!group) this.#byGroup.set(groupKey(cookie), (group = new Set()));
    group.add(cookie);
    this.#count++;
  }

  #record(cookie: Cookie, cause: ChangeCause, removed: boolean): void {
    this.#changes.push({ cookie, cause, removed });
    if (expiryMicros(cookie) !== null) this.onPersistentChange?.();
  }

  /** CookieMonster::GarbageCollect after an insertion under `group`. */
  #collect(group: string, nowMs: number): void {
    const members = this.#byGroup.get(group);
    if (members && members.size > LIMITS.perDomain) {
      this.collectExpired(nowMs, members);
      const left = this.#byGroup.get(group);
      if (left && left.size > LIMITS.perDomain) {
        for (const cookie of domainEvictions([...left], left.size - LIMITS.perDomainAfterPurge)) this.delete(cookie, 'evicted');
      }
    }
    // Like CookieMonster, the global purge only runs when some cookie has gone
    // unused long enough to be purged, which keeps big stores cheap to grow.
    if (this.#count > LIMITS.total && this.#earliestAccess < nowMs - LIMITS.globalPurgeSafeMs) {
      this.collectExpired(nowMs);
      const all = this.all();
      if (this.#count > LIMITS.total) {
        const stale = all.filter((c) => this.#has(c) && lastAccessMs(c) < nowMs - LIMITS.globalPurgeSafeMs);
        this.#evict(stale, Math.min(stale.length, this.#count - LIMITS.totalAfterPurge));
      }
      this.#earliestAccess = Math.min(...this.all().map(lastAccessMs), Infinity);
    }
  }

  #has(cookie: Cookie): boolean {
    return this.equivalentOf(cookie) === cookie;
  }

  /** The global purge: evicts `count` cookies, least recently used first, insecure ones before secure ones. */
  #evict(cookies: Cookie[], count: number): void {
    const order = cookies.sort((a, b) => Number(a.secure) - Number(b.secure) || leastRecentlyAccessedFirst(a, b));
    for (const cookie of order.slice(0, count)) this.delete(cookie, 'evicted');
  }

  // --- tough-cookie's Store interface, used by the CookieJar for traffic ---

  override findCookie(domain: string | null, path: string | null, key: string | null, callback?: unknown): any {
    return answer(callback, () => {
      const cookies = [
        ...(this.#byDomain
          .get(domain ?? '')
          ?.get(path ?? '')
          ?.values() ?? []),
      ];
      return cookies.find((c) => c.key === key);
    });
  }

  override findCookies(domain: string | null, path: string | null, allowSpecialUseDomain?: unknown, callback?: unknown): any {
    const cb = typeof allowSpecialUseDomain === 'function' ? allowSpecialUseDomain : callback;
    return answer(cb, () => {
      return domain ? this.cookiesForHost(domain, path) : [];
    });
  }

  override putCookie(cookie: Cookie, callback?: unknown): any {
    return answer(callback, () => this.insert(cookie));
  }

  override updateCookie(_oldCookie: Cookie, newCookie: Cookie, callback?: unknown): any {
    return answer(callback, () => this.insert(newCookie));
  }

  override removeCookie(domain: string | null, path: string | null, key: string | null, callback?: unknown): any {
    return answer(callback, () => {
      for (const c of [
        ...(this.#byDomain
          .get(domain ?? '')
          ?.get(path ?? '')
          ?.values() ?? []),
      ]) {
        if (c.key === key) this.delete(c, 'explicit');
      }
    });
  }

  override removeCookies(domain: string, path: string | null, callback?: unknown): any {
    return answer(callback, () => {
      for (const [cookiePath, cookies] of [...(this.#byDomain.get(domain) ?? [])]) {
        if (path == null || cookiePath === path) for (const c of [...cookies.values()]) this.delete(c, 'explicit');
      }
    });
  }

  override removeAllCookies(callback?: unknown): any {
    return answer(callback, () => {
      for (const c of this.all()) this.delete(c, 'explicit');
    });
  }

  override getAllCookies(callback?: unknown): any {
    return answer(callback, () => this.all());
  }
}
