// Requests of a session go where its proxy configuration says, as the fixture
// proxies and origins see it: http:// URLs as absolute-form requests through
// an HTTP or HTTPS proxy, https:// through a CONNECT tunnel with the
// destination's certificate verified, SOCKS4 with the address resolved by the
// session and SOCKS5 with the name; a proxy that cannot be reached is skipped
// for the next entry (and tried last afterwards), a failed tunnel is final,
// and a mandatory PAC script that cannot be fetched fails the request.
// Page requests are used, so every era is covered.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startHttpProxy, type HttpProxyFixture } from '../../fixtures/proxies/http-proxy.ts';
import { startPacHost, type PacHostFixture } from '../../fixtures/proxies/pac-host.ts';
import { startSocksProxy, type SocksProxyFixture } from '../../fixtures/proxies/socks-proxy.ts';
import { failureOf, pageFetch } from '../support/requests.ts';
import { FIXTURE_HOSTS, FIXTURE_RESOLVER_SWITCHES, ORIGIN_HOST, pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'Requests travel through the configured HTTP, HTTPS and SOCKS proxies as Chromium sends them; unreachable proxies fall over to the next, failed tunnels and failed mandatory PAC scripts fail the request.',
});

const t = useTarget(meta, {
  env: {},
  trustFixtureCa: true,
  switches: FIXTURE_RESOLVER_SWITCHES,
});
const p = proxyCalls(t, 'proxy-traffic');

let origin: EchoOriginFixture;
let secureOrigin: EchoOriginFixture;
let httpProxy: HttpProxyFixture;
let spareProxy: HttpProxyFixture;
let httpsProxy: HttpProxyFixture;
let refusingProxy: HttpProxyFixture;
let untrustedProxy: HttpProxyFixture;
let socks: SocksProxyFixture;
let pacHost: PacHostFixture;
let deadPort: number;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  [origin, secureOrigin, httpProxy, spareProxy, httpsProxy, refusingProxy, untrustedProxy, socks, pacHost, deadPort] =
    await Promise.all([
      startEchoOrigin(),
      startEchoOrigin({ tls: true }),
      startHttpProxy({ hosts: FIXTURE_HOSTS }),
      startHttpProxy({ hosts: FIXTURE_HOSTS }),
      startHttpProxy({ tls: true, hosts: FIXTURE_HOSTS }),
      startHttpProxy({ hosts: FIXTURE_HOSTS, refuseWith: 403 }),
      startHttpProxy({ tls: 'untrusted', hosts: FIXTURE_HOSTS }),
      startSocksProxy({ hosts: FIXTURE_HOSTS }),
      startPacHost(),
      closedPort(),
    ]);
});

afterAll(async () => {
  await Promise.all(
    [origin, secureOrigin, httpProxy, spareProxy, httpsProxy, refusingProxy, untrustedProxy, socks, pacHost].map((f) =>
      f?.close(),
    ),
  );
});

function plainUrl(path: string): string {
  return `http://${ORIGIN_HOST}:${origin.port}${path}`;
}

function secureUrl(path: string): string {
  return `https://${ORIGIN_HOST}:${secureOrigin.port}${path}`;
}

/** A fresh session with `proxyRules` applied. */
async function sessionWith(config: Record<string, unknown>): Promise<object> {
  const ses = p.fresh();
  await p.set(ses, config);
  return ses;
}

/** The JSON the echo origin answered, after checking the request succeeded. */
async function echoed(ses: object, url: string): Promise<{ method: string; path: string; host: string }> {
  const response = await pageFetch(t, ses, url);
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as { method: string; path: string; host: string };
}

