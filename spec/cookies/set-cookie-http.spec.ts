// The HTTP layer under Set-Cookie is as lenient as Chromium's: a header value
// holding a control character loads the response (only that cookie is
// refused), and response heads far beyond 16 KiB load (Chromium's limit is
// 256 KiB; a bigger head fails with net::ERR_RESPONSE_HEADERS_TOO_BIG). All
// were checked against headless Chromium with the cookie differential's oracle.

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { cookiesOf, getCookies } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary: 'A control character in one Set-Cookie refuses that cookie only, and large response heads load, as in Chromium.',
});

const BIG_COOKIES = Array.from({ length: 40 }, (_, i) => `big${i}=${String(i % 10).repeat(4000)}`);
let server: SetCookieServer | undefined;

const t = useTarget(meta, {
  prepare: async () => {
    server = await startSetCookieServer();
    server.define('control', ['a=x\x01y', 'b=2', 'c=x\x7fy']);
    server.define('big', BIG_COOKIES);
    server.define('too-big', [...BIG_COOKIES, ...BIG_COOKIES.map((line) => `more${line}`)]);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

async function load(key: string, partition: string) {
  const ses = t.session.fromPartition(partition) as { fetch(url: string): Promise<Response> };
  const response = await ses.fetch(`http://a.example.com:${server!.port}/?__c=${key}`);
  const body = await response.text();
  return { ses, response, body };
}

describe('HTTP leniency under Set-Cookie', () => {
  afterAll(() => server?.close());

  it('loads a response whose Set-Cookie holds control characters and stores its other cookies', async () => {
    const { ses, response, body } = await load('control', 'set-cookie-http-control');
    expect(response.status).toBe(200);
    expect(body).toContain('ok');
    const cookies = await getCookies(t, cookiesOf(ses), {});
    expect(cookies.map((c) => [c.name, c.value])).toEqual([['b', '2']]);
  });

  it('loads a response head of 160 KiB of Set-Cookie headers and stores every cookie', async () => {
    const { ses, response } = await load('big', 'set-cookie-http-big');
    expect(response.status).toBe(200);
    const cookies = await getCookies(t, cookiesOf(ses), {});
    expect(cookies).toHaveLength(BIG_COOKIES.length);
  });

  it('fails a response head over 256 KiB with net::ERR_RESPONSE_HEADERS_TOO_BIG and stores none of its cookies', async () => {
    await expect(load('too-big', 'set-cookie-http-too-big')).rejects.toThrow('net::ERR_RESPONSE_HEADERS_TOO_BIG');
    const ses = t.session.fromPartition('set-cookie-http-too-big');
    expect(await getCookies(t, cookiesOf(ses), {})).toEqual([]);
  });
});
