// Which cookies Chromium evicts when one registrable domain holds more than
// its limit (CookieMonster::GarbageCollect with PurgeLeastRecentMatches):
// cookies are taken least recently accessed first, in six rounds, low
// priority insecure, low secure, medium insecure, high insecure, medium
// secure, high secure; a round leaves its priority at least its quota
// (low 30, medium 50, high 70), and an insecure-only round also leaves
// as many as there are secure cookies of that priority.

import type { Cookie } from 'tough-cookie';
import { creationMs, lastAccessMs, priorityOf, type CookiePriority } from './cookie-record.ts';

/** kDomainCookiesQuotaLow / Medium / High (the high quota is what the other two leave of 150). */
const QUOTA: Record<CookiePriority, number> = { low: 30, medium: 50, high: 70 };

/** kPurgeRounds: a priority and whether its secure cookies are spared in that round. */
const ROUNDS: readonly (readonly [CookiePriority, boolean])[] = [
  ['low', true],
  ['low', false],
  ['medium', true],
  ['high', true],
  ['medium', false],
  ['high', false],
];

/** LRACookieSorter: last access, then creation (the store's insertion order breaks what Chromium's microseconds would). */
export function leastRecentlyAccessedFirst(a: Cookie, b: Cookie): number {
  return lastAccessMs(a) - lastAccessMs(b) || creationMs(a) - creationMs(b) || a.creationIndex - b.creationIndex;
}

/** One round: evicts from `order` (and appends to `evicted`) at most `goal` cookies of `priority`. */
function purgeRound(order: Cookie[], priority: CookiePriority, spareSecure: boolean, goal: number, evicted: Cookie[]): void {
  const atPriority = order.filter((c) => priorityOf(c) === priority);
  const quota = QUOTA[priority];
  if (atPriority.length <= quota) return;
  const secure = spareSecure ? atPriority.filter((c) => c.secure).length : 0;
  let deletable = atPriority.length - Math.max(secure, quota);
  let removed = 0;
  for (let i = 0; i < order.length && removed < goal && deletable > 0; ) {
    const cookie = order[i]!;
    if (priorityOf(cookie) === priority && !(spareSecure && cookie.secure)) {
      order.splice(i, 1);
      evicted.push(cookie);
      removed++;
      deletable--;
    } else {
      i++;
    }
  }
}

/** The `goal` cookies (or fewer) of one domain's `cookies` that the purge evicts, in eviction order. */
export function domainEvictions(cookies: readonly Cookie[], goal: number): Cookie[] {
  const order = [...cookies].sort(leastRecentlyAccessedFirst);
  const evicted: Cookie[] = [];
  for (const [priority, spareSecure] of ROUNDS) {
    if (evicted.length >= goal) break;
    purgeRound(order, priority, spareSecure, goal - evicted.length, evicted);
  }
  return evicted;
}