describe('requests through a proxy', () => {
  it('sends http:// URLs to an HTTP proxy in absolute form, with the Host header of the destination', async () => {
    const ses = await sessionWith({ proxyRules: `http=127.0.0.1:${httpProxy.port}` });
    expect(await echoed(ses, plainUrl('/through-http-proxy?q=1'))).toEqual({
      method: 'GET',
      path: '/through-http-proxy?q=1',
      host: `${ORIGIN_HOST}:${origin.port}`,
    });
    const seen = httpProxy.records.filter((r) => r.target.includes('/through-http-proxy'));
    expect(seen.map((r) => [r.kind, r.method, r.target])).toEqual([['forward', 'GET', plainUrl('/through-http-proxy?q=1')]]);
  });

  it('tunnels https:// URLs with CONNECT and verifies the destination inside the tunnel', async () => {
    const ses = await sessionWith({ proxyRules: `127.0.0.1:${httpProxy.port}` });
    const before = httpProxy.records.length;
    expect(await echoed(ses, secureUrl('/tunnelled'))).toMatchObject({ path: '/tunnelled' });
    const tunnels = httpProxy.records.slice(before).filter((r) => r.kind === 'connect');
    expect(tunnels.map((r) => [r.method, r.target])).toContainEqual(['CONNECT', `${ORIGIN_HOST}:${secureOrigin.port}`]);
    // The proxy never sees the request inside the tunnel.
    expect(httpProxy.records.slice(before).some((r) => r.target.includes('/tunnelled'))).toBe(false);
  });

  it('speaks TLS to an HTTPS proxy, verifying the proxy certificate', async () => {
    const ses = await sessionWith({ proxyRules: `https://127.0.0.1:${httpsProxy.port}` });
    expect(await echoed(ses, plainUrl('/through-https-proxy'))).toMatchObject({ path: '/through-https-proxy' });
    expect(httpsProxy.records.map((r) => r.target)).toContain(plainUrl('/through-https-proxy'));
  });

  it('sends the destination name to a SOCKS5 proxy', async () => {
    const ses = await sessionWith({ proxyRules: `socks5://127.0.0.1:${socks.port}` });
    const before = socks.records.length;
    expect(await echoed(ses, plainUrl('/socks5'))).toMatchObject({ path: '/socks5' });
    expect(socks.records.slice(before)).toContainEqual(
      expect.objectContaining({ variant: '5', host: ORIGIN_HOST, addressType: 'domain', port: origin.port, granted: true }),
    );
  });

  it('resolves the destination itself for a SOCKS4 proxy and sends the IPv4 address', async () => {
    const ses = await sessionWith({ proxyRules: `socks4://127.0.0.1:${socks.port}` });
    const before = socks.records.length;
    expect(await echoed(ses, plainUrl('/socks4'))).toMatchObject({ path: '/socks4' });
    expect(socks.records.slice(before)).toContainEqual(
      expect.objectContaining({ variant: '4', host: '127.0.0.1', addressType: 'ipv4', port: origin.port, granted: true }),
    );
  });

  it('tunnels https:// through SOCKS5 with the destination verified', async () => {
    const ses = await sessionWith({ proxyRules: `socks5://127.0.0.1:${socks.port}` });
    expect(await echoed(ses, secureUrl('/socks-tls'))).toMatchObject({ path: '/socks-tls' });
  });

  it('sends bypassed hosts direct: the proxy sees nothing of them', async () => {
    const ses = await sessionWith({ proxyRules: `127.0.0.1:${spareProxy.port}`, proxyBypassRules: '*.fixture.test' });
    const before = spareProxy.records.length;
    expect(await echoed(ses, plainUrl('/bypassed'))).toMatchObject({ path: '/bypassed' });
    expect(spareProxy.records.length).toBe(before);
  });

  it('routes by the PAC script: a data: script naming the proxy', async () => {
    const script = `function FindProxyForURL(url, host) { return host == "${ORIGIN_HOST}" ? "PROXY 127.0.0.1:${spareProxy.port}" : "DIRECT"; }`;
    const ses = await sessionWith({ pacScript: pacDataUrl(script) });
    expect(await echoed(ses, plainUrl('/pac-routed'))).toMatchObject({ path: '/pac-routed' });
    expect(spareProxy.records.map((r) => r.target)).toContain(plainUrl('/pac-routed'));
  });

  it("fetches the PAC script with the session's own resolver and answers dnsResolve() with it", async () => {
    // pac.fixture.test exists only in the session's host-resolver-rules, for the fetch and for the script.
    const script = `function FindProxyForURL(url, host) {
      return dnsResolve("${ORIGIN_HOST}") == "127.0.0.1" ? "PROXY 127.0.0.1:${spareProxy.port}" : "DIRECT";
    }`;
    pacHost.serve('/session-resolver.pac', script);
    const pacUrl = pacHost.url('/session-resolver.pac').replace('127.0.0.1', 'pac.fixture.test');
    const ses = await sessionWith({ pacScript: pacUrl });
    expect(await p.resolve(ses, plainUrl('/'))).toBe(`PROXY 127.0.0.1:${spareProxy.port}`);
    expect(await echoed(ses, plainUrl('/pac-dns'))).toMatchObject({ path: '/pac-dns' });
    expect(pacHost.fetchCount('/session-resolver.pac')).toBeGreaterThan(0);
  });
});

