// An insecure response may neither overwrite nor shadow a Secure cookie
// (CookieMonster's secure-cookie protection): a Set-Cookie from http:// with
// the name of a Secure cookie whose domain and path match it is refused,
// while other names and paths outside the Secure cookie's are stored. The
// expected jar was read from headless Chromium 156 in the same situation
// (Secure cookies set for https://a.example.com, then one http navigation).

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { cookiesOf, getCookies, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary: 'Set-Cookie from an insecure URL cannot overwrite or shadow a Secure cookie.',
});

let server: SetCookieServer | undefined;

const t = useTarget(meta, {
  prepare: async () => {
    server = await startSetCookieServer();
    server.define('overwrite', ['s=insecure', 's=deeper; Path=/a', 'other=1', 's=dom; Domain=example.com', 't=ok; Path=/b']);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

describe('Secure cookies and insecure responses', () => {
  afterAll(() => server?.close());

  it('refuses insecure cookies that would overwrite or shadow a Secure one', async () => {
    const ses = t.session.fromPartition('set-cookie-secure-overwrite') as { fetch(url: string): Promise<Response> };
    const cookies = cookiesOf(ses);
    await setCookie(t, cookies, { url: 'https://a.example.com/', name: 's', value: 'secure', secure: true, path: '/' });
    await setCookie(t, cookies, { url: 'https://a.example.com/', name: 't', value: 'secure', secure: true, path: '/a' });
    const response = await ses.fetch(`http://a.example.com:${server!.port}/a/b?__c=overwrite`);
    await response.arrayBuffer();
    const jar = (await getCookies(t, cookies, {})).map((c) => [c.name, c.value, c.domain, c.path, c.secure]);
    expect(jar.sort()).toEqual(
      [
        ['s', 'secure', 'a.example.com', '/', true],
        ['t', 'secure', 'a.example.com', '/a', true],
        ['other', '1', 'a.example.com', '/a', false],
        ['t', 'ok', 'a.example.com', '/b', false],
      ].sort(),
    );
  });
});
