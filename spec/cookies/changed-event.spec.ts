// The Cookies 'changed' event: (event, cookie, cause, removed) for every
// cookie added or removed, with Electron's causes: explicit, overwrite,
// expired, evicted, expired-overwrite.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, getCookies, recordChanges, removeCookie, secondsFromNow, setCookie, until } from './cookie-support.ts';

export const meta = defineSpec({
  members: ["cookies.on('changed')"],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    "Emits 'changed' with the cookie, the cause and whether it was removed, for additions, removals, overwrites, expiry and eviction.",
});

const t = useTarget(meta);
const URL = 'https://example.com/';

describe("cookies.on('changed')", () => {
  it('reports an added cookie as explicit, not removed, with the Cookie object', async () => {
    const { cookies } = freshSession(t);
    const { changes } = recordChanges(cookies);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'bar', expirationDate: secondsFromNow(120) });
    await until(() => changes.length >= 1, 'the changed event');
    const [change] = changes;
    expect(typeof change!.event).toBe('object');
    expect(change!.cookie).toMatchObject({ name: 'foo', value: 'bar', domain: 'example.com', path: '/', session: false });
    expect([change!.cause, change!.removed]).toEqual(['explicit', false]);
    const [stored] = await getCookies(t, cookies, {});
    expect(change!.cookie).toEqual(stored);
  });

  it('reports a removed cookie as explicit and removed', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'bar' });
    const { changes } = recordChanges(cookies);
    await removeCookie(t, cookies, URL, 'foo');
    await until(() => changes.length >= 1, 'the changed event');
    expect(changes.map((c) => [c.cookie.name, c.cookie.value, c.cause, c.removed])).toEqual([['foo', 'bar', 'explicit', true]]);
  });

  it('reports a replaced cookie as overwrite and removed, then the new one as explicit', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'old' });
    const { changes } = recordChanges(cookies);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'new' });
    await until(() => changes.length >= 2, 'two changed events');
    expect(changes.map((c) => [c.cookie.value, c.cause, c.removed])).toEqual([
      ['old', 'overwrite', true],
      ['new', 'explicit', false],
    ]);
  });

  it('reports a cookie replaced by an already expired one as expired-overwrite, and nothing else', async () => {
    const { cookies } = freshSession(t);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'old' });
    const { changes } = recordChanges(cookies);
    await setCookie(t, cookies, { url: URL, name: 'foo', value: 'dead', expirationDate: secondsFromNow(-60) });
    await until(() => changes.length >= 1, 'the changed event');
    await setCookie(t, cookies, { url: URL, name: 'marker', value: '1' });
    await until(() => changes.some((c) => c.cookie.name === 'marker'), 'the marker event');
    expect(changes.map((c) => [c.cookie.name, c.cookie.value, c.cause, c.removed])).toEqual([
      ['foo', 'old', 'expired-overwrite', true],
      ['marker', '1', 'explicit', false],
    ]);
  });

  it('reports a cookie found past its expiry as expired and removed', async () => {
    const { cookies } = freshSession(t);
    const expiry = secondsFromNow(1);
    await setCookie(t, cookies, { url: URL, name: 'brief', value: '1', expirationDate: expiry });
    const { changes } = recordChanges(cookies);
    await until(() => Date.now() / 1000 > expiry + 0.05, 'the cookie to expire');
    expect(await getCookies(t, cookies, { url: URL })).toEqual([]);
    await until(() => changes.length >= 1, 'the changed event');
    expect(changes.map((c) => [c.cookie.name, c.cause, c.removed])).toEqual([['brief', 'expired', true]]);
  });

  it('reports the least recently used cookies as evicted when a site goes over 180 cookies', async () => {
    const { cookies } = freshSession(t);
    for (let i = 0; i < 180; i++) await setCookie(t, cookies, { url: URL, name: `c${i}`, value: '1' });
    const { changes } = recordChanges(cookies);
    await setCookie(t, cookies, { url: URL, name: 'c180', value: '1' });
    await until(() => changes.some((c) => c.cause === 'explicit'), 'the insertion event');
    const evicted = changes.filter((c) => c.cause === 'evicted');
    expect(evicted.every((c) => c.removed)).toBe(true);
    expect(evicted.map((c) => c.cookie.name)).toEqual(Array.from({ length: 31 }, (_, i) => `c${i}`));
    const left = (await getCookies(t, cookies, {})).map((c) => c.name);
    expect(left).toHaveLength(150);
    expect(left).toContain('c180');
  });

  it("is emitted on the session's own Cookies object only", async () => {
    const a = freshSession(t, 'events-a');
    const b = freshSession(t, 'events-b');
    const seenByB = recordChanges(b.cookies);
    const seenByA = recordChanges(a.cookies);
    await setCookie(t, a.cookies, { url: URL, name: 'mine', value: '1' });
    await until(() => seenByA.changes.length >= 1, 'the changed event');
    await setCookie(t, b.cookies, { url: URL, name: 'marker', value: '1' });
    await until(() => seenByB.changes.length >= 1, 'the marker event');
    expect(seenByB.changes.map((c) => c.cookie.name)).toEqual(['marker']);
  });
});
