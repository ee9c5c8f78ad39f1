// The proxy-side traffic pieces against the fixture proxies: ProxyDispatcher
// sends http:// URLs absolute-form through HTTP and HTTPS proxies, tunnels
// https:// with CONNECT, goes through SOCKS4 (name resolved locally) and
// SOCKS5 (name resolved by the proxy), and reports failures with Chromium's
// net errors; ProxyAttempt walks a list and feeds the session's bad list.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startHttpProxy } from '../../fixtures/proxies/http-proxy.ts';
import { startSocksProxy } from '../../fixtures/proxies/socks-proxy.ts';
import { tlsMaterial } from '../../fixtures/proxies/tls-material.ts';
import { BadProxyList, ProxyAttempt } from '../../reference/proxy/bad-proxies.ts';
import { ProxyList } from '../../reference/proxy/proxy-list.ts';
import type { ProxyEndpoint } from '../../reference/proxy/proxy-server.ts';
import { ProxyDispatcher, systemProxyConnector } from '../../reference/proxy/traffic/proxy-dispatcher.ts';
import { ProxyConnectionError, type ProxyConnector } from '../../reference/proxy/traffic/tunnel.ts';

let origin: EchoOriginFixture;
let secureOrigin: EchoOriginFixture;
let ca: string;

beforeAll(async () => {
  origin = await startEchoOrigin();
  secureOrigin = await startEchoOrigin({ tls: true });
  ca = (await tlsMaterial()).caPem;
});
afterAll(async () => {
  await origin.close();
  await secureOrigin.close();
});

function connector(): ProxyConnector {
  const system = systemProxyConnector({ ca: [ca] });
  // SOCKS4 resolves on the client side: origin.test is ours, on loopback.
  return { ...system, resolveIPv4: async (host) => (host === 'origin.test' ? ['127.0.0.1'] : system.resolveIPv4(host)) };
}

async function get(url: string, proxy: ProxyEndpoint): Promise<Record<string, unknown>> {
  const dispatcher = new ProxyDispatcher(proxy, connector(), { ca: [ca] });
  try {
    const response = await request(url, { dispatcher });
    expect(response.statusCode).toBe(200);
    return (await response.body.json()) as Record<string, unknown>;
  } finally {
    await dispatcher.close();
  }
}

async function failure(url: string, proxy: ProxyEndpoint): Promise<string> {
  const dispatcher = new ProxyDispatcher(proxy, connector(), { ca: [ca] });
  try {
    await request(url, { dispatcher });
    return 'no error';
  } catch (error) {
    return error instanceof ProxyConnectionError ? error.netError : `other: ${String(error)}`;
  } finally {
    await dispatcher.destroy();
  }
}

describe('through an HTTP proxy', () => {
  it('sends http:// URLs in absolute form with the origin as Host', async () => {
    const proxy = await startHttpProxy();
    try {
      expect(await get(`${origin.origin}/a?b=1`, { scheme: 'http', host: '127.0.0.1', port: proxy.port })).toMatchObject({
        path: '/a?b=1',
      });
      expect(proxy.records).toHaveLength(1);
      expect(proxy.records[0]).toMatchObject({ kind: 'forward', method: 'GET', target: `${origin.origin}/a?b=1` });
      expect(proxy.records[0]!.headers).toMatchObject({ host: `127.0.0.1:${origin.port}`, 'proxy-connection': 'keep-alive' });
    } finally {
      await proxy.close();
    }
  });

  it('tunnels https:// URLs with CONNECT and verifies the destination', async () => {
    const proxy = await startHttpProxy();
    try {
      expect(await get(`${secureOrigin.origin}/s`, { scheme: 'http', host: '127.0.0.1', port: proxy.port })).toMatchObject({
        path: '/s',
      });
      expect(proxy.records.map((r) => [r.kind, r.target])).toEqual([['connect', `127.0.0.1:${secureOrigin.port}`]]);
    } finally {
      await proxy.close();
    }
  });

  it('fails with ERR_TUNNEL_CONNECTION_FAILED when CONNECT is refused', async () => {
    const proxy = await startHttpProxy({ refuseWith: 403 });
    try {
      expect(await failure(`${secureOrigin.origin}/`, { scheme: 'http', host: '127.0.0.1', port: proxy.port })).toBe(
        'ERR_TUNNEL_CONNECTION_FAILED',
      );
    } finally {
      await proxy.close();
    }
  });

  it('fails with ERR_PROXY_CONNECTION_FAILED when the proxy cannot be reached', async () => {
    const proxy = await startHttpProxy();
    const port = proxy.port;
    await proxy.close();
    expect(await failure(`${origin.origin}/`, { scheme: 'http', host: '127.0.0.1', port })).toBe('ERR_PROXY_CONNECTION_FAILED');
    expect(await failure(`${secureOrigin.origin}/`, { scheme: 'http', host: '127.0.0.1', port })).toBe(
      'ERR_PROXY_CONNECTION_FAILED',
    );
  });
});

describe('through an HTTPS proxy', () => {
  it('speaks TLS to the proxy, absolute form for http:// and CONNECT for https://', async () => {
    const proxy = await startHttpProxy({ tls: true });
    try {
      const endpoint: ProxyEndpoint = { scheme: 'https', host: '127.0.0.1', port: proxy.port };
      expect(await get(`${origin.origin}/plain`, endpoint)).toMatchObject({ path: '/plain' });
      expect(await get(`${secureOrigin.origin}/tls`, endpoint)).toMatchObject({ path: '/tls' });
      expect(proxy.records.map((r) => r.kind)).toEqual(['forward', 'connect']);
    } finally {
      await proxy.close();
    }
  });
});

