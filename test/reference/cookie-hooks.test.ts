// The cookie hooks the network stack calls, on real traffic: a loopback HTTP
// server sets cookies (Set-Cookie goes through storeFromResponse) and reports
// the Cookie header it receives (built by cookieHeaderFor), so both
// directions are checked against what a real server saw.

import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EraId } from '../../contract/eras/eras.ts';
import { cookieService, type CookieRequestOptions, type CookieService } from '../../reference/cookies/cookie-service.ts';
import { createReferenceElectron, type ReferenceElectron } from '../../reference/instance.ts';
import { servicesOf } from '../../reference/session/binding.ts';

/** The server answers /set with the Set-Cookie values in `set`, and every request with the Cookie header it got. */
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const set = url.searchParams.getAll('set');
    if (set.length) res.setHeader('Set-Cookie', set);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ cookie: req.headers.cookie ?? '' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const apps: { app: ReferenceElectron; dir: string }[] = [];

afterAll(async () => {
  for (const { app, dir } of apps) {
    await app.quit();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function sessionFor(era: EraId): Promise<{ session: Record<string, unknown>; cookies: CookieService }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cookie-hooks-'));
  const app = createReferenceElectron({ era, userData: dir });
  apps.push({ app, dir });
  await app.app.whenReady();
  const session = app.session.fromPartition(`hooks-${apps.length}`) as unknown as Record<string, unknown>;
  return { session, cookies: servicesOf(session).use(cookieService) };
}

/** One request through the hooks: send the session's cookies, store the response's. */
async function request(
  cookies: CookieService,
  pathAndQuery: string,
  options: CookieRequestOptions = {},
  host = origin,
): Promise<string> {
  const url = `${host}${pathAndQuery}`;
  const header = await cookies.cookieHeaderFor(url, options);
  const response = await fetch(url, { headers: header ? { cookie: header } : {} });
  await cookies.storeFromResponse(url, response.headers.getSetCookie(), options);
  return ((await response.json()) as { cookie: string }).cookie;
}

function setting(...headers: string[]): string {
  return `/set?${headers.map((h) => `set=${encodeURIComponent(h)}`).join('&')}`;
}

describe('cookie hooks on real traffic', () => {
  it('stores Set-Cookie and sends the cookies back, and they show in ses.cookies', async () => {
    const { session, cookies } = await sessionFor('current');
    expect(await request(cookies, setting('a=1', 'b=2; HttpOnly', 'c=3; Max-Age=3600'))).toBe('');
    expect(await request(cookies, '/')).toBe('a=1; b=2; c=3');
    const api = session['cookies'] as { get(filter: object): Promise<{ name: string; httpOnly: boolean; session: boolean }[]> };
    const listed = await api.get({ url: origin });
    expect(listed.map((c) => [c.name, c.httpOnly, c.session])).toEqual([
      ['a', false, true],
      ['b', true, true],
      ['c', false, false],
    ]);
  });

  it("emits 'changed' on the session's Cookies object for traffic", async () => {
    const { session, cookies } = await sessionFor('e12');
    const seen: string[] = [];
    (session['cookies'] as { on(e: string, l: (...a: unknown[]) => void): void }).on('changed', (_e, cookie, cause, removed) => {
      seen.push(`${(cookie as { name: string }).name}:${String(cause)}:${String(removed)}`);
    });
    await request(cookies, setting('x=1'));
    await request(cookies, setting('x=2'));
    await request(cookies, setting('x=3; Max-Age=0'));
    expect(seen).toEqual(['x:explicit:false', 'x:overwrite:true', 'x:explicit:false', 'x:expired-overwrite:true']);
    expect(await request(cookies, '/')).toBe('');
  });

  it('scopes cookies by path and sends longer paths first', async () => {
    const { cookies } = await sessionFor('current');
    await request(cookies, setting('top=1; Path=/', 'deep=2; Path=/docs'));
    expect(await request(cookies, '/')).toBe('top=1');
    expect(await request(cookies, '/docs/page')).toBe('deep=2; top=1');
    expect(await request(cookies, '/docsx')).toBe('top=1');
  });

  it('refuses a Domain the host does not belong to', async () => {
    const { cookies } = await sessionFor('current');
    await request(cookies, setting('wrong=1; Domain=example.com', 'right=1'));
    expect(await request(cookies, '/')).toBe('right=1');
  });

  it('keeps cookies to their host: another loopback name gets none', async () => {
    const { cookies } = await sessionFor('current');
    await request(cookies, setting('mine=1'));
    const localhost = origin.replace('127.0.0.1', 'localhost');
    expect(await request(cookies, '/', {}, localhost)).toBe('');
  });

  it('treats loopback as secure for Secure cookies from Electron 17, not before', async () => {
    const current = await sessionFor('current');
    await request(current.cookies, setting('s=1; Secure'));
    expect(await request(current.cookies, '/')).toBe('s=1');
    const e12 = await sessionFor('e12');
    await request(e12.cookies, setting('s=1; Secure', 'plain=1'));
    expect(await request(e12.cookies, '/')).toBe('plain=1');
  });

  it('applies SameSite to the request context', async () => {
    const { cookies } = await sessionFor('current');
    await request(cookies, setting('strict=1; SameSite=Strict', 'lax=1; SameSite=Lax', 'none=1; SameSite=None; Secure'), {
      sameSiteContext: 'strict',
    });
    expect(await request(cookies, '/', { sameSiteContext: 'strict' })).toBe('strict=1; lax=1; none=1');
    expect(await request(cookies, '/', { sameSiteContext: 'lax' })).toBe('lax=1; none=1');
    expect(await request(cookies, '/', { sameSiteContext: 'none' })).toBe('none=1');
  });

  it('from Electron 17, treats a cookie without SameSite as Lax and requires Secure for SameSite=None', async () => {
    const e17 = await sessionFor('e17');
    await request(e17.cookies, setting('bare=1', 'none=1; SameSite=None'), { sameSiteContext: 'strict' });
    expect(await request(e17.cookies, '/', { sameSiteContext: 'lax' })).toBe('bare=1');
    expect(await request(e17.cookies, '/', { sameSiteContext: 'none' })).toBe('');
    const e12 = await sessionFor('e12');
    await request(e12.cookies, setting('bare=1', 'none=1; SameSite=None'), { sameSiteContext: 'strict' });
    expect(await request(e12.cookies, '/', { sameSiteContext: 'none' })).toBe('bare=1; none=1');
  });

  it('keeps HttpOnly cookies from non-HTTP callers', async () => {
    const { cookies } = await sessionFor('current');
    await request(cookies, setting('h=1; HttpOnly', 'p=1'));
    expect(await cookies.cookieHeaderFor(`${origin}/`, { http: false })).toBe('p=1');
    await cookies.storeFromResponse(`${origin}/`, ['h2=1; HttpOnly'], { http: false });
    expect(await request(cookies, '/')).toBe('h=1; p=1');
  });

  it('drops an expired cookie when it is looked up, reporting it as expired', async () => {
    const { session, cookies } = await sessionFor('current');
    const seen: string[] = [];
    (session['cookies'] as { on(e: string, l: (...a: unknown[]) => void): void }).on('changed', (_e, cookie, cause) => {
      seen.push(`${(cookie as { name: string }).name}:${String(cause)}`);
    });
    await request(cookies, setting(`brief=1; Expires=${new Date(Date.now() + 1500).toUTCString()}`));
    const start = Date.now();
    while (Date.now() - start < 3000 && (await cookies.cookieHeaderFor(`${origin}/`)) !== '') {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await request(cookies, '/')).toBe('');
    expect(seen).toEqual(['brief:explicit', 'brief:expired']);
  });
});
