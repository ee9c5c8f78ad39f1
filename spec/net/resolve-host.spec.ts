// ses.resolveHost(host[, options]): Electron's ResolvedHost shape, the
// host resolver rules, queryType, source, cacheUsage and secureDnsPolicy
// and what each changes, a host cache per session, and the errors.
// Names come from fixture resolvers on loopback: a DNS-over-HTTPS server
// (secure DNS) and a plain DNS server (the system resolver).

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startDnsServer, startDohServer, type DnsServer, type DohServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.resolveHost'],
  eras: 'current',
  requires: ['dns'],
  level: 'must',
  basis: 'electron',
  summary:
    'Resolves to { endpoints: [{ address, family }] } through rules, cache, secure and system resolvers; options select type, source, cache use and secure DNS.',
});

let doh: DohServer;
let dns: DnsServer;

const t = useTarget(meta, {
  trustFixtureCa: true,
  switches: {
    'host-resolver-rules': 'MAP ipv4.fixture.test 10.0.0.1, MAP ipv6.fixture.test [::1], MAP notfound.fixture.test ~NOTFOUND',
  },
  prepare: async () => {
    doh = await startDohServer({
      'secure.example': { A: ['127.0.0.2'], ttl: 60 },
      'both.example': { A: ['127.0.0.2'], ttl: 60 },
      'stale.example': { A: ['127.0.0.4'], ttl: 0 },
      'local.example': { A: ['127.0.0.6'], ttl: 60 },
      'shared.example': { A: ['127.0.0.7'], ttl: 60 },
      'defaults.example': { A: ['127.0.0.8'], ttl: 60 },
      'dual.example': { A: ['127.0.0.9'], AAAA: ['::1'], ttl: 60 },
    });
    dns = await startDnsServer({
      'both.example': { A: ['127.0.0.3'], ttl: 60 },
      'plain.example': { A: ['127.0.0.5'], ttl: 60 },
    });
    return { secureDnsServers: [doh.template], dnsServers: [dns.address] };
  },
});

afterAll(async () => {
  await Promise.all([doh?.close(), dns?.close()]);
});

interface ResolvedHost {
  endpoints: { address: string; family: string }[];
}

interface ResolvingSession {
  resolveHost(host: string, options?: Record<string, unknown>): Promise<ResolvedHost>;
}

const session = (name: string) => t.session.fromPartition(name) as unknown as ResolvingSession;
const dohQueries = (name: string) => doh.queries().filter((q) => q.name === name).length;

