// cookies.get(filter): every cookie, or those a URL would carry, narrowed by
// name, domain, path, secure, session (and httpOnly from Electron 25); the
// Cookie objects in their era's shape and order; argument errors.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, getCookies, secondsFromNow, setCookie, withCallback, type CookiesLike } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.get'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'Returns the Cookie objects matching a filter (all, or those a URL would carry), in the era shape and order.',
});

const t = useTarget(meta);

async function names(cookies: CookiesLike, filter: Record<string, unknown>): Promise<string[]> {
  return (await getCookies(t, cookies, filter)).map((c) => c.name).sort();
}

/** A small jar: host-only and domain cookies, paths, flags, a persistent one. */
async function populate(cookies: CookiesLike): Promise<void> {
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'host', value: '1' });
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'domain', value: '2', domain: 'example.com' });
  await setCookie(t, cookies, { url: 'https://sub.example.com/', name: 'sub', value: '3' });
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'deep', value: '4', path: '/a/b' });
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'secure', value: '5', secure: true });
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'http', value: '6', httpOnly: true });
  await setCookie(t, cookies, { url: 'https://example.com/', name: 'kept', value: '7', expirationDate: secondsFromNow(3600) });
  await setCookie(t, cookies, { url: 'https://example.org/', name: 'other', value: '8' });
}

