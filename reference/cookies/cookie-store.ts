// The cookie store of one session: a tough-cookie Store (so a CookieJar can
// read and write it for traffic) that keeps Chromium's CookieMonster rules
// for what a change means. A cookie replaces the one with the same name,
// domain and path ('overwrite'); an already expired cookie only deletes that
// one ('expired-overwrite'); expired cookies are collected when looked at
// ('expired'); more than 180 cookies under one registrable domain evicts the
// least recently used down to 150 ('evicted'). Every change is recorded with
// its cause for the Cookies 'changed' event, and reported to the persistence
// layer when it touches a cookie that outlives the session.

import { pathMatch, Store, type Cookie } from 'tough-cookie';
import { isIpAddress, registrableDomain } from './cookie-domain.ts';
import { creationMs, equivalenceKey, expiryMicros, fixExpiry, isExpired, lastAccessMs } from './cookie-record.ts';

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

/** The key Chromium groups cookies under for its per-domain limit. */
function groupKey(cookie: Cookie): string {
  const domain = cookie.domain ?? '';
  return registrableDomain(domain) || domain;
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
  /** Domain (no leading dot) -> equivalence key -> cookie. */
  readonly #byDomain = new Map<string, Map<string, Cookie>>();
  readonly #byGroup = new Map<string, Set<Cookie>>();
  #count = 0;
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
    for (const cookies of this.#byDomain.values()) out.push(...cookies.values());
    return out.sort((a, b) => creationMs(a) - creationMs(b) || a.creationIndex - b.creationIndex);
  }

  /** The stored cookie a new one would replace. */
  equivalentOf(cookie: Cookie): Cookie | undefined {
    return this.#byDomain.get(cookie.domain ?? '')?.get(equivalenceKey(cookie));
  }

  /** Cookies whose domain could apply to `host` (host-only or domain cookies of it or its parents). */
  cookiesForHost(host: string): Cookie[] {
    const out: Cookie[] = [];
    for (const domain of candidateDomains(host)) out.push(...(this.#byDomain.get(domain)?.values() ?? []));
    return out;
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
    if (old) this.delete(old, 'overwrite');
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
    const cookies = this.#byDomain.get(domain);
    const key = equivalenceKey(cookie);
    if (cookies?.get(key) !== cookie) return;
    cookies.delete(key);
    if (!cookies.size) this.#byDomain.delete(domain);
    const group = this.#byGroup.get(groupKey(cookie));
    group?.delete(cookie);
    if (group && !group.size) this.#byGroup.delete(groupKey(cookie));
    this.#count--;
    this.#record(cookie, cause, true);
  }

  /** Deletes the expired cookies among `cookies` (all if omitted), reporting them as 'expired'. */
  collectExpired(nowMs = Date.now(), cookies: Iterable<Cookie> = this.all()): void {
    for (const cookie of [...cookies]) if (isExpired(cookie, nowMs)) this.delete(cookie, 'expired');
  }

  #add(cookie: Cookie): void {
    const domain = cookie.domain ?? '';
    let cookies = this.#byDomain.get(domain);
    if (!cookies) this.#byDomain.set(domain, (cookies = new Map()));
    cookies.set(equivalenceKey(cookie), cookie);
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
      if (left && left.size > LIMITS.perDomain) this.#evict([...left], left.size - LIMITS.perDomainAfterPurge);
    }
    if (this.#count > LIMITS.total) {
      this.collectExpired(nowMs);
      if (this.#count > LIMITS.total) {
        const stale = this.all().filter((c) => lastAccessMs(c) < nowMs - LIMITS.globalPurgeSafeMs);
        this.#evict(stale, Math.min(stale.length, this.#count - LIMITS.totalAfterPurge));
      }
    }
  }

  /** Evicts `count` cookies: least recently used first, insecure ones before secure ones. */
  #evict(cookies: Cookie[], count: number): void {
    const order = cookies.sort(
      (a, b) => Number(a.secure) - Number(b.secure) || lastAccessMs(a) - lastAccessMs(b) || a.creationIndex - b.creationIndex,
    );
    for (const cookie of order.slice(0, count)) this.delete(cookie, 'evicted');
  }

  // --- tough-cookie's Store interface, used by the CookieJar for traffic ---

  override findCookie(domain: string | null, path: string | null, key: string | null, callback?: unknown): any {
    return answer(callback, () => {
      const cookies = [...(this.#byDomain.get(domain ?? '')?.values() ?? [])];
      return cookies.find((c) => c.path === path && c.key === key);
    });
  }

  override findCookies(domain: string | null, path: string | null, allowSpecialUseDomain?: unknown, callback?: unknown): any {
    const cb = typeof allowSpecialUseDomain === 'function' ? allowSpecialUseDomain : callback;
    return answer(cb, () => {
      if (!domain) return [];
      return this.cookiesForHost(domain).filter((c) => path == null || pathMatch(path, c.path ?? '/'));
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
      for (const c of [...(this.#byDomain.get(domain ?? '')?.values() ?? [])]) {
        if (c.path === path && c.key === key) this.delete(c, 'explicit');
      }
    });
  }

  override removeCookies(domain: string, path: string | null, callback?: unknown): any {
    return answer(callback, () => {
      for (const c of [...(this.#byDomain.get(domain)?.values() ?? [])]) {
        if (path == null || c.path === path) this.delete(c, 'explicit');
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
