// Proxies that ask for credentials: a 407 with Proxy-Authenticate, from a
// proxy forwarding an http:// request or answering the CONNECT of a tunnel,
// goes to the app's login step (isProxy, the proxy's host and port, the
// realm), and the request goes again with Proxy-Authorization. The session
// keeps the identity for that proxy: its later requests present it first,
// ses.fetch's too (whatever its credentials mode), while other sessions
// know nothing of it. Without an answer the caller gets the 407.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthInfo } from '../../contract/driver-commands.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startEchoOrigin, type EchoOriginFixture } from '../../fixtures/proxies/echo-origin.ts';
import { startHttpProxy, type HttpProxyFixture } from '../../fixtures/proxies/http-proxy.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';
import { failureOf, pageFetch } from '../support/requests.ts';
import { FIXTURE_HOSTS, FIXTURE_RESOLVER_SWITCHES, ORIGIN_HOST, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy'],
  eras: '*',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'chromium',
  summary:
    "A proxy's 407 is answered through the login step and the identity is kept per session and proxy: later requests, ses.fetch's included, present it first.",
});

const t = useTarget(meta, { env: {}, trustFixtureCa: true, switches: FIXTURE_RESOLVER_SWITCHES });
const p = proxyCalls(t, 'proxy-auth');

const REALM = 'fixture-proxy';
const CREDENTIALS = { username: 'ada', password: 'lovelace' };
const EXPECTED = `Basic ${Buffer.from('ada:lovelace').toString('base64')}`;

let origin: EchoOriginFixture;
let secureOrigin: EchoOriginFixture;
let proxy: HttpProxyFixture;
let direct: FixtureServer;

beforeAll(async () => {
  [origin, secureOrigin, proxy, direct] = await Promise.all([
    startEchoOrigin(),
    startEchoOrigin({ tls: true }),
    startHttpProxy({ hosts: FIXTURE_HOSTS, auth: { realm: REALM, ...CREDENTIALS } }),
    startHttpServer(),
  ]);
});

afterAll(async () => {
  await Promise.all([origin, secureOrigin, proxy, direct].map((f) => f?.close()));
});

const plain = (path: string) => `http://${ORIGIN_HOST}:${origin.port}${path}`;
const secure = (path: string) => `https://${ORIGIN_HOST}:${secureOrigin.port}${path}`;

/** A fresh session whose every request goes through the authenticating proxy. */
async function proxiedSession(): Promise<object> {
  const ses = p.fresh();
  await p.set(ses, { proxyRules: `http=127.0.0.1:${proxy.port};https=127.0.0.1:${proxy.port}` });
  return ses;
}

const answer = (ses: object, credentials: { username: string; password: string } = CREDENTIALS) =>
  t.driver.auth.respond({ session: ses, ...credentials });
const asked = (ses: object): Promise<AuthInfo[]> => t.driver.auth.takeRequests({ session: ses });
/** The Proxy-Authorization of each request the proxy saw for `target` (forwarded URL or CONNECT authority). */
const presented = (target: string) =>
  proxy.records.filter((r) => r.target === target).map((r) => r.headers['proxy-authorization'] ?? null);
const fetchOf = (ses: object) => (ses as { fetch(url: string, init?: RequestInit): Promise<Response> }).fetch.bind(ses);