describe('ses.resolveHost', () => {
  it('resolves a name mapped by the host resolver rules to { endpoints: [{ address, family }] }', async () => {
    expect(await session('rh-shape').resolveHost('ipv4.fixture.test')).toEqual({
      endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
    });
    expect(await session('rh-shape').resolveHost('ipv6.fixture.test')).toEqual({
      endpoints: [{ address: '::1', family: 'ipv6' }],
    });
  });

  it('keeps only the records queryType asks for, and fails when none are left', async () => {
    const ses = session('rh-type');
    expect((await ses.resolveHost('ipv4.fixture.test', { queryType: 'A' })).endpoints).toHaveLength(1);
    await expect(ses.resolveHost('ipv4.fixture.test', { queryType: 'AAAA' })).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
    await expect(ses.resolveHost('ipv6.fixture.test', { queryType: 'A' })).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
    const dual = await ses.resolveHost('dual.example', { queryType: 'AAAA' });
    expect(dual.endpoints).toEqual([{ address: '::1', family: 'ipv6' }]);
  });

  it('rejects a ~NOTFOUND name with an Error whose message is net::ERR_NAME_NOT_RESOLVED', async () => {
    const error = await session('rh-notfound')
      .resolveHost('notfound.fixture.test')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('net::ERR_NAME_NOT_RESOLVED');
  });

  it('resolves IP literals and localhost locally, asking no server', async () => {
    const before = doh.queries().length + dns.queries().length;
    const ses = session('rh-local');
    expect(await ses.resolveHost('192.0.2.7')).toEqual({ endpoints: [{ address: '192.0.2.7', family: 'ipv4' }] });
    const localhost = await ses.resolveHost('localhost');
    expect(localhost.endpoints).toEqual(
      expect.arrayContaining([
        { address: '127.0.0.1', family: 'ipv4' },
        { address: '::1', family: 'ipv6' },
      ]),
    );
    expect(doh.queries().length + dns.queries().length).toBe(before);
  });

  it('asks the secure resolver once and answers again from the host cache', async () => {
    const ses = session('rh-cache');
    expect(await ses.resolveHost('secure.example')).toEqual({ endpoints: [{ address: '127.0.0.2', family: 'ipv4' }] });
    const asked = dohQueries('secure.example');
    expect(asked).toBeGreaterThan(0);
    expect(await ses.resolveHost('secure.example')).toEqual({ endpoints: [{ address: '127.0.0.2', family: 'ipv4' }] });
    expect(dohQueries('secure.example')).toBe(asked);
  });

  it("cacheUsage 'disallowed' asks again; 'staleAllowed' accepts an expired entry that 'allowed' refreshes", async () => {
    const ses = session('rh-usage');
    await ses.resolveHost('secure.example');
    const asked = dohQueries('secure.example');
    await ses.resolveHost('secure.example', { cacheUsage: 'disallowed' });
    expect(dohQueries('secure.example')).toBeGreaterThan(asked);

    await ses.resolveHost('stale.example');
    const staleAsked = dohQueries('stale.example');
    expect((await ses.resolveHost('stale.example', { cacheUsage: 'staleAllowed' })).endpoints[0]!.address).toBe('127.0.0.4');
    expect(dohQueries('stale.example')).toBe(staleAsked);
    await ses.resolveHost('stale.example', { cacheUsage: 'allowed' });
    expect(dohQueries('stale.example')).toBeGreaterThan(staleAsked);
  });

  it("source 'localOnly' answers from the cache only: net::ERR_DNS_CACHE_MISS until the name is cached", async () => {
    const ses = session('rh-local-only');
    await expect(ses.resolveHost('local.example', { source: 'localOnly' })).rejects.toThrow('net::ERR_DNS_CACHE_MISS');
    expect(dohQueries('local.example')).toBe(0);
    await ses.resolveHost('local.example');
    expect(await ses.resolveHost('local.example', { source: 'localOnly' })).toEqual({
      endpoints: [{ address: '127.0.0.6', family: 'ipv4' }],
    });
  });

  it("secureDnsPolicy 'disable' and source 'system' bypass the secure resolver for the system one", async () => {
    const ses = session('rh-policy');
    expect((await ses.resolveHost('both.example')).endpoints[0]!.address).toBe('127.0.0.2');
    expect((await ses.resolveHost('both.example', { secureDnsPolicy: 'disable' })).endpoints[0]!.address).toBe('127.0.0.3');
    expect((await ses.resolveHost('both.example', { source: 'system' })).endpoints[0]!.address).toBe('127.0.0.3');
  });

  it('does not fall back to the system resolver when secure DNS does not know a name', async () => {
    const ses = session('rh-secure-only');
    await expect(ses.resolveHost('plain.example')).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
    expect((await ses.resolveHost('plain.example', { secureDnsPolicy: 'disable' })).endpoints[0]!.address).toBe('127.0.0.5');
  });

  it('keeps a host cache per session', async () => {
    await session('rh-shared-a').resolveHost('shared.example');
    const asked = dohQueries('shared.example');
    await session('rh-shared-a').resolveHost('shared.example');
    expect(dohQueries('shared.example')).toBe(asked);
    await session('rh-shared-b').resolveHost('shared.example');
    expect(dohQueries('shared.example')).toBeGreaterThan(asked);
  });

  it('ignores option values it cannot convert, and options that are not an object', async () => {
    const ses = session('rh-lenient');
    const odd = { queryType: 'MX', source: 42, cacheUsage: 'sometimes', secureDnsPolicy: null };
    expect(await ses.resolveHost('defaults.example', odd)).toEqual({ endpoints: [{ address: '127.0.0.8', family: 'ipv4' }] });
    expect(await ses.resolveHost('defaults.example', 'options' as never)).toEqual({
      endpoints: [{ address: '127.0.0.8', family: 'ipv4' }],
    });
  });

  it('throws a TypeError for a host that is not a string, and for no host at all', () => {
    const ses = session('rh-errors');
    for (const bad of [1, null, undefined, {}]) {
      expect(() => ses.resolveHost(bad as never)).toThrow(TypeError);
      expect(() => ses.resolveHost(bad as never)).toThrow(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(() => (ses.resolveHost as () => unknown)()).toThrow('Insufficient number of arguments.');
  });
});