describe('cookies.get', () => {
  it('resolves to an empty list for a session without cookies', async () => {
    const { cookies } = freshSession(t);
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('returns every cookie for an empty filter', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, {})).toEqual(['deep', 'domain', 'host', 'http', 'kept', 'other', 'secure', 'sub']);
  });

  t.itInEras('<=e9', 'returns Cookie objects with name, value, domain, hostOnly, path, secure, httpOnly, session', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'a', value: 'b' });
    expect(await getCookies(t, cookies, {})).toEqual([
      { name: 'a', value: 'b', domain: 'example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, session: true },
    ]);
  });

  t.itInEras('>=e12', 'returns Cookie objects that also carry sameSite', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'a', value: 'b', sameSite: 'strict' });
    expect(await getCookies(t, cookies, {})).toEqual([
      {
        name: 'a',
        value: 'b',
        domain: 'example.com',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        session: true,
        sameSite: 'strict',
      },
    ]);
  });

  it('adds expirationDate for persistent cookies only', async () => {
    const { cookies } = freshSession(t);
    const expiry = Math.floor(secondsFromNow(3600));
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'kept', value: '1', expirationDate: expiry });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'gone', value: '1' });
    const byName = Object.fromEntries(
      (await getCookies(t, cookies, {})).map((c) => [c.name, c as unknown as Record<string, unknown>]),
    );
    const kept = byName['kept']!;
    const gone = byName['gone']!;
    expect(kept).toMatchObject({ name: 'kept', session: false, expirationDate: expiry });
    expect(gone).toMatchObject({ name: 'gone', session: true });
    expect('expirationDate' in gone).toBe(false);
  });

  it('with a url, returns the cookies a request to it would carry', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { url: 'https://example.com/' })).toEqual(['domain', 'host', 'http', 'kept', 'secure']);
    expect(await names(cookies, { url: 'https://sub.example.com/' })).toEqual(['domain', 'sub']);
    expect(await names(cookies, { url: 'https://example.com/a/b/c' })).toEqual([
      'deep',
      'domain',
      'host',
      'http',
      'kept',
      'secure',
    ]);
    expect(await names(cookies, { url: 'https://example.org/x' })).toEqual(['other']);
  });

  it('with an insecure url, leaves Secure cookies out', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { url: 'http://example.com/' })).toEqual(['domain', 'host', 'http', 'kept']);
  });

  it('with a url, lists longer paths first, then older cookies first', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'first', value: '1' });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'longest', value: '1', path: '/a/b' });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'second', value: '1' });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'longer', value: '1', path: '/a' });
    const order = (await getCookies(t, cookies, { url: 'https://example.com/a/b/c' })).map((c) => c.name);
    expect(order).toEqual(['longest', 'longer', 'first', 'second']);
  });

  it('keeps the place of a cookie set again with the same value, and moves one set with a new value last', async () => {
    const { cookies } = freshSession(t);
    const inOrder = async () => (await getCookies(t, cookies, { url: 'https://example.com/' })).map((c) => c.name);
    for (const name of ['a', 'b', 'c']) await setCookie(t, cookies, { url: 'https://example.com/', name, value: '1' });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'a', value: '1' });
    expect(await inOrder()).toEqual(['a', 'b', 'c']);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'b', value: '2' });
    expect(await inOrder()).toEqual(['a', 'c', 'b']);
  });

  it('returns nothing for a url that is not a valid URL or has no cookies scheme', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await getCookies(t, cookies, { url: 'not a url' })).toEqual([]);
    expect(await getCookies(t, cookies, { url: 'ftp://example.com/' })).toEqual([]);
  });

  it('treats an empty or non-string url as no url', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { url: '' })).toHaveLength(8);
    expect(await names(cookies, { url: 42 })).toHaveLength(8);
  });

  it('filters by exact name and exact path', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { name: 'sub' })).toEqual(['sub']);
    expect(await names(cookies, { name: 'Sub' })).toEqual([]);
    expect(await names(cookies, { path: '/a/b' })).toEqual(['deep']);
    expect(await names(cookies, { path: '/a' })).toEqual([]);
    expect(await names(cookies, { url: 'https://example.com/a/b', name: 'deep' })).toEqual(['deep']);
  });

  it('filters by session', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { session: false })).toEqual(['kept']);
    expect(await names(cookies, { session: true })).toHaveLength(7);
  });

  it('ignores filter fields of the wrong type', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { name: 1, path: null, session: 'yes', secure: 0 })).toHaveLength(8);
  });

  t.itInEras('legacy,current', 'filters by the Secure attribute', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { secure: true })).toEqual(['secure']);
    expect(await names(cookies, { secure: false })).toHaveLength(7);
  });

  t.itInEras('e9..e17', 'compares the secure filter the wrong way round, as Electron 7-24 did', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { secure: false })).toEqual(['secure']);
    expect(await names(cookies, { secure: true })).toHaveLength(7);
  });

  t.itInEras('current', 'filters by httpOnly', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { httpOnly: true })).toEqual(['http']);
    expect(await names(cookies, { httpOnly: false })).toHaveLength(7);
  });

  t.itInEras('<=e17', 'ignores an httpOnly filter', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { httpOnly: true })).toHaveLength(8);
  });

  t.itInEras('<=e17', 'with a domain, returns cookies whose domain is that domain or under it', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { domain: 'example.com' })).toEqual(['deep', 'domain', 'host', 'http', 'kept', 'secure', 'sub']);
    expect(await names(cookies, { domain: '.example.com' })).toEqual(['deep', 'domain', 'host', 'http', 'kept', 'secure', 'sub']);
    expect(await names(cookies, { domain: 'sub.example.com' })).toEqual(['sub']);
    expect(await names(cookies, { domain: 'ample.com' })).toEqual([]);
    expect(await names(cookies, { domain: 'com' })).toEqual(['deep', 'domain', 'host', 'http', 'kept', 'secure', 'sub']);
    expect(await names(cookies, { domain: 'org' })).toEqual(['other']);
  });

  t.itInEras('current', 'with a domain, returns cookies that apply to that domain as a host', async () => {
    const { cookies } = freshSession(t);
    await populate(cookies);
    expect(await names(cookies, { domain: 'example.com' })).toEqual(['deep', 'domain', 'host', 'http', 'kept', 'secure']);
    expect(await names(cookies, { domain: 'sub.example.com' })).toEqual(['domain', 'sub']);
    expect(await names(cookies, { domain: '.example.com' })).toEqual(['domain']);
    expect(await names(cookies, { domain: 'com' })).toEqual([]);
  });

  it('takes one filter object, required', () => {
    const { cookies } = freshSession(t);
    const get = cookies.get as (...args: unknown[]) => unknown;
    expect(() => get.call(cookies)).toThrow('Insufficient number of arguments.');
    for (const bad of ['url', 42, null, true]) {
      expect(() => get.apply(cookies, withCallback(t.era, bad))).toThrow(TypeError);
      expect(() => get.apply(cookies, withCallback(t.era, bad))).toThrow(
        /^Error processing argument at index 0, conversion failure from/,
      );
    }
  });

  t.itInEras('legacy', 'Electron 1.x converts the filter before it looks for the callback', () => {
    const { cookies } = freshSession(t);
    const get = cookies.get as (...args: unknown[]) => unknown;
    expect(() => get.call(cookies, 42)).toThrow(/^Error processing argument at index 0, conversion failure from 42$/);
    expect(() => get.call(cookies, {})).toThrow('Insufficient number of arguments.');
  });

  it('cannot be called on another object', () => {
    const { cookies } = freshSession(t);
    expect(() => (cookies.get as (...args: unknown[]) => unknown).apply({}, withCallback(t.era, {}))).toThrow(TypeError);
  });
});