describe('proxy authentication', () => {
  it("asks the login step about a forwarding proxy's 407 and sends the request again with Proxy-Authorization", async () => {
    const ses = await proxiedSession();
    await answer(ses);
    const res = await pageFetch(t, ses, plain('/forwarded-first'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ path: '/forwarded-first' });
    expect(await asked(ses)).toEqual([{ isProxy: true, scheme: 'basic', host: '127.0.0.1', port: proxy.port, realm: REALM }]);
    expect(presented(plain('/forwarded-first'))).toEqual([null, EXPECTED]);
    expect(origin.records.filter((r) => r.path === '/forwarded-first')).toHaveLength(1);
  });

  it('presents an accepted identity first on the later requests of the session through that proxy, without asking', async () => {
    const ses = await proxiedSession();
    await answer(ses);
    expect((await pageFetch(t, ses, plain('/kept-1'))).status).toBe(200);
    await asked(ses);
    expect((await pageFetch(t, ses, plain('/kept-2'))).status).toBe(200);
    expect(presented(plain('/kept-2'))).toEqual([EXPECTED]);
    expect(await asked(ses)).toEqual([]);
  });

  it('authenticates the CONNECT of a tunnel the same way, and reuses the identity for forwarded requests', async () => {
    const ses = await proxiedSession();
    await answer(ses);
    const res = await pageFetch(t, ses, secure('/tunnelled'));
    expect(res.status).toBe(200);
    expect(await asked(ses)).toEqual([{ isProxy: true, scheme: 'basic', host: '127.0.0.1', port: proxy.port, realm: REALM }]);
    const authority = `${ORIGIN_HOST}:${secureOrigin.port}`;
    expect(
      proxy.records
        .filter((r) => r.kind === 'connect' && r.target === authority)
        .map((r) => r.headers['proxy-authorization'] ?? null)
        .slice(0, 2),
    ).toEqual([null, EXPECTED]);
    expect((await pageFetch(t, ses, plain('/after-tunnel'))).status).toBe(200);
    expect(presented(plain('/after-tunnel'))).toEqual([EXPECTED]);
    expect(await asked(ses)).toEqual([]);
  });

  it("keeps the identity to its own session: another session's requests are challenged", async () => {
    const owner = await proxiedSession();
    await answer(owner);
    expect((await pageFetch(t, owner, plain('/owner'))).status).toBe(200);
    const stranger = await proxiedSession();
    const res = await pageFetch(t, stranger, plain('/stranger'));
    expect(res.status).toBe(407);
    expect(res.headers['proxy-authenticate']).toBe(`Basic realm="${REALM}"`);
    expect(presented(plain('/stranger'))).toEqual([null]);
    expect(await asked(stranger)).toHaveLength(1);
  });

  it("gives the page the proxy's 407 when the login is cancelled, and asks again next time", async () => {
    const ses = await proxiedSession();
    await t.driver.auth.respond({ session: ses, cancel: true });
    const res = await pageFetch(t, ses, plain('/cancelled'));
    expect(res.status).toBe(407);
    expect(res.body).toBe('proxy credentials required');
    await answer(ses);
    expect((await pageFetch(t, ses, plain('/cancelled'))).status).toBe(200);
    expect(await asked(ses)).toHaveLength(2);
  });

  it('forgets an identity the proxy refuses and asks for another', async () => {
    const ses = await proxiedSession();
    await answer(ses, { username: 'ada', password: 'babbage' });
    await answer(ses);
    expect((await pageFetch(t, ses, plain('/refused'))).status).toBe(200);
    expect(await asked(ses)).toHaveLength(2);
    expect(presented(plain('/refused'))).toEqual([null, `Basic ${Buffer.from('ada:babbage').toString('base64')}`, EXPECTED]);
  });

  it('fails a 407 from a server that is no proxy with net::ERR_UNEXPECTED_PROXY_AUTH', async () => {
    const ses = p.fresh();
    expect(await failureOf(pageFetch(t, ses, `${direct.url}status?code=407`))).toBe('net::ERR_UNEXPECTED_PROXY_AUTH');
  });

  t.itInEras(
    'current',
    "lets ses.fetch use the proxy identity a page's login gave, with credentials 'omit' too, without asking",
    async () => {
      const ses = await proxiedSession();
      const before = await fetchOf(ses)(plain('/fetch-before'));
      expect(before.status).toBe(407);
      expect(before.headers.get('proxy-authenticate')).toBe(`Basic realm="${REALM}"`);
      expect(await asked(ses)).toEqual([]);
      await answer(ses);
      expect((await pageFetch(t, ses, plain('/fetch-login'))).status).toBe(200);
      await asked(ses);
      expect((await fetchOf(ses)(plain('/fetch-include'))).status).toBe(200);
      expect((await fetchOf(ses)(plain('/fetch-omit'), { credentials: 'omit' })).status).toBe(200);
      expect(presented(plain('/fetch-omit'))).toEqual([EXPECTED]);
      expect(await asked(ses)).toEqual([]);
    },
  );

  t.itInEras(
    'current',
    "gives ses.fetch a tunnel's 407 head with a body that fails with net::ERR_TUNNEL_CONNECTION_FAILED",
    async () => {
      const ses = await proxiedSession();
      const res = await fetchOf(ses)(secure('/tunnel-refused'));
      expect(res.status).toBe(407);
      expect(res.headers.get('proxy-authenticate')).toBe(`Basic realm="${REALM}"`);
      expect(await failureOf(res.text())).toMatch(/net::ERR_TUNNEL_CONNECTION_FAILED/);
      expect(secureOrigin.records.filter((r) => r.path === '/tunnel-refused')).toEqual([]);
    },
  );
});
