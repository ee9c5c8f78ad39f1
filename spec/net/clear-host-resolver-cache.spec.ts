// ses.clearHostResolverCache(): empties the session's host cache, so the
// next connection to a cached name asks the DNS server again; other
// sessions keep their caches. Observed through a page of the session
// fetching from a name only the fixture DNS server knows, on a route that
// closes its connection (so every request needs a new one).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startDnsServer, startHttpServer, type DnsServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.clearHostResolverCache'],
  eras: '*',
  requires: ['network', 'dns'],
  level: 'must',
  basis: 'electron',
  summary: "Clearing the host cache makes the next connection ask DNS again; other sessions' caches stay.",
});

let dns: DnsServer;
let http: FixtureServer;

const t = useTarget(meta, {
  prepare: async () => {
    dns = await startDnsServer({
      'page.example': { A: ['127.0.0.1'], ttl: 300 },
      'other.example': { A: ['127.0.0.1'], ttl: 300 },
    });
    return { dnsServers: [dns.address] };
  },
});

beforeAll(async () => {
  http = await startHttpServer();
});

afterAll(async () => {
  await Promise.all([http?.close(), dns?.close()]);
});

const asked = (name: string) => dns.queries().filter((q) => q.name === name).length;

async function visit(partition: string, host: string): Promise<void> {
  const res = await t.driver.page.fetch({ session: t.session.fromPartition(partition), url: http.urlFor('/close', host) });
  expect(res.status).toBe(200);
}

describe('ses.clearHostResolverCache', () => {
  it('makes the next connection to a cached name ask the DNS server again', async () => {
    await visit('hrc-a', 'page.example');
    const first = asked('page.example');
    expect(first).toBeGreaterThan(0);
    await visit('hrc-a', 'page.example');
    expect(asked('page.example')).toBe(first);
    await t.invoke(t.session.fromPartition('hrc-a'), 'ses.clearHostResolverCache');
    await visit('hrc-a', 'page.example');
    expect(asked('page.example')).toBeGreaterThan(first);
  });

  it("leaves other sessions' caches alone", async () => {
    await visit('hrc-b', 'other.example');
    await visit('hrc-c', 'other.example');
    const before = asked('other.example');
    await t.invoke(t.session.fromPartition('hrc-b'), 'ses.clearHostResolverCache');
    await visit('hrc-c', 'other.example');
    expect(asked('other.example')).toBe(before);
  });

  t.itInEras('>=e9', 'returns a promise that resolves with undefined', async () => {
    const ses = t.session.fromPartition('hrc-promise') as unknown as { clearHostResolverCache(): Promise<unknown> };
    const result = ses.clearHostResolverCache();
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBeUndefined();
  });

  t.itInEras('legacy', 'calls the optional callback when done, and works without one', async () => {
    const ses = t.session.fromPartition('hrc-legacy') as unknown as { clearHostResolverCache(callback?: () => void): unknown };
    expect(ses.clearHostResolverCache()).toBeUndefined();
    await new Promise<void>((resolve) => ses.clearHostResolverCache(() => resolve()));
  });
});