describe('proxy failures', () => {
  it('falls over to the next proxy of the list when one cannot be reached, and tries it last afterwards', async () => {
    const ses = await sessionWith({ proxyRules: `http=127.0.0.1:${deadPort},127.0.0.1:${spareProxy.port}` });
    expect(await echoed(ses, plainUrl('/fallback'))).toMatchObject({ path: '/fallback' });
    expect(spareProxy.records.map((r) => r.target)).toContain(plainUrl('/fallback'));
    expect(await p.resolve(ses, plainUrl('/'))).toBe(`PROXY 127.0.0.1:${spareProxy.port};PROXY 127.0.0.1:${deadPort}`);
  });

  it('remembers no bad proxy when the request fails altogether (Chromium records skipped proxies on success)', async () => {
    const ses = await sessionWith({ proxyRules: `https=127.0.0.1:${deadPort},127.0.0.1:${refusingProxy.port}` });
    expect(await failureOf(pageFetch(t, ses, secureUrl('/all-failed')))).toBe('net::ERR_TUNNEL_CONNECTION_FAILED');
    expect(await p.resolve(ses, secureUrl('/'))).toBe(`PROXY 127.0.0.1:${deadPort};PROXY 127.0.0.1:${refusingProxy.port}`);
  });

  it('falls over to DIRECT when the list ends with direct://', async () => {
    const ses = await sessionWith({ proxyRules: `http=127.0.0.1:${deadPort},direct://` });
    expect(await echoed(ses, plainUrl('/fallback-direct'))).toMatchObject({ path: '/fallback-direct' });
  });

  it('fails with net::ERR_PROXY_CONNECTION_FAILED when no proxy of the list can be reached', async () => {
    const ses = await sessionWith({ proxyRules: `http=127.0.0.1:${deadPort}` });
    expect(await failureOf(pageFetch(t, ses, plainUrl('/unreachable')))).toBe('net::ERR_PROXY_CONNECTION_FAILED');
  });

  it('fails with net::ERR_PROXY_CERTIFICATE_INVALID when an HTTPS proxy is not trusted, carrying nothing through it', async () => {
    const ses = await sessionWith({ proxyRules: `https://127.0.0.1:${untrustedProxy.port}` });
    expect(await failureOf(pageFetch(t, ses, plainUrl('/untrusted-proxy')))).toBe('net::ERR_PROXY_CERTIFICATE_INVALID');
    expect(untrustedProxy.records).toEqual([]);
  });

  it('falls over to the next proxy after a proxy certificate error', async () => {
    const ses = await sessionWith({ proxyRules: `https://127.0.0.1:${untrustedProxy.port},127.0.0.1:${spareProxy.port}` });
    expect(await echoed(ses, plainUrl('/after-bad-certificate'))).toMatchObject({ path: '/after-bad-certificate' });
    expect(spareProxy.records.map((r) => r.target)).toContain(plainUrl('/after-bad-certificate'));
  });

  it('fails with net::ERR_TUNNEL_CONNECTION_FAILED when the proxy refuses CONNECT, without trying the next proxy', async () => {
    const ses = await sessionWith({ proxyRules: `https=127.0.0.1:${refusingProxy.port},127.0.0.1:${spareProxy.port}` });
    const before = spareProxy.records.length;
    expect(await failureOf(pageFetch(t, ses, secureUrl('/refused')))).toBe('net::ERR_TUNNEL_CONNECTION_FAILED');
    expect(spareProxy.records.length).toBe(before);
  });

  it("passes a forwarding proxy's own error response to the page", async () => {
    const ses = await sessionWith({ proxyRules: `http=127.0.0.1:${refusingProxy.port}` });
    expect((await pageFetch(t, ses, plainUrl('/forbidden'))).status).toBe(403);
  });

  t.itInEras(
    '>=e9',
    'fails requests with net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED when the PAC script cannot be fetched',
    async () => {
      const ses = await sessionWith({ pacScript: `http://127.0.0.1:${deadPort}/missing.pac` });
      expect(await failureOf(pageFetch(t, ses, plainUrl('/no-pac')))).toBe('net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED');
    },
  );

  t.itInEras('legacy', 'sends requests direct when the PAC script cannot be fetched (not mandatory in 1.x)', async () => {
    const ses = await sessionWith({ pacScript: `http://127.0.0.1:${deadPort}/missing.pac` });
    expect(await echoed(ses, plainUrl('/no-pac-direct'))).toMatchObject({ path: '/no-pac-direct' });
  });
});
