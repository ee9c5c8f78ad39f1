// Where the HTTP cache lives: on disk under a persistent session's directory
// (`<storagePath>/Cache`), so stored answers are reused after the app
// restarts; in memory for in-memory sessions, so a restart starts empty. A
// killed app leaves each entry whole or gone, never a damaged answer.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch } from '../support/requests.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['session.fromPartition', 'ses.getCacheSize'],
  eras: '*',
  requires: ['network', 'restart', 'crash-restart'],
  level: 'must',
  basis: 'electron',
  summary:
    "A persistent session's HTTP cache is on disk under its directory and survives a restart; an in-memory session's does not.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

const storagePath = (session: unknown) =>
  (session as { getStoragePath?: () => string | null; storagePath?: string | null }).getStoragePath?.() ?? null;

describe('the HTTP cache across restarts', () => {
  it('reuses what a persist: partition stored before a graceful restart, without a request', async () => {
    const url = cachedUrl(server, 'kept', { cc: 'max-age=600' });
    expect((await pageFetch(t, t.session.fromPartition('persist:cache-kept'), url)).body).toBe('kept#1');
    await t.target.restart();
    expect((await pageFetch(t, t.session.fromPartition('persist:cache-kept'), url)).body).toBe('kept#1');
    expect(requestsFor(server, 'kept')).toHaveLength(1);
    expect(await t.invoke<number>(t.session.fromPartition('persist:cache-kept'), 'ses.getCacheSize')).toBeGreaterThan(0);
  });

  it("keeps the default session's cache too", async () => {
    const url = cachedUrl(server, 'default-kept', { cc: 'max-age=600' });
    await pageFetch(t, t.session.defaultSession, url);
    await t.target.restart();
    expect((await pageFetch(t, t.session.defaultSession, url)).body).toBe('default-kept#1');
  });

  it('starts an in-memory partition with an empty cache after a restart', async () => {
    const url = cachedUrl(server, 'memory', { cc: 'max-age=600' });
    await pageFetch(t, t.session.fromPartition('cache-memory'), url);
    expect((await pageFetch(t, t.session.fromPartition('cache-memory'), url)).body).toBe('memory#1');
    await t.target.restart();
    expect((await pageFetch(t, t.session.fromPartition('cache-memory'), url)).body).toBe('memory#2');
  });

  // Electron 1.x's memory backend kept no statistics: its getCacheSize never called back.
  t.itInEras('>=e9', 'counts 0 bytes for an in-memory partition after a restart', async () => {
    const url = cachedUrl(server, 'memory-size', { cc: 'max-age=600' });
    await pageFetch(t, t.session.fromPartition('cache-memory-size'), url);
    expect(await t.invoke<number>(t.session.fromPartition('cache-memory-size'), 'ses.getCacheSize')).toBeGreaterThan(0);
    await t.target.restart();
    expect(await t.invoke<number>(t.session.fromPartition('cache-memory-size'), 'ses.getCacheSize')).toBe(0);
  });

  t.itInEras('>=e12', 'keeps the entries in a Cache directory under the storage path', async () => {
    const session = t.session.fromPartition('persist:cache-directory');
    await pageFetch(t, session, cachedUrl(server, 'on-disk', { cc: 'max-age=600' }));
    await t.target.restart();
    const dir = storagePath(t.session.fromPartition('persist:cache-directory'));
    expect(dir).toBeTruthy();
    expect(await readdir(dir!)).toContain('Cache');
    expect(await readdir(path.join(dir!, 'Cache'), { recursive: true })).not.toHaveLength(0);
  });

  it('after the app is killed, answers each stored URL whole, from the cache or the server', async () => {
    const session = t.session.fromPartition('persist:cache-crash');
    const urls = [0, 1, 2, 3].map((i) => cachedUrl(server, `crash-${i}`, { cc: 'max-age=600', size: 4096 * (i + 1) }));
    for (const url of urls) await pageFetch(t, session, url);
    await t.target.restart({ crash: true });
    for (const [i, url] of urls.entries()) {
      const res = await pageFetch(t, t.session.fromPartition('persist:cache-crash'), url);
      expect(res.status).toBe(200);
      expect(res.body).toBe('x'.repeat(4096 * (i + 1)));
    }
  });
});
