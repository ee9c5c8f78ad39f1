// cookies.flushStore(): resolves once the session's cookies are on disk, so
// persistent cookies written before it survive even a killed process.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { cookiesOf, freshSession, getCookies, secondsFromNow, setCookie } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['cookies.flushStore'],
  eras: '*',
  requires: ['crash-restart'],
  level: 'must',
  basis: 'documented',
  summary: 'Resolves once cookie data is on disk: flushed persistent cookies survive a crash of the app.',
});

const t = useTarget(meta);

describe('cookies.flushStore', () => {
  it('resolves with nothing, for persistent and in-memory sessions alike', async () => {
    const persistent = cookiesOf(t.session.fromPartition('persist:flush-resolves'));
    await setCookie(t, persistent, { url: 'https://example.com/', name: 'a', value: '1', expirationDate: secondsFromNow(600) });
    expect(await t.invoke(persistent, 'cookies.flushStore')).toBeUndefined();
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'a', value: '1' });
    expect(await t.invoke(cookies, 'cookies.flushStore')).toBeUndefined();
  });

  it('resolves when there is nothing to write', async () => {
    const cookies = cookiesOf(t.session.fromPartition('persist:flush-empty'));
    expect(await t.invoke(cookies, 'cookies.flushStore')).toBeUndefined();
    expect(await t.invoke(cookies, 'cookies.flushStore')).toBeUndefined();
  });

  it('puts persistent cookies on disk: they survive the app being killed right after', async () => {
    const expiry = Math.floor(secondsFromNow(3600));
    for (const [partition, value] of [
      ['persist:flush-crash', 'partition'],
      ['', 'default'],
    ] as const) {
      const cookies = cookiesOf(t.session.fromPartition(partition));
      await setCookie(t, cookies, { url: 'https://example.com/', name: 'flushed', value, expirationDate: expiry });
      await t.invoke(cookies, 'cookies.flushStore');
    }
    await t.target.restart({ crash: true });
    for (const [partition, value] of [
      ['persist:flush-crash', 'partition'],
      ['', 'default'],
    ] as const) {
      const found = await getCookies(t, cookiesOf(t.session.fromPartition(partition)), { name: 'flushed' });
      expect(found.map((c) => [c.value, c.expirationDate])).toEqual([[value, expiry]]);
    }
  });

  it('writes the latest state: a cookie removed before the flush stays removed after a crash', async () => {
    const cookies = cookiesOf(t.session.fromPartition('persist:flush-latest'));
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'kept', value: '1', expirationDate: secondsFromNow(600) });
    await setCookie(t, cookies, {
      url: 'https://example.com/',
      name: 'dropped',
      value: '1',
      expirationDate: secondsFromNow(600),
    });
    await t.invoke(cookies, 'cookies.flushStore');
    await t.invoke(cookies, 'cookies.remove', 'https://example.com/', 'dropped');
    await setCookie(t, cookies, { url: 'https://example.com/', name: 'kept', value: '2', expirationDate: secondsFromNow(600) });
    await t.invoke(cookies, 'cookies.flushStore');
    await t.target.restart({ crash: true });
    const after = await getCookies(t, cookiesOf(t.session.fromPartition('persist:flush-latest')), {});
    expect(after.map((c) => `${c.name}=${c.value}`)).toEqual(['kept=2']);
  });

  it('runs several flushes at once, each resolving', async () => {
    const cookies = cookiesOf(t.session.fromPartition('persist:flush-concurrent'));
    const flushes: Promise<unknown>[] = [];
    for (let i = 0; i < 5; i++) {
      await setCookie(t, cookies, {
        url: 'https://example.com/',
        name: `c${i}`,
        value: '1',
        expirationDate: secondsFromNow(600),
      });
      flushes.push(t.invoke(cookies, 'cookies.flushStore'));
    }
    expect(await Promise.all(flushes)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    await t.target.restart({ crash: true });
    expect(await getCookies(t, cookiesOf(t.session.fromPartition('persist:flush-concurrent')), {})).toHaveLength(5);
  });
});
