// The durability suite's probes: the cookie probe keeps fewer live cookies
// than Chromium keeps for one registrable domain, so what the store evicts by
// design is never counted as lost; and every probe can tell a change that
// survived a restart from one that never happened.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startHttpServer } from '../../fixtures/servers/index.ts';
import { COOKIES_KEPT, PROBE_ROUTES, PROBES, type Acked } from '../../fuzz/durability-probes.ts';
import { createReferenceElectron } from '../../reference/instance.ts';

const cookies = PROBES.find((p) => p.name === 'cookies')!;

describe('durability cookie probe', () => {
  it('removes rather than adds once it holds as many cookies as it keeps', () => {
    const acked: Acked[] = Array.from({ length: COOKIES_KEPT }, (_, i) => ({ probe: 'cookies', key: `c${i}`, value: `v${i}` }));
    const ctx = { origin: 'http://127.0.0.1', acked };
    for (let n = 1000; n < 1010; n++) expect(cookies.plan(ctx, n).removed).toBe(true);
    expect(COOKIES_KEPT).toBeLessThan(150);
  });

  it('adds three times in four while it holds fewer', () => {
    const ctx = { origin: 'http://127.0.0.1', acked: [{ probe: 'cookies', key: 'c0', value: 'v0' }] };
    expect([0, 1, 2, 3].map((n) => cookies.plan(ctx, n).removed === true)).toEqual([false, false, false, true]);
  });
});

describe('durability probes', () => {
  const dirs: string[] = [];
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startHttpServer({ routes: PROBE_ROUTES });
  });
  afterAll(async () => {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function withSession<T>(userData: string, use: (session: Electron.Session) => Promise<T>): Promise<T> {
    const electron = createReferenceElectron({ era: 'current', userData });
    await electron.app.whenReady();
    try {
      return await use(electron.session.fromPartition('persist:durable') as unknown as Electron.Session);
    } finally {
      await electron.quit();
    }
  }

  // A probe whose holds() answered true for anything could not see a loss.
  it('each sees after a restart what it wrote, and not what it never wrote', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'durability-probes-'));
    dirs.push(userData);
    const origin = server.origin;
    const written = PROBES.map((probe, n) => probe.plan({ origin, acked: [] }, n));
    const unwritten = PROBES.map((probe, n) => probe.plan({ origin, acked: [] }, 1000 + n));
    await withSession(userData, async (session) => {
      for (const [i, probe] of PROBES.entries())
        expect(await probe.apply({ session, origin, acked: [] }, written[i]!), probe.name).toBe(true);
    });
    const seen = await withSession(userData, async (session) => {
      const ctx = { session, origin, acked: written };
      const result: Record<string, [boolean, boolean]> = {};
      for (const [i, probe] of PROBES.entries())
        result[probe.name] = [await probe.holds(ctx, written[i]!), await probe.holds(ctx, unwritten[i]!)];
      return result;
    });
    expect(seen).toEqual(Object.fromEntries(PROBES.map((p) => [p.name, [true, false]])));
  }, 120_000);
});
