// The stores a crash-durability trial writes and checks, each through the
// API or a page stimulus: cookies (acknowledged by cookies.flushStore),
// local storage (by ses.flushStorageData), and the stores without a flush
// of their own in the API — the custom spelling dictionary, IndexedDB, Cache
// Storage, service-worker registrations, the HTTP cache — acknowledged when
// the session's stores report everything written (flushSessionStores). Stores a probe
// does not name are still checked by every trial: the next start opens,
// nothing is left damaged, no temp file remains.

import type { RouteHandler } from '../fixtures/servers/routes.ts';
import { flushSessionStores, REFERENCE_DRIVER_COMMANDS } from '../reference/testing.ts';

/** What a probe wrote and had acknowledged: checked after the next start. */
export interface Acked {
  probe: string;
  key: string;
  value: string;
  /** Acknowledged as removed: it must be gone. */
  removed?: boolean;
}

export interface ProbeContext {
  /** The persistent session the trial writes to. */
  session: Electron.Session;
  /** A loopback HTTP fixture (origin, no trailing slash). */
  origin: string;
  /** Items acknowledged so far in this userData (a probe may remove one). */
  acked: readonly Acked[];
}

export interface DurabilityProbe {
  name: string;
  /** The change to make next (number n of the trial). */
  plan(ctx: Pick<ProbeContext, 'acked' | 'origin'>, n: number): Acked;
  /** Makes the change; resolves true once it is acknowledged (false: the page's request failed, nothing is). */
  apply(ctx: ProbeContext, item: Acked): Promise<boolean>;
  /** Whether the item is held (or, for a removal, gone) after a restart. */
  holds(ctx: ProbeContext, item: Acked): Promise<boolean>;
}

/** Live cookies the probe keeps at most, well under Chromium's 180 per registrable domain. */
export const COOKIES_KEPT = 120;

const driver = REFERENCE_DRIVER_COMMANDS;

/** The routes the probes need of the fixture server: a service-worker script that evaluates. */
export const PROBE_ROUTES: Record<string, RouteHandler> = {
  '/durable-sw.js': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end('// a service worker that does nothing\n');
  },
};

/** Fetch options that let only the HTTP cache answer (the RequestInit type ses.fetch is declared with here has no `cache`). */
const ONLY_FROM_CACHE = { cache: 'only-if-cached', mode: 'same-origin' } as Parameters<Electron.Session['fetch']>[1];

/** A response the HTTP cache keeps for an hour. */
const cachedUrl = (origin: string, key: string) => `${origin}/headers?Cache-Control=max-age%3D3600&n=${key}`;

export const PROBES: DurabilityProbe[] = [
  {
    name: 'cookies',
    plan({ acked }, n) {
      const present = new Map<string, Acked>();
      for (const a of acked) if (a.probe === 'cookies') a.removed ? present.delete(a.key) : present.set(a.key, a);
      const earlier = [...present.values()];
      // Chromium keeps at most 180 cookies of a registrable domain (cookie-store.ts evicts the oldest): stay under it.
      if (earlier.length && (n % 4 === 3 || earlier.length >= COOKIES_KEPT))
        return { ...earlier[n % earlier.length]!, removed: true };
      return { probe: 'cookies', key: `c${n}`, value: `v${n}` };
    },
    async apply({ session }, item) {
      if (item.removed) await session.cookies.remove('https://durable.example/', item.key);
      else
        await session.cookies.set({
          url: 'https://durable.example/',
          name: item.key,
          value: item.value,
          expirationDate: Date.now() / 1000 + 86_400,
        });
      await session.cookies.flushStore();
      return true;
    },
    async holds({ session }, item) {
      const found = (await session.cookies.get({ name: item.key })) as { value: string }[];
      return item.removed ? found.length === 0 : found.some((c) => c.value === item.value);
    },
  },
  {
    name: 'local-storage',
    plan: (_ctx, n) => ({ probe: 'local-storage', key: `k${n}`, value: `v${n}` }),
    async apply({ session, origin }, item) {
      await driver['storage.setLocalStorage']!({ session, origin, key: item.key, value: item.value });
      session.flushStorageData();
      return true;
    },
    async holds({ session, origin }, item) {
      return (await driver['storage.getLocalStorage']!({ session, origin, key: item.key })) === item.value;
    },
  },
  {
    name: 'dictionary',
    plan: (_ctx, n) => ({ probe: 'dictionary', key: `durableword${n}`, value: '' }),
    async apply({ session }, item) {
      session.addWordToSpellCheckerDictionary(item.key);
      await flushSessionStores(session);
      return true;
    },
    async holds({ session }, item) {
      return ((await session.listWordsInSpellCheckerDictionary()) as string[]).includes(item.key);
    },
  },
  {
    name: 'indexeddb',
    plan: (_ctx, n) => ({ probe: 'indexeddb', key: `i${n}`, value: `v${n}` }),
    async apply({ session, origin }, item) {
      await driver['storage.indexedDBPut']!({
        session,
        origin,
        database: 'durable',
        store: 'items',
        key: item.key,
        value: item.value,
      });
      await flushSessionStores(session);
      return true;
    },
    async holds({ session, origin }, item) {
      return (
        (await driver['storage.indexedDBGet']!({ session, origin, database: 'durable', store: 'items', key: item.key })) ===
        item.value
      );
    },
  },
  {
    name: 'cache-storage',
    plan: ({ origin }, n) => ({ probe: 'cache-storage', key: `${origin}/cached/${n}`, value: `body ${n}` }),
    async apply({ session, origin }, item) {
      await driver['storage.cachePut']!({ session, origin, cacheName: 'durable', url: item.key, body: item.value });
      await flushSessionStores(session);
      return true;
    },
    async holds({ session, origin }, item) {
      return (await driver['storage.cacheMatch']!({ session, origin, cacheName: 'durable', url: item.key })) === item.value;
    },
  },
  {
    name: 'service-workers',
    plan: ({ origin }, n) => ({ probe: 'service-workers', key: `${origin}/scope${n}/`, value: String(n) }),
    async apply({ session, origin }, item) {
      try {
        await driver['serviceWorkers.register']!({
          session,
          scriptURL: `${origin}/durable-sw.js?n=${item.value}`,
          scope: item.key,
        });
      } catch {
        return false;
      }
      await flushSessionStores(session);
      return true;
    },
    async holds({ session, origin }, item) {
      return (await driver['serviceWorkers.getRegistrations']!({ session, origin })).includes(item.key);
    },
  },
  {
    // An acknowledged response is one the cache has written to disk: after a restart, a request that may only
    // be answered from the cache (cache: 'only-if-cached', LOAD_ONLY_FROM_CACHE) must find it.
    name: 'http-cache',
    plan: (_ctx, n) => ({ probe: 'http-cache', key: String(n), value: '' }),
    async apply({ session, origin }, item) {
      const response = (await session.fetch(cachedUrl(origin, item.key))) as Response;
      await response.arrayBuffer();
      await flushSessionStores(session);
      return true;
    },
    async holds({ session, origin }, item) {
      try {
        const response = (await session.fetch(cachedUrl(origin, item.key), ONLY_FROM_CACHE)) as Response;
        await response.arrayBuffer();
        return response.status === 200;
      } catch {
        return false;
      }
    },
  },
];
