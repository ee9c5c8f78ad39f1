// cookies.remove(url, name): deletes the cookies of that name a request to
// the URL would carry, and nothing else.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  freshSession,
  getCookies,
  removeCookie,
  secondsFromNow,
  setCookie,
  withCallback,
  type CookiesLike,
} from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.remove'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'Removes the cookies with the name that apply to the URL; resolves even when none does.',
});

const t = useTarget(meta);

async function values(cookies: CookiesLike): Promise<string[]> {
  return (await getCookies(t, cookies, {})).map((c) => `${c.name}=${c.value}`).sort();
}

describe('cookies.remove', () => {
  it('removes the named cookie for the URL and resolves with nothing', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'gone', value: '1', expirationDate: secondsFromNow(120) });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'kept', value: '2' });
    expect(await removeCookie(t, cookies, 'https://example.com/', 'gone')).toBeUndefined();
    expect(await values(cookies)).toEqual(['kept=2']);
  });

  it('leaves cookies of the same name that do not apply to the URL', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'n', value: 'host' });
    await setCookie(t, cookies, { url: 'https://example.org/', name: 'n', value: 'other-site' });
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'n', value: 'deeper', path: '/deep' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'n', value: 'subdomain' });
    await removeCookie(t, cookies, 'https://example.com/', 'n');
    expect(await values(cookies)).toEqual(['n=deeper', 'n=other-site', 'n=subdomain']);
  });

  it('removes every cookie of that name the URL would carry: host, parent domain, enclosing paths', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'n', value: 'host' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'n', value: 'parent', domain: 'example.com' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'n', value: 'path', path: '/a' });
    await setCookie(t, cookies, { url: 'https://www.example.com/', name: 'other', value: 'x' });
    await removeCookie(t, cookies, 'https://www.example.com/a/b', 'n');
    expect(await values(cookies)).toEqual(['other=x']);
  });

  it('removes HttpOnly cookies too', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'h', value: '1', httpOnly: true });
    await removeCookie(t, cookies, 'https://example.com/', 'h');
    expect(await values(cookies)).toEqual([]);
  });

  it('does not remove a Secure cookie through an insecure URL', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 's', value: '1', secure: true });
    await removeCookie(t, cookies, 'http://example.com/', 's');
    expect(await values(cookies)).toEqual(['s=1']);
    await removeCookie(t, cookies, 'https://example.com/', 's');
    expect(await values(cookies)).toEqual([]);
  });

  it('resolves when nothing matches, the URL is invalid, or its scheme carries no cookies', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'n', value: '1' });
    await expect(removeCookie(t, cookies, 'https://example.com/', 'absent')).resolves.toBeUndefined();
    await expect(removeCookie(t, cookies, 'not a url', 'n')).resolves.toBeUndefined();
    await expect(removeCookie(t, cookies, 'ftp://example.com/', 'n')).resolves.toBeUndefined();
    expect(await values(cookies)).toEqual(['n=1']);
  });

  it('takes a URL string and a name string, both required', () => {
    const { cookies } = freshSession(t);
    const remove = cookies.remove as (...args: unknown[]) => unknown;
    const call =
      (...args: unknown[]) =>
      () =>
        remove.apply(cookies, withCallback(t.era, ...args));
    // Missing arguments are checked without a callback: in 1.x a callback in their place is itself the wrong type.
    expect(() => remove.call(cookies)).toThrow('Insufficient number of arguments.');
    expect(() => remove.call(cookies, 'https://example.com/')).toThrow('Insufficient number of arguments.');
    expect(call(1, 'n')).toThrow(/^Error processing argument at index 0, conversion failure from/);
    expect(call('https://example.com/', {})).toThrow(/^Error processing argument at index 1, conversion failure from/);
    expect(call(null, 'n')).toThrow(TypeError);
  });

  t.itInEras('legacy', 'Electron 1.x converts the arguments in order before it looks for the callback', () => {
    const { cookies } = freshSession(t);
    const remove = cookies.remove as (...args: unknown[]) => unknown;
    expect(() => remove.call(cookies, 1)).toThrow(/^Error processing argument at index 0, conversion failure from 1$/);
    expect(() => remove.call(cookies, 'https://example.com/', {})).toThrow(
      /^Error processing argument at index 1, conversion failure from/,
    );
    expect(() => remove.call(cookies, 'https://example.com/', 'n')).toThrow('Insufficient number of arguments.');
  });
});
