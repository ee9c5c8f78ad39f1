// cookies.set(details): what is stored for the details Electron reads
// (domain, path, flags, expiry, sameSite per era), replacing equivalent
// cookies, and the rejections with each era's messages.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, getCookies, secondsFromNow, setCookie, withCallback, type CookiesLike } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.set'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'Stores a cookie from its details as Chromium canonicalizes it, replacing its equivalent, or rejects with the era message.',
});

const t = useTarget(meta);

const URL = 'https://example.com/';

async function only(cookies: CookiesLike): Promise<Record<string, unknown>> {
  const list = await getCookies(t, cookies, {});
  expect(list).toHaveLength(1);
  return list[0] as unknown as Record<string, unknown>;
}

/** The rejection of a set, as an Error. */
async function refusal(cookies: CookiesLike, details: Record<string, unknown>): Promise<Error> {
  try {
    await setCookie(t, cookies, details);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error(`set(${JSON.stringify(details)}) resolved`);
}

describe('cookies.set', () => {
  it('resolves with nothing and stores a session cookie without expirationDate', async () => {
    const { cookies } = freshSession(t);
    expect(await setCookie(t, cookies, { url: URL, name: 'a', value: 'b' })).toBeUndefined();
    expect(await only(cookies)).toMatchObject({
      name: 'a',
      value: 'b',
      domain: 'example.com',
      hostOnly: true,
      path: '/',
      session: true,
    });
  });

  it('stores a persistent cookie with its expirationDate', async () => {
    const { cookies } = freshSession(t);
    const expiry = secondsFromNow(120);
    await setCookie(t, cookies, { url: URL, name: 'a', value: 'b', expirationDate: expiry });
    const cookie = await only(cookies);
    expect(cookie['session']).toBe(false);
    expect(Math.abs((cookie['expirationDate'] as number) - expiry)).toBeLessThan(1e-5);
  });

  it('stores a cookie without a name, and name and value default to empty', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, value: 'nameless' });
    expect(await only(cookies)).toMatchObject({ name: '', value: 'nameless' });
  });

  it('makes a domain cookie (leading dot, not host-only) from a domain, a host-only one without', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'wide', value: '1', domain: 'example.com' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'dotted', value: '1', domain: '.Example.COM' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'narrow', value: '1' });
    const byName = Object.fromEntries((await getCookies(t, cookies, {})).map((c) => [c.name, c]));
    expect(byName['wide']).toMatchObject({ domain: '.example.com', hostOnly: false });
    expect(byName['dotted']).toMatchObject({ domain: '.example.com', hostOnly: false });
    expect(byName['narrow']).toMatchObject({ domain: 'www.example.com', hostOnly: true });
  });

  it('keeps an IP address host-only, even as a domain', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'http://127.0.0.1/', name: 'ip', value: '1', domain: '127.0.0.1' });
    expect(await only(cookies)).toMatchObject({ domain: '127.0.0.1', hostOnly: true });
  });

  it("defaults the path to the URL path's directory and keeps an absolute path", async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/docs/page.html', name: 'dir', value: '1' });
    await setCookie(t, cookies, { url: 'https://example.com/docs/page.html', name: 'given', value: '1', path: '/other' });
    await setCookie(t, cookies, { url: 'https://example.com/top', name: 'root', value: '1' });
    const byName = Object.fromEntries((await getCookies(t, cookies, {})).map((c) => [c.name, c.path]));
    expect(byName).toEqual({ dir: '/docs', given: '/other', root: '/' });
  });

  it('stores the secure and httpOnly flags, false by default', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'flags', value: '1', secure: true, httpOnly: true });
    await setCookie(t, cookies, { url: URL, name: 'plain', value: '1', sameSite: 'lax' });
    const byName = Object.fromEntries((await getCookies(t, cookies, {})).map((c) => [c.name, [c.secure, c.httpOnly]]));
    expect(byName).toEqual({ flags: [true, true], plain: [false, false] });
  });

  it('replaces the cookie with the same name, domain and path', async () => {
    const { cookies } = freshSession(t);
    for (const value of ['No', 'Yes']) {
      await setCookie(t, cookies, { url: URL, name: 'DidOverwrite', value, expirationDate: secondsFromNow(120) });
    }
    expect(await only(cookies)).toMatchObject({ name: 'DidOverwrite', value: 'Yes' });
  });

  it('keeps cookies of the same name apart when their domain or path differ', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'same', value: 'host' });
    await setCookie(t, cookies, { url: URL, name: 'same', value: 'domain', domain: 'example.com' });
    await setCookie(t, cookies, { url: URL, name: 'same', value: 'path', path: '/p' });
    expect((await getCookies(t, cookies, {})).map((c) => c.value).sort()).toEqual(['domain', 'host', 'path']);
  });

  it('with an expirationDate in the past, stores nothing and deletes the equivalent cookie', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'doomed', value: '1' });
    await setCookie(t, cookies, { url: URL, name: 'doomed', value: '2', expirationDate: secondsFromNow(-60) });
    await setCookie(t, cookies, { url: URL, name: 'never', value: '1', expirationDate: 0 });
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('ignores detail fields of the wrong type', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, {
      url: URL,
      name: 'typed',
      value: 'v',
      secure: 'yes',
      httpOnly: 1,
      expirationDate: 'tomorrow',
      path: 5,
    });
    expect(await only(cookies)).toMatchObject({ name: 'typed', secure: false, httpOnly: false, session: true, path: '/' });
  });

  t.itInEras('>=e12', 'stores each sameSite value as given', async () => {
    const { cookies } = freshSession(t);
    for (const sameSite of ['unspecified', 'no_restriction', 'lax', 'strict']) {
      await setCookie(t, cookies, { url: URL, name: sameSite, value: '1', sameSite, secure: true });
    }
    const byName = Object.fromEntries((await getCookies(t, cookies, {})).map((c) => [c.name, c.sameSite]));
    expect(byName).toEqual({ unspecified: 'unspecified', no_restriction: 'no_restriction', lax: 'lax', strict: 'strict' });
  });

  t.itInEras('e12', 'defaults sameSite to no_restriction', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'a', value: '1' });
    expect(await only(cookies)).toMatchObject({ sameSite: 'no_restriction', secure: false });
  });

  t.itInEras('>=e17', 'defaults sameSite to lax, and secure to true for no_restriction', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'lax', value: '1' });
    await setCookie(t, cookies, { url: URL, name: 'none', value: '1', sameSite: 'no_restriction' });
    const byName = Object.fromEntries((await getCookies(t, cookies, {})).map((c) => [c.name, [c.sameSite, c.secure]]));
    expect(byName).toEqual({ lax: ['lax', false], none: ['no_restriction', true] });
  });

  t.itInEras('>=e17', 'rejects a no_restriction cookie that is not secure', async () => {
    const { cookies } = freshSession(t);
    await refusal(cookies, { url: URL, name: 'a', value: '1', sameSite: 'no_restriction', secure: false });
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  t.itInEras('>=e12', 'rejects an unknown sameSite value', async () => {
    const { cookies } = freshSession(t);
    const error = await refusal(cookies, { url: URL, value: 'hithere', sameSite: 'garbage' });
    expect(error.message).toBe("Failed to convert 'garbage' to an appropriate cookie same site value");
  });

  t.itInEras('>=e12', 'rejects details without a string url', async () => {
    const { cookies } = freshSession(t);
    expect((await refusal(cookies, { name: 'a', value: '1' })).message).toBe("Missing required option 'url'");
    expect((await refusal(cookies, { url: 7, name: 'a', value: '1' })).message).toBe("Missing required option 'url'");
  });

  t.itInEras('legacy', 'rejects an empty or invalid url with a fixed message', async () => {
    const { cookies } = freshSession(t);
    expect((await refusal(cookies, { url: '', name: '1', value: '1' })).message).toBe('Setting cookie failed');
    expect((await refusal(cookies, { url: 'asdf', name: '1', value: '1' })).message).toBe('Setting cookie failed');
  });

  t.itInEras('e9..e17', 'rejects an empty or invalid url: it has no cookie domain', async () => {
    const { cookies } = freshSession(t);
    expect((await refusal(cookies, { url: '', name: '1', value: '1' })).message).toBe('Failed to get cookie domain');
    expect((await refusal(cookies, { url: 'asdf', name: '1', value: '1' })).message).toBe('Failed to get cookie domain');
  });

  t.itInEras('current', 'rejects an empty or invalid url as an invalid Domain attribute', async () => {
    const { cookies } = freshSession(t);
    const invalid = /^Failed to set cookie - The cookie was set with an invalid Domain attribute\./;
    expect((await refusal(cookies, { url: '', name: '1', value: '1' })).message).toMatch(invalid);
    expect((await refusal(cookies, { url: 'asdf', name: '1', value: '1' })).message).toMatch(invalid);
  });

  it('rejects a value with a character a cookie line cannot carry', async () => {
    const { cookies } = freshSession(t);
    const message = (await refusal(cookies, { url: URL, name: 'BadCookie', value: 'test;test' })).message;
    const expected = {
      legacy: /^Setting cookie failed$/,
      e9: /^Failed to parse cookie$/,
      e12: /^Failed to parse cookie$/,
      e17: /^Failed to parse cookie$/,
      current: /^Failed to set cookie - The cookie contains ASCII control characters/,
    }[t.era];
    expect(message).toMatch(expected);
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('rejects a domain the URL does not belong to, or a public suffix', async () => {
    const { cookies } = freshSession(t);
    for (const domain of ['example.org', 'ample.com', 'com', 'www.example.com']) {
      const message = (await refusal(cookies, { url: URL, name: 'a', value: '1', domain })).message;
      const expected = {
        legacy: /^Setting cookie failed$/,
        e9: /^Failed to parse cookie$/,
        e12: /^Failed to parse cookie$/,
        e17: /^Failed to parse cookie$/,
        current: /^Failed to set cookie - The cookie was set with an invalid Domain attribute\./,
      }[t.era];
      expect(message, domain).toMatch(expected);
    }
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('rejects a path that is not absolute', async () => {
    const { cookies } = freshSession(t);
    await refusal(cookies, { url: URL, name: 'a', value: '1', path: 'relative' });
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('rejects a Secure cookie for an insecure URL that is not loopback', async () => {
    const { cookies } = freshSession(t);
    await refusal(cookies, { url: 'http://example.com/', name: 'a', value: '1', secure: true });
    expect(await getCookies(t, cookies, {})).toEqual([]);
  });

  it('rejects a URL whose scheme carries no cookies', async () => {
    const { cookies } = freshSession(t);
    const message = (await refusal(cookies, { url: 'ftp://example.com/', name: 'a', value: '1' })).message;
    const expected = {
      legacy: /^Setting cookie failed$/,
      e9: /^Cannot set cookie for current scheme$/,
      e12: /^Cannot set cookie for current scheme$/,
      e17: /^Cannot set cookie for current scheme$/,
      current: /^Failed to set cookie - Attempted to set a cookie from a scheme that does not support cookies\./,
    }[t.era];
    expect(message).toMatch(expected);
  });

  t.itInEras('>=e9', 'honours the __Secure- and __Host- name prefixes', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: '__Secure-ok', value: '1', secure: true });
    await setCookie(t, cookies, { url: URL, name: '__Host-ok', value: '1', secure: true, path: '/' });
    await refusal(cookies, { url: URL, name: '__Secure-plain', value: '1', secure: false, sameSite: 'lax' });
    await refusal(cookies, { url: URL, name: '__Host-wide', value: '1', secure: true, domain: 'example.com' });
    await refusal(cookies, { url: URL, name: '__Host-deep', value: '1', secure: true, path: '/deep' });
    expect((await getCookies(t, cookies, {})).map((c) => c.name).sort()).toEqual(['__Host-ok', '__Secure-ok']);
  });

  t.itInEras('legacy', 'lets a cookie without HttpOnly replace an HttpOnly one', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'guarded', value: '1', httpOnly: true });
    await setCookie(t, cookies, { url: URL, name: 'guarded', value: '2' });
    expect(await only(cookies)).toMatchObject({ value: '2', httpOnly: false });
  });

  t.itInEras('>=e9', 'rejects a cookie without HttpOnly that would replace an HttpOnly one', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'guarded', value: '1', httpOnly: true });
    const message = (await refusal(cookies, { url: URL, name: 'guarded', value: '2' })).message;
    if (t.era === 'current')
      expect(message).toMatch(/^Failed to set cookie - The cookie would have overwritten an HttpOnly cookie/);
    else expect(message).toBe('Setting cookie failed');
    await setCookie(t, cookies, { url: URL, name: 'guarded', value: '3', httpOnly: true });
    expect(await only(cookies)).toMatchObject({ value: '3', httpOnly: true });
  });

  t.itInEras('current', 'shortens an expiry more than 400 days ahead to 400 days', async () => {
    const { cookies } = freshSession(t);
    const before = Date.now() / 1000;
    await setCookie(t, cookies, { url: URL, name: 'far', value: '1', expirationDate: before + 1000 * 86400 });
    const after = Date.now() / 1000;
    const expiry = (await only(cookies))['expirationDate'] as number;
    expect(expiry).toBeGreaterThanOrEqual(before + 400 * 86400 - 1);
    expect(expiry).toBeLessThanOrEqual(after + 400 * 86400 + 1);
  });

  t.itInEras('<=e17', 'keeps an expiry far in the future', async () => {
    const { cookies } = freshSession(t);
    const far = Math.floor(secondsFromNow(1000 * 86400));
    await setCookie(t, cookies, { url: URL, name: 'far', value: '1', expirationDate: far });
    expect((await only(cookies))['expirationDate']).toBe(far);
  });

  it('takes one details object, required', () => {
    const { cookies } = freshSession(t);
    const set = cookies.set as (...args: unknown[]) => unknown;
    expect(() => set.call(cookies)).toThrow('Insufficient number of arguments.');
    for (const bad of ['https://example.com', 1, null, []]) {
      expect(() => set.apply(cookies, withCallback(t.era, bad))).toThrow(TypeError);
      expect(() => set.apply(cookies, withCallback(t.era, bad))).toThrow(
        /^Error processing argument at index 0, conversion failure from/,
      );
    }
  });
});
