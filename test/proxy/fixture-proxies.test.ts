// The fixture proxies themselves, driven by independent clients (undici's
// ProxyAgent, the `socks` package): each carries traffic to a loopback origin
// and records what it carried, and refuses destinations off loopback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, ProxyAgent } from 'undici';
import { SocksClient } from 'socks';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startHttpProxy } from '../../fixtures/proxies/http-proxy.ts';
import { startPacHost } from '../../fixtures/proxies/pac-host.ts';
import { startSocksProxy } from '../../fixtures/proxies/socks-proxy.ts';

let origin: EchoOriginFixture;
let secureOrigin: EchoOriginFixture;

beforeAll(async () => {
  origin = await startEchoOrigin();
  secureOrigin = await startEchoOrigin({ tls: true });
});
afterAll(async () => {
  await origin.close();
  await secureOrigin.close();
});

async function httpOverSocket(socket: import('node:net').Socket, host: string, path: string): Promise<string> {
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('HTTP proxy fixture', () => {
  it('forwards absolute-form requests and records them', async () => {
    const proxy = await startHttpProxy();
    try {
      const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
      const response = await request(`${origin.origin}/plain?x=1`, { dispatcher: agent });
      expect(response.statusCode).toBe(200);
      expect(await response.body.json()).toMatchObject({ method: 'GET', path: '/plain?x=1' });
      expect(proxy.records).toEqual([expect.objectContaining({ kind: 'forward', target: `${origin.origin}/plain?x=1` })]);
      await agent.close();
    } finally {
      await proxy.close();
    }
  });

  it('tunnels CONNECT to a TLS origin and records the authority', async () => {
    const proxy = await startHttpProxy();
    try {
      const agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: secureOrigin.caPem! } });
      const response = await request(`${secureOrigin.origin}/secret`, { dispatcher: agent });
      expect(await response.body.json()).toMatchObject({ path: '/secret' });
      expect(proxy.records).toEqual([expect.objectContaining({ kind: 'connect', target: `127.0.0.1:${secureOrigin.port}` })]);
      await agent.close();
    } finally {
      await proxy.close();
    }
  });

  it('is an HTTPS proxy with tls: the client speaks TLS to the proxy', async () => {
    const proxy = await startHttpProxy({ tls: true });
    try {
      expect(proxy.url.startsWith('https://')).toBe(true);
      const agent = new ProxyAgent({ uri: proxy.url, proxyTls: { ca: proxy.caPem! } });
      const response = await request(`${origin.origin}/via-https-proxy`, { dispatcher: agent });
      expect(await response.body.json()).toMatchObject({ path: '/via-https-proxy' });
      expect(proxy.records.map((r) => r.kind)).toEqual(['connect']);
      await agent.close();
    } finally {
      await proxy.close();
    }
  });

  it('refuses destinations that are not loopback, and unmapped names', async () => {
    const proxy = await startHttpProxy();
    try {
      const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
      const far = await request('http://192.0.2.1/', { dispatcher: agent });
      expect(far.statusCode).toBe(502);
      await far.body.dump();
      const unmapped = await request('http://unmapped.test/', { dispatcher: agent });
      expect(unmapped.statusCode).toBe(502);
      await unmapped.body.dump();
      expect(origin.records.some((r) => r.path === '/')).toBe(false);
      await agent.close();
    } finally {
      await proxy.close();
    }
  });

  it('resolves names the test maps to loopback', async () => {
    const proxy = await startHttpProxy({ hosts: { 'origin.test': '127.0.0.1' } });
    try {
      const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
      const response = await request(`http://origin.test:${origin.port}/named`, { dispatcher: agent });
      expect(await response.body.json()).toMatchObject({ path: '/named', host: `origin.test:${origin.port}` });
      await agent.close();
    } finally {
      await proxy.close();
    }
  });
});

