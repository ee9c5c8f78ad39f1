// Connections to proxies belong to the session's pool: requests through a
// proxy reuse a kept-alive connection to it, closeAllConnections() ends them
// so the next request opens a new one, and a changed configuration sends the
// next request to the new proxy. ses.fetch (current era) takes the same route
// as page requests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startHttpProxy, type HttpProxyFixture } from '../../fixtures/proxies/http-proxy.ts';
import { startHttpServer } from '../../fixtures/servers/index.ts';
import { pageFetch } from '../support/requests.ts';
import { FIXTURE_HOSTS, FIXTURE_RESOLVER_SWITCHES, ORIGIN_HOST, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.closeAllConnections', 'ses.setProxy', 'ses.preconnect'],
  eras: '>=e12',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary:
    'Pooled connections to a proxy are reused, ended by closeAllConnections (the next request connects anew) and left behind when setProxy names another proxy; ses.fetch goes through the proxy too, and preconnect never connects to a proxied origin directly.',
});

const t = useTarget(meta, { env: {}, switches: FIXTURE_RESOLVER_SWITCHES });
const p = proxyCalls(t, 'proxy-connections');

let origin: EchoOriginFixture;
const proxies: HttpProxyFixture[] = [];

beforeAll(async () => {
  origin = await startEchoOrigin();
});

afterAll(async () => {
  await Promise.all([origin?.close(), ...proxies.map((proxy) => proxy.close())]);
});

async function freshProxy(): Promise<HttpProxyFixture> {
  const proxy = await startHttpProxy({ hosts: FIXTURE_HOSTS });
  proxies.push(proxy);
  return proxy;
}

function url(path: string): string {
  return `http://${ORIGIN_HOST}:${origin.port}${path}`;
}

async function get(ses: object, path: string): Promise<void> {
  const response = await pageFetch(t, ses, url(path));
  expect(response.status).toBe(200);
}

describe('connections to proxies', () => {
  it('reuses a kept-alive connection to the proxy, and opens a new one after closeAllConnections()', async () => {
    const proxy = await freshProxy();
    const ses = p.fresh();
    await p.set(ses, { proxyRules: `http=127.0.0.1:${proxy.port}` });
    await get(ses, '/one');
    await get(ses, '/two');
    expect(proxy.records.map((r) => r.target)).toEqual([url('/one'), url('/two')]);
    expect(proxy.connections).toBe(1);
    await t.invoke(ses, 'ses.closeAllConnections');
    await get(ses, '/three');
    expect(proxy.records.map((r) => r.target)).toEqual([url('/one'), url('/two'), url('/three')]);
    expect(proxy.connections).toBe(2);
  });

  it('sends the next request to the new proxy once setProxy names another', async () => {
    const [first, second] = [await freshProxy(), await freshProxy()];
    const ses = p.fresh();
    await p.set(ses, { proxyRules: `127.0.0.1:${first.port}` });
    await get(ses, '/before');
    await p.set(ses, { proxyRules: `127.0.0.1:${second.port}` });
    await get(ses, '/after');
    expect(first.records.map((r) => r.target)).toEqual([url('/before')]);
    expect(second.records.map((r) => r.target)).toEqual([url('/after')]);
  });

  it('closes connections of one session only', async () => {
    const proxy = await freshProxy();
    const [a, b] = [p.fresh(), p.fresh()];
    await p.set(a, { proxyRules: `127.0.0.1:${proxy.port}` });
    await p.set(b, { proxyRules: `127.0.0.1:${proxy.port}` });
    await get(a, '/a1');
    await get(b, '/b1');
    expect(proxy.connections).toBe(2);
    await t.invoke(a, 'ses.closeAllConnections');
    await get(b, '/b2');
    expect(proxy.connections).toBe(2);
    await get(a, '/a2');
    expect(proxy.connections).toBe(3);
  });

  it('does not preconnect past the proxy: the origin only ever sees the proxy connect', async () => {
    const server = await startHttpServer();
    try {
      const proxy = await freshProxy();
      const ses = p.fresh() as { preconnect(options: { url: string; numSockets?: number }): void };
      await p.set(ses, { proxyRules: `127.0.0.1:${proxy.port}` });
      const target = `http://${ORIGIN_HOST}:${server.port}/`;
      ses.preconnect({ url: target, numSockets: 3 });
      expect((await pageFetch(t, ses, target)).status).toBe(200);
      expect(proxy.records.map((r) => r.target)).toEqual([target]);
      // One connection, the proxy's; a preconnect straight to the origin would have added three.
      expect(server.log.connections).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  t.itInEras('current', 'sends ses.fetch through the proxy', async () => {
    const proxy = await freshProxy();
    const ses = p.fresh() as { fetch(url: string): Promise<Response> };
    await p.set(ses, { proxyRules: `127.0.0.1:${proxy.port}` });
    const response = await ses.fetch(url('/from-fetch'));
    expect(await response.json()).toMatchObject({ path: '/from-fetch', host: `${ORIGIN_HOST}:${origin.port}` });
    expect(proxy.records.map((r) => r.target)).toEqual([url('/from-fetch')]);
  });
});
