// ses.clearAuthCache(): the session's HTTP authentication cache is fed by
// the `login` step of its pages (answered through the driver) and answers
// later challenges (Basic and Digest) without asking again; clearing it
// makes the server's challenge come back. ses.fetch uses the cache but
// never prompts. The cache belongs to one session, and holds what a proxy
// was given as well.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpProxy, type HttpProxyFixture } from '../../fixtures/proxies/http-proxy.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.clearAuthCache'],
  eras: '>=e9',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary: 'Credentials a login answered are reused for later challenges (Basic, Digest) until clearAuthCache(); per session.',
});

const t = useTarget(meta);

let http: FixtureServer;
let proxy: HttpProxyFixture;

beforeAll(async () => {
  [http, proxy] = await Promise.all([
    startHttpServer(),
    startHttpProxy({
      hosts: { 'origin.fixture.test': '127.0.0.1' },
      auth: { realm: 'proxy', username: 'ada', password: 'lovelace' },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([http?.close(), proxy?.close()]);
});

const basic = (realm: string) => `/basic?realm=${realm}&user=ada&pass=lovelace`;
const digest = (realm: string) => `/digest?realm=${realm}&user=ada&pass=lovelace`;
const page = (partition: string, path: string) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${http.origin}${path}` });
const answer = (partition: string, username = 'ada', password = 'lovelace') =>
  t.driver.auth.respond({ session: t.session.fromPartition(partition), username, password });
const clear = (partition: string) => t.invoke<void>(t.session.fromPartition(partition), 'ses.clearAuthCache');
const requestsTo = (path: string) => http.log.requests.filter((r) => r.url === path);

describe('ses.clearAuthCache', () => {
  it('forgets Basic credentials a login supplied, so the challenge comes back', async () => {
    const path = basic('basic-1');
    await answer('ac-basic');
    expect((await page('ac-basic', path)).status).toBe(200);
    expect(requestsTo(path).map((r) => !!r.headers.authorization)).toEqual([false, true]);

    expect((await page('ac-basic', path)).status).toBe(200);
    expect(requestsTo(path)).toHaveLength(3);
    expect(requestsTo(path)[2]!.headers.authorization).toMatch(/^Basic /);

    expect(await clear('ac-basic')).toBeUndefined();
    const after = await page('ac-basic', path);
    expect(after.status).toBe(401);
    expect(requestsTo(path).at(-1)!.headers.authorization).toBeUndefined();
  });

  it('forgets Digest credentials too', async () => {
    const path = digest('digest-1');
    await answer('ac-digest');
    expect((await page('ac-digest', path)).status).toBe(200);
    expect(requestsTo(path).at(-1)!.headers.authorization).toMatch(/^Digest /);
    expect((await page('ac-digest', path)).status).toBe(200);
    await clear('ac-digest');
    expect((await page('ac-digest', path)).status).toBe(401);
  });

  it('keeps one cache per session', async () => {
    const path = basic('basic-shared');
    await answer('ac-owner');
    expect((await page('ac-owner', path)).status).toBe(200);
    expect((await page('ac-stranger', path)).status).toBe(401);
    await clear('ac-stranger');
    expect((await page('ac-owner', path)).status).toBe(200);
  });

  it('does not keep credentials the server refused, nor a cancelled login', async () => {
    const path = basic('basic-wrong');
    await answer('ac-wrong', 'ada', 'babbage');
    expect((await page('ac-wrong', path)).status).toBe(401);
    expect((await page('ac-wrong', path)).status).toBe(401);
    await t.driver.auth.respond({ session: t.session.fromPartition('ac-wrong'), cancel: true });
    expect((await page('ac-wrong', path)).status).toBe(401);
    expect(
      requestsTo(path).every(
        (r) => !r.headers.authorization || r.headers.authorization !== `Basic ${Buffer.from('ada:lovelace').toString('base64')}`,
      ),
    ).toBe(true);
  });

  it('forgets the credentials a proxy was given too', async () => {
    const ses = t.session.fromPartition('ac-proxy');
    await t.invoke(ses, 'ses.setProxy', { proxyRules: `127.0.0.1:${proxy.port}` });
    const url = `http://origin.fixture.test:${http.port}/proxied`;
    await answer('ac-proxy');
    expect((await t.driver.page.fetch({ session: ses, url })).status).toBe(200);
    expect((await t.driver.page.fetch({ session: ses, url })).status).toBe(200);
    await clear('ac-proxy');
    expect((await t.driver.page.fetch({ session: ses, url })).status).toBe(407);
    expect(proxy.records.filter((r) => r.target === url).map((r) => !!r.headers['proxy-authorization'])).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  t.itInEras(
    'current',
    "ses.fetch uses the cached credentials (unless credentials: 'omit') but never asks for new ones",
    async () => {
      const path = basic('basic-fetch');
      const ses = t.session.fromPartition('ac-fetch') as unknown as { fetch(url: string): Promise<Response> };
      expect((await ses.fetch(`${http.origin}${path}`)).status).toBe(401);
      await answer('ac-fetch');
      expect((await page('ac-fetch', path)).status).toBe(200);
      expect((await ses.fetch(`${http.origin}${path}`)).status).toBe(200);
      const omitted = await (ses.fetch as (url: string, init: RequestInit) => Promise<Response>)(`${http.origin}${path}`, {
        credentials: 'omit',
      });
      expect(omitted.status).toBe(401);
      await clear('ac-fetch');
      expect((await ses.fetch(`${http.origin}${path}`)).status).toBe(401);
    },
  );
});