describe('SOCKS proxy fixture', () => {
  it('speaks SOCKS5 with a name the proxy resolves', async () => {
    const proxy = await startSocksProxy({ hosts: { 'origin.test': '127.0.0.1' } });
    try {
      const { socket } = await SocksClient.createConnection({
        proxy: { host: proxy.host, port: proxy.port, type: 5 },
        command: 'connect',
        destination: { host: 'origin.test', port: origin.port },
      });
      expect(await httpOverSocket(socket, 'origin.test', '/socks5')).toContain('"path":"/socks5"');
      expect(proxy.records).toEqual([
        { variant: '5', host: 'origin.test', addressType: 'domain', port: origin.port, granted: true },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('speaks SOCKS4 with an IPv4 address and SOCKS4a with a name', async () => {
    const proxy = await startSocksProxy({ hosts: { 'origin.test': '127.0.0.1' } });
    try {
      const four = await SocksClient.createConnection({
        proxy: { host: proxy.host, port: proxy.port, type: 4, userId: 'me' },
        command: 'connect',
        destination: { host: '127.0.0.1', port: origin.port },
      });
      expect(await httpOverSocket(four.socket, '127.0.0.1', '/socks4')).toContain('"path":"/socks4"');
      const fourA = await SocksClient.createConnection({
        proxy: { host: proxy.host, port: proxy.port, type: 4 },
        command: 'connect',
        destination: { host: 'origin.test', port: origin.port },
      });
      expect(await httpOverSocket(fourA.socket, 'origin.test', '/socks4a')).toContain('"path":"/socks4a"');
      expect(proxy.records).toEqual([
        { variant: '4', host: '127.0.0.1', addressType: 'ipv4', port: origin.port, user: 'me', granted: true },
        { variant: '4a', host: 'origin.test', addressType: 'domain', port: origin.port, user: '', granted: true },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('requires the configured SOCKS5 credentials', async () => {
    const proxy = await startSocksProxy({ credentials: { username: 'u', password: 'p' } });
    try {
      const ok = await SocksClient.createConnection({
        proxy: { host: proxy.host, port: proxy.port, type: 5, userId: 'u', password: 'p' },
        command: 'connect',
        destination: { host: '127.0.0.1', port: origin.port },
      });
      ok.socket.destroy();
      await expect(
        SocksClient.createConnection({
          proxy: { host: proxy.host, port: proxy.port, type: 5, userId: 'u', password: 'wrong' },
          command: 'connect',
          destination: { host: '127.0.0.1', port: origin.port },
        }),
      ).rejects.toThrow();
      expect(proxy.records.map((r) => r.user)).toEqual(['u']);
    } finally {
      await proxy.close();
    }
  });

  it('refuses destinations off loopback', async () => {
    const proxy = await startSocksProxy();
    try {
      await expect(
        SocksClient.createConnection({
          proxy: { host: proxy.host, port: proxy.port, type: 5 },
          command: 'connect',
          destination: { host: '192.0.2.1', port: 80 },
        }),
      ).rejects.toThrow();
      expect(proxy.records).toEqual([{ variant: '5', host: '192.0.2.1', addressType: 'ipv4', port: 80, granted: false }]);
    } finally {
      await proxy.close();
    }
  });
});

describe('PAC host fixture', () => {
  it('serves scripts with their status and type, redirects, and counts fetches', async () => {
    const host = await startPacHost();
    try {
      host.serve('/a.pac', 'function FindProxyForURL() { return "DIRECT"; }');
      host.serve('/missing.pac', { body: 'nope', status: 404 });
      host.serve('/moved.pac', { body: '', redirectTo: '/a.pac' });
      const a = await request(host.url('/a.pac'));
      expect(a.headers['content-type']).toBe('application/x-ns-proxy-autoconfig');
      expect(await a.body.text()).toContain('FindProxyForURL');
      const missing = await request(host.url('/missing.pac'));
      expect(missing.statusCode).toBe(404);
      await missing.body.dump();
      const moved = await request(host.url('/moved.pac'));
      expect([moved.statusCode, moved.headers.location]).toEqual([302, '/a.pac']);
      await moved.body.dump();
      expect(host.fetchCount('/a.pac')).toBe(1);
      expect(host.fetches).toEqual(['/a.pac', '/missing.pac', '/moved.pac']);
    } finally {
      await host.close();
    }
  });
});