describe('through SOCKS', () => {
  it('SOCKS5 hands the host name to the proxy', async () => {
    const proxy = await startSocksProxy({ hosts: { 'origin.test': '127.0.0.1' } });
    try {
      expect(
        await get(`http://origin.test:${origin.port}/five`, { scheme: 'socks5', host: '127.0.0.1', port: proxy.port }),
      ).toMatchObject({ path: '/five' });
      expect(proxy.records).toEqual([
        { variant: '5', host: 'origin.test', addressType: 'domain', port: origin.port, granted: true },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('SOCKS4 resolves the host name itself and sends an IPv4 address', async () => {
    const proxy = await startSocksProxy();
    try {
      expect(
        await get(`http://origin.test:${origin.port}/four`, { scheme: 'socks4', host: '127.0.0.1', port: proxy.port }),
      ).toMatchObject({ path: '/four' });
      expect(proxy.records).toEqual([
        { variant: '4', host: '127.0.0.1', addressType: 'ipv4', port: origin.port, user: '', granted: true },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('tunnels TLS through SOCKS5', async () => {
    const proxy = await startSocksProxy();
    try {
      expect(await get(`${secureOrigin.origin}/tls5`, { scheme: 'socks5', host: '127.0.0.1', port: proxy.port })).toMatchObject({
        path: '/tls5',
      });
      expect(proxy.records).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('reports a refused destination as a SOCKS failure', async () => {
    const proxy = await startSocksProxy();
    try {
      const error = await failure('http://192.0.2.1/', { scheme: 'socks5', host: '127.0.0.1', port: proxy.port });
      expect(['ERR_SOCKS_CONNECTION_FAILED', 'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE']).toContain(error);
    } finally {
      await proxy.close();
    }
  });
});

describe('falling over along a proxy list', () => {
  it('skips an unreachable proxy, and the session then tries it last', async () => {
    const live = await startHttpProxy();
    const dead = await startHttpProxy();
    const deadPort = dead.port;
    await dead.close();
    try {
      const list = new ProxyList([
        { scheme: 'http', host: '127.0.0.1', port: deadPort },
        { scheme: 'http', host: '127.0.0.1', port: live.port },
      ]);
      const badList = new BadProxyList();
      const attempt = new ProxyAttempt(list, badList);
      let body: Record<string, unknown> | undefined;
      for (let proxy = attempt.current; proxy && proxy.scheme !== 'direct'; ) {
        const dispatcher = new ProxyDispatcher(proxy, connector());
        try {
          const response = await request(`${origin.origin}/fallback`, { dispatcher });
          body = (await response.body.json()) as Record<string, unknown>;
          attempt.succeeded();
          break;
        } catch (error) {
          proxy = attempt.fallback((error as ProxyConnectionError).netError);
        } finally {
          await dispatcher.destroy();
        }
      }
      expect(body).toMatchObject({ path: '/fallback' });
      expect(live.records).toHaveLength(1);
      expect(badList.deprioritize(list).toPacString()).toBe(`PROXY 127.0.0.1:${live.port};PROXY 127.0.0.1:${deadPort}`);
    } finally {
      await live.close();
    }
  });
});

describe('through the network stack hook', () => {
  it('builds a dispatcher per proxy on the stack’s own connections, and records skipped proxies as bad once a request succeeds', async () => {
    const { ProxyConfigService } = await import('../../reference/proxy/proxy-config-service.ts');
    const { createProxyHook } = await import('../../reference/proxy/traffic/network-hook.ts');
    const live = await startHttpProxy();
    const dead = await startHttpProxy();
    const deadPort = dead.port;
    await dead.close();
    const service = new ProxyConfigService({ era: 'current', env: {} });
    service.setPreference({
      mode: 'fixed_servers',
      server: `127.0.0.1:${deadPort},127.0.0.1:${live.port}`,
      bypassList: '<-loopback>',
    });
    const hook = createProxyHook(service, { resolveIPv4: async () => [] });
    const direct = { connect: systemProxyConnector().connect };
    try {
      const route = await hook.resolve(new URL(`${origin.origin}/hooked`));
      let body: unknown;
      const skipped: { server: (typeof route)[number]; netError: string }[] = [];
      for (const entry of route) {
        if (entry.scheme === 'direct') break;
        const dispatcher = hook.dispatcherFor(entry, direct);
        try {
          body = await (await request(`${origin.origin}/hooked`, { dispatcher })).body.json();
          break;
        } catch (error) {
          expect(error).toBeInstanceOf(ProxyConnectionError);
          skipped.push({ server: entry, netError: (error as ProxyConnectionError).netError });
        } finally {
          await dispatcher.destroy();
        }
      }
      expect(body).toMatchObject({ path: '/hooked' });
      // A failure alone marks nothing: Chromium records skipped proxies when the request succeeds.
      expect(service.badProxies.entries()).toEqual([]);
      hook.reportSuccess(skipped);
      expect(service.badProxies.entries().map((e) => e.proxy)).toEqual([{ scheme: 'http', host: '127.0.0.1', port: deadPort }]);
      expect(await service.lookUpPacString(`${origin.origin}/next`)).toBe(
        `PROXY 127.0.0.1:${live.port};PROXY 127.0.0.1:${deadPort}`,
      );
    } finally {
      await live.close();
    }
  });
});
