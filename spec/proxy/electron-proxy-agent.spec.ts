// Ecosystem check: electron-proxy-agent (an http.Agent that asks a session's
// resolveProxy where to connect) works with the target's session as its
// `session`. Requests made through it reach fixture proxies on loopback,
// which record that they carried them. Only plain-http requests over its
// SOCKS and DIRECT paths are exercised: for PROXY/HTTPS answers
// electron-proxy-agent 1.2.1 hands the request to http(s)-proxy-agent 4/5,
// whose promise-returning callback() it calls the callback way, so those
// requests never start; and its agent-base 2 loses TLS requests on Node 20
// (socket hang up). Neither depends on the session.

import http from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startSocksProxy, type SocksProxyFixture } from '../../fixtures/proxies/socks-proxy.ts';
import { pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.resolveProxy'],
  eras: '*',
  requires: [],
  level: 'should',
  basis: 'electron',
  summary: "electron-proxy-agent, given the target's session, sends requests through the proxies resolveProxy names.",
});

type AgentConstructor = new (session: object) => http.Agent;
const ElectronProxyAgent = createRequire(import.meta.url)('electron-proxy-agent') as AgentConstructor;

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'proxy-agent');
let origin: EchoOriginFixture;
let socks: SocksProxyFixture;

beforeAll(async () => {
  // The origin is known to the proxy as origin.test: no implicit loopback bypass gets in the way.
  [origin, socks] = await Promise.all([startEchoOrigin(), startSocksProxy({ hosts: { 'origin.test': '127.0.0.1' } })]);
});
afterAll(async () => {
  await Promise.all([origin?.close(), socks?.close()]);
});

const named = (path: string) => `http://origin.test:${origin.port}${path}`;

function get(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('electron-proxy-agent with the session', () => {
  it('goes through the SOCKS5 proxy the session names', async () => {
    const ses = p.fresh();
    await p.set(ses, { proxyRules: `socks5://127.0.0.1:${socks.port}` });
    const response = await get(named('/socks-agent'), new ElectronProxyAgent(ses));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ path: '/socks-agent' });
    expect(socks.records).toContainEqual({
      variant: '5',
      host: 'origin.test',
      addressType: 'domain',
      port: origin.port,
      granted: true,
    });
  });

  it('goes through the SOCKS5 proxy a PAC script names', async () => {
    const ses = p.fresh();
    await p.set(ses, {
      pacScript: pacDataUrl(`function FindProxyForURL(url, host) { return "SOCKS5 127.0.0.1:${socks.port}"; }`),
    });
    const before = socks.records.length;
    const response = await get(named('/pac-agent'), new ElectronProxyAgent(ses));
    expect(JSON.parse(response.body)).toMatchObject({ path: '/pac-agent' });
    expect(socks.records.slice(before)).toEqual([
      { variant: '5', host: 'origin.test', addressType: 'domain', port: origin.port, granted: true },
    ]);
  });

  it('connects directly when the session says DIRECT', async () => {
    const ses = p.fresh();
    const before = socks.records.length;
    const response = await get(`${origin.origin}/direct-agent`, new ElectronProxyAgent(ses));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ path: '/direct-agent' });
    expect(socks.records.length).toBe(before);
    expect(origin.records).toContainEqual(expect.objectContaining({ path: '/direct-agent' }));
  });
});
