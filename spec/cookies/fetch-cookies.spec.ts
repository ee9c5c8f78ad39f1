// ses.fetch and the session's cookie store: with its default credentials a
// fetch sends the session's cookies and stores the ones its responses set
// (SameSite attributes included), and the same-site context is the fetched
// URL's own site (Electron's net module sets site_for_cookies from the URL),
// so Lax and Strict cookies go back to that site. Every hop picks its own
// cookies: a redirect to another host gets that host's cookies, never the
// first host's, and a redirect to another site sends only SameSite=None
// cookies, because the site for cookies stays the first URL's.
// `credentials: 'omit'` neither sends nor stores.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { freshSession, getCookies, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.fetch', 'ses.cookies'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'ses.fetch sends and stores the session cookies (SameSite ones on same-site requests) and picks cookies again for each redirect target.',
});

const t = useTarget(meta);

const server = useHttpServer();
const fresh = () => freshSession(t, 'fetch-cookies');
/** The Cookie header the server saw on the last request for `path`. */
const cookieSent = (path: string) => server.log.requests.filter((r) => r.url === path).at(-1)?.headers.cookie ?? null;
const local = (path: string) => server.urlFor(path, 'localhost');

describe('ses.fetch with the session cookie store', () => {
  it('sends the cookies of the session', async () => {
    const { session, cookies } = fresh();
    await setCookie(t, cookies, { url: server.url, name: 'wild', value: 'cookie' });
    expect((await session.fetch(`${server.url}echo?sends`)).status).toBe(200);
    expect(cookieSent('/echo?sends')).toBe('wild=cookie');
  });

  it('stores a Set-Cookie of the response as a host-only session cookie with an unspecified SameSite', async () => {
    const { session, cookies } = fresh();
    await session.fetch(`${server.url}set-cookie?c=${encodeURIComponent('foo=bar')}`);
    expect(await getCookies(t, cookies)).toEqual([
      {
        name: 'foo',
        value: 'bar',
        domain: '127.0.0.1',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        session: true,
        sameSite: 'unspecified',
      },
    ]);
  });

  for (const mode of ['Lax', 'Strict']) {
    it(`stores a SameSite=${mode} cookie and sends it back on the next request to the same site`, async () => {
      const { session, cookies } = fresh();
      const path = `/set-cookie?c=${encodeURIComponent(`same=site; SameSite=${mode}`)}&mode=${mode}`;
      await session.fetch(`${server.url}${path.slice(1)}`);
      expect(cookieSent(path)).toBeNull();
      expect(await getCookies(t, cookies)).toEqual([
        {
          name: 'same',
          value: 'site',
          domain: '127.0.0.1',
          hostOnly: true,
          path: '/',
          secure: false,
          httpOnly: false,
          session: true,
          sameSite: mode.toLowerCase(),
        },
      ]);
      await session.fetch(`${server.url}${path.slice(1)}`);
      expect(cookieSent(path)).toBe('same=site');
    });
  }

  it("selects the cookies again for a redirect's target host", async () => {
    const { session, cookies } = fresh();
    await setCookie(t, cookies, { url: server.url, name: 'wild', value: 'numeric', sameSite: 'no_restriction' });
    await setCookie(t, cookies, { url: local('/'), name: 'wild', value: 'named', sameSite: 'no_restriction' });
    const target = local('/echo?redirected');
    const res = await session.fetch(`${server.url}redirect?to=${encodeURIComponent(target)}&from=numeric`);
    expect(res.status).toBe(200);
    expect(cookieSent(`/redirect?to=${encodeURIComponent(target)}&from=numeric`)).toBe('wild=numeric');
    expect(cookieSent('/echo?redirected')).toBe('wild=named');
  });

  it('sends no Lax, Strict or unspecified cookie to a redirect target of another site', async () => {
    const { session, cookies } = fresh();
    for (const [name, sameSite] of [
      ['lax', 'lax'],
      ['strict', 'strict'],
      ['plain', 'unspecified'],
      ['none', 'no_restriction'],
    ]) {
      await setCookie(t, cookies, { url: local('/'), name, value: '1', sameSite });
    }
    await session.fetch(local('/echo?same-site'));
    expect(cookieSent('/echo?same-site')).toBe('lax=1; strict=1; plain=1; none=1');
    await session.fetch(`${server.url}redirect?to=${encodeURIComponent(local('/echo?cross-site'))}`);
    expect(cookieSent('/echo?cross-site')).toBe('none=1');
  });

  it("neither sends nor stores cookies with credentials: 'omit'", async () => {
    const { session, cookies } = fresh();
    await setCookie(t, cookies, { url: server.url, name: 'kept', value: '1' });
    await session.fetch(`${server.url}set-cookie?c=${encodeURIComponent('new=1')}&omit`, { credentials: 'omit' });
    expect(cookieSent(`/set-cookie?c=${encodeURIComponent('new=1')}&omit`)).toBeNull();
    expect((await getCookies(t, cookies)).map((c) => c.name)).toEqual(['kept']);
  });
});
