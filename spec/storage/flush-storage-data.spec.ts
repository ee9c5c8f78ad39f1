// ses.flushStorageData: writes a session's pending DOM storage to disk, so it
// survives the app being killed. Without it, DOM storage is committed lazily:
// a graceful quit still writes it, a killed process loses it. Cookies are
// not its business (cookies.flushStore writes them). IndexedDB and
// Cache Storage have nothing pending: what a page stored is on disk once the
// page is told so. In-memory sessions never keep anything across a restart.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['ses.flushStorageData'],
  eras: '*',
  requires: ['storage', 'restart', 'crash-restart'],
  level: 'must',
  basis: 'electron',
  summary: 'flushStorageData() returns undefined and makes pending localStorage of its session survive a crash.',
});

const t = useTarget(meta);

const ORIGIN = 'https://flush.example';
let counter = 0;
/** A key no earlier test wrote, so data left over from other tests cannot satisfy an expectation. */
const freshKey = () => `key-${++counter}`;

async function write(partition: string, key: string, value: string): Promise<void> {
  await t.driver.storage.setLocalStorage({ session: t.session.fromPartition(partition), origin: ORIGIN, key, value });
}

async function read(partition: string, key: string): Promise<string | null> {
  return t.driver.storage.getLocalStorage({ session: t.session.fromPartition(partition), origin: ORIGIN, key });
}

describe('ses.flushStorageData', () => {
  it('returns undefined for every kind of session', () => {
    expect(t.session.defaultSession.flushStorageData()).toBeUndefined();
    expect(t.session.fromPartition('persist:flush-return').flushStorageData()).toBeUndefined();
    expect(t.session.fromPartition('flush-return-memory').flushStorageData()).toBeUndefined();
  });

  it('ignores extra arguments', () => {
    const ses = t.session.fromPartition('persist:flush-extra') as unknown as { flushStorageData(...a: unknown[]): unknown };
    expect(ses.flushStorageData(1, 'two', {})).toBeUndefined();
  });

  it('does not change what the session reads back', async () => {
    const key = freshKey();
    await write('persist:flush-same', key, 'before-flush');
    t.session.fromPartition('persist:flush-same').flushStorageData();
    expect(await read('persist:flush-same', key)).toBe('before-flush');
  });

  it('makes localStorage of a persist: partition survive a crash', async () => {
    const key = freshKey();
    await write('persist:flushed', key, 'survives');
    t.session.fromPartition('persist:flushed').flushStorageData();
    await t.target.restart({ crash: true });
    expect(await read('persist:flushed', key)).toBe('survives');
  });

  it('makes localStorage of the default session survive a crash', async () => {
    const key = freshKey();
    await write('', key, 'default-survives');
    t.session.defaultSession.flushStorageData();
    await t.target.restart({ crash: true });
    expect(await read('', key)).toBe('default-survives');
  });

  it('writes the latest value, not the first one', async () => {
    const key = freshKey();
    await write('persist:flush-latest', key, 'first');
    t.session.fromPartition('persist:flush-latest').flushStorageData();
    await write('persist:flush-latest', key, 'second');
    t.session.fromPartition('persist:flush-latest').flushStorageData();
    await t.target.restart({ crash: true });
    expect(await read('persist:flush-latest', key)).toBe('second');
  });

  it('loses writes made after the last flush when the app crashes', async () => {
    const key = freshKey();
    await write('persist:flush-partial', key, 'flushed');
    t.session.fromPartition('persist:flush-partial').flushStorageData();
    await write('persist:flush-partial', key, 'not-flushed');
    await t.target.restart({ crash: true });
    expect(await read('persist:flush-partial', key)).toBe('flushed');
  });

  it('without a flush, a crash loses the data', async () => {
    const key = freshKey();
    await write('persist:never-flushed', key, 'lost');
    await t.target.restart({ crash: true });
    expect(await read('persist:never-flushed', key)).toBeNull();
  });

  it('flushes only the session it is called on', async () => {
    const key = freshKey();
    await write('persist:flush-mine', key, 'mine');
    await write('persist:flush-other', key, 'other');
    t.session.fromPartition('persist:flush-mine').flushStorageData();
    await t.target.restart({ crash: true });
    expect(await read('persist:flush-mine', key)).toBe('mine');
    expect(await read('persist:flush-other', key)).toBeNull();
  });

  it('is not needed for IndexedDB and Cache Storage: what a page stored survives a crash', async () => {
    const key = freshKey();
    const session = t.session.fromPartition('persist:flush-web-storages');
    await t.driver.storage.indexedDBPut({ session, origin: ORIGIN, database: 'db', store: 'store', key, value: 'in-idb' });
    await t.driver.storage.cachePut({ session, origin: ORIGIN, cacheName: 'c', url: `${ORIGIN}/${key}`, body: 'in-cache' });
    await t.target.restart({ crash: true });
    const again = t.session.fromPartition('persist:flush-web-storages');
    expect(await t.driver.storage.indexedDBGet({ session: again, origin: ORIGIN, database: 'db', store: 'store', key })).toBe(
      'in-idb',
    );
    expect(await t.driver.storage.cacheMatch({ session: again, origin: ORIGIN, cacheName: 'c', url: `${ORIGIN}/${key}` })).toBe(
      'in-cache',
    );
  });

  it('does not write cookies: one set and not flushed by cookies.flushStore is lost in a crash', async () => {
    const session = t.session.fromPartition('persist:flush-not-cookies') as { cookies: object; flushStorageData(): void };
    const expirationDate = Math.floor(Date.now() / 1000) + 3600;
    await t.invoke(session.cookies, 'cookies.set', { url: `${ORIGIN}/`, name: 'unflushed', value: '1', expirationDate });
    session.flushStorageData();
    await t.target.restart({ crash: true });
    const again = t.session.fromPartition('persist:flush-not-cookies') as { cookies: object };
    expect(await t.invoke(again.cookies, 'cookies.get', { name: 'unflushed' })).toEqual([]);
  });

  it('is not needed for a graceful restart', async () => {
    const key = freshKey();
    await write('persist:graceful', key, 'kept');
    await write('', key, 'default-kept');
    await t.target.restart();
    expect(await read('persist:graceful', key)).toBe('kept');
    expect(await read('', key)).toBe('default-kept');
  });

  it('cannot make an in-memory partition keep data across a restart', async () => {
    const key = freshKey();
    await write('flush-memory', key, 'gone');
    t.session.fromPartition('flush-memory').flushStorageData();
    expect(await read('flush-memory', key)).toBe('gone');
    await t.target.restart({ crash: true });
    expect(await read('flush-memory', key)).toBeNull();
    await write('flush-memory', key, 'gone-again');
    t.session.fromPartition('flush-memory').flushStorageData();
    await t.target.restart();
    expect(await read('flush-memory', key)).toBeNull();
  });
});
