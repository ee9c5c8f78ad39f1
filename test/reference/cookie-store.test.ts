// Units of the reference cookie store: change causes and limits, the
// on-disk document, and when the persistence layer writes.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CookieFile, parseCookies, serializeCookies } from '../../reference/cookies/cookie-file.ts';
import { COMMIT_BATCH_SIZE, COMMIT_INTERVAL_MS, CookiePersistence } from '../../reference/cookies/cookie-persistence.ts';
import { expiryMicros, newCookie, priorityOf } from '../../reference/cookies/cookie-record.ts';
import { LIMITS, SessionCookieStore } from '../../reference/cookies/cookie-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cookie-store-'));
  dirs.push(dir);
  return path.join(dir, 'Cookies.json');
}

function cookie(name: string, fields: Partial<Parameters<typeof newCookie>[0]> = {}) {
  return newCookie({
    name,
    value: 'v',
    domain: 'example.com',
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'lax',
    creationMs: Date.now(),
    expiryMicros: null,
    ...fields,
  });
}

const inAnHour = () => (Date.now() + 3_600_000) * 1000;

describe('SessionCookieStore', () => {
  it('records insertions, overwrites and expired overwrites with their causes', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    store.insert(cookie('a'));
    store.insert(cookie('a', { value: 'w' }));
    store.insert(cookie('a', { expiryMicros: 0 }));
    store.insert(cookie('never', { expiryMicros: 0 }));
    expect(store.takeChanges().map((c) => [c.cookie.value, c.cause, c.removed])).toEqual([
      ['v', 'explicit', false],
      ['v', 'overwrite', true],
      ['w', 'explicit', false],
      ['w', 'expired-overwrite', true],
    ]);
    expect(store.size).toBe(0);
  });

  it('keeps a host-only and a domain cookie of the same name apart', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    store.insert(cookie('a'));
    store.insert(cookie('a', { domain: '.example.com' }));
    expect(store.size).toBe(2);
  });

  it('evicts the least recently used down to 150 when a site goes over 180, insecure ones first', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    for (let i = 0; i < LIMITS.perDomain; i++)
      store.insert(cookie(`c${i}`, { secure: i < 10, domain: i % 2 ? 'a.example.com' : 'example.com' }));
    store.takeChanges();
    store.insert(cookie('last'));
    const evicted = store.takeChanges().filter((c) => c.cause === 'evicted');
    expect(evicted).toHaveLength(LIMITS.perDomain + 1 - LIMITS.perDomainAfterPurge);
    expect(evicted.every((c) => !c.cookie.secure)).toBe(true);
    expect(evicted[0]!.cookie.key).toBe('c10');
    expect(store.size).toBe(LIMITS.perDomainAfterPurge);
  });

  it('evicts by priority rounds, each keeping its quota, and spares secure cookies in the insecure rounds', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    // 40 low (35 of them secure), 100 high, 41 medium; 31 to evict.
    for (let i = 0; i < 40; i++) store.insert(cookie(`l${i}`, { priority: 'low', secure: i >= 5 }));
    for (let i = 0; i < 100; i++) store.insert(cookie(`h${i}`, { priority: 'high' }));
    for (let i = 0; i < 41; i++) store.insert(cookie(`m${i}`));
    const evicted = store
      .takeChanges()
      .filter((c) => c.cause === 'evicted')
      .map((c) => c.cookie.key);
    const low = Array.from({ length: 40 }, (_, i) => `l${i}`);
    // Low insecure: l0..l4 (the 35 secure ones are spared); low: five more, keeping 30; medium (41,
    // under its quota of 50) is skipped; high insecure: the 21 oldest.
    expect(evicted).toEqual([...low.slice(0, 10), ...Array.from({ length: 21 }, (_, i) => `h${i}`)]);
    expect(store.size).toBe(LIMITS.perDomainAfterPurge);
  });

  it('moves a last access on use only once it is a minute old', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    const now = Date.now();
    const fresh = cookie('fresh', { creationMs: now - 59_000 });
    const stale = cookie('stale', { creationMs: now - 61_000 });
    store.touch([fresh, stale], now);
    expect(fresh.lastAccessed!.valueOf()).toBe(now - 59_000);
    expect(stale.lastAccessed!.valueOf()).toBe(now);
  });

  it('collects expired cookies as expired', () => {
    const store = new SessionCookieStore({ expiryCapDays: null });
    store.insert(cookie('old', { expiryMicros: (Date.now() + 1000) * 1000 }));
    store.takeChanges();
    store.collectExpired(Date.now() + 2000);
    expect(store.takeChanges().map((c) => [c.cookie.key, c.cause])).toEqual([['old', 'expired']]);
  });

  it('caps expiries when told to', () => {
    const store = new SessionCookieStore({ expiryCapDays: 400 });
    const created = Date.now();
    const far = cookie('far', { creationMs: created, expiryMicros: (created + 1000 * 86_400_000) * 1000 });
    store.insert(far);
    expect(expiryMicros(far)).toBe((created + 400 * 86_400_000) * 1000);
  });
});

describe('the cookie document', () => {
  it('holds persistent unexpired cookies only, and reads them back whole', () => {
    const kept = cookie('kept', {
      domain: '.example.com',
      path: '/p',
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      expiryMicros: inAnHour() + 123,
    });
    const text = serializeCookies([kept, cookie('session'), cookie('dead', { expiryMicros: 1 })]);
    const [back, ...rest] = parseCookies(text);
    expect(rest).toEqual([]);
    expect(back!.toJSON()).toEqual(kept.toJSON());
    expect(expiryMicros(back!)).toBe(expiryMicros(kept));
  });

  it('keeps a cookie priority other than medium', () => {
    const text = serializeCookies([
      cookie('low', { priority: 'low', expiryMicros: inAnHour() }),
      cookie('plain', { expiryMicros: inAnHour() }),
    ]);
    expect(parseCookies(text).map((c) => [c.key, priorityOf(c)])).toEqual([
      ['low', 'low'],
      ['plain', 'medium'],
    ]);
  });

  it('refuses a document of another format', () => {
    expect(() => parseCookies('{"cookies":[]}')).toThrow(/not a session-conformance\/cookies v1 document/);
  });

  it('reads nothing when the file does not exist', () => {
    expect(new CookieFile(tempFile()).read()).toEqual([]);
  });
});

describe('CookiePersistence', () => {
  afterEach(() => vi.useRealTimers());

  it('writes on flush only what changed, and resolves once it is on disk', async () => {
    const file = tempFile();
    const cookies = [cookie('a', { expiryMicros: inAnHour() })];
    const persistence = new CookiePersistence(new CookieFile(file), () => cookies);
    await persistence.flush();
    expect(existsSync(file)).toBe(false);
    persistence.noteChange();
    await persistence.flush();
    expect(parseCookies(readFileSync(file, 'utf8')).map((c) => c.key)).toEqual(['a']);
  });

  it(`writes by itself ${COMMIT_INTERVAL_MS / 1000} s after a change`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const file = tempFile();
    const persistence = new CookiePersistence(new CookieFile(file), () => [cookie('a', { expiryMicros: inAnHour() })]);
    persistence.noteChange();
    vi.advanceTimersByTime(COMMIT_INTERVAL_MS - 1);
    await persistence.settled();
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(1);
    await persistence.settled();
    expect(existsSync(file)).toBe(true);
    expect(persistence.pendingChanges).toBe(0);
  });

  it(`writes at once when ${COMMIT_BATCH_SIZE} changes pile up`, async () => {
    const file = tempFile();
    const persistence = new CookiePersistence(new CookieFile(file), () => [cookie('a', { expiryMicros: inAnHour() })]);
    for (let i = 0; i < COMMIT_BATCH_SIZE - 1; i++) persistence.noteChange();
    await persistence.settled();
    expect(existsSync(file)).toBe(false);
    persistence.noteChange();
    await persistence.settled();
    expect(existsSync(file)).toBe(true);
    expect(persistence.pendingChanges).toBe(0);
    await persistence.shutdown(false);
  });

  it('writes pending changes on a graceful shutdown and drops them on a crash', async () => {
    const graceful = tempFile();
    const a = new CookiePersistence(new CookieFile(graceful), () => [cookie('a', { expiryMicros: inAnHour() })]);
    a.noteChange();
    await a.shutdown(false);
    expect(existsSync(graceful)).toBe(true);
    const crashed = tempFile();
    const b = new CookiePersistence(new CookieFile(crashed), () => [cookie('b', { expiryMicros: inAnHour() })]);
    b.noteChange();
    await b.shutdown(true);
    expect(existsSync(crashed)).toBe(false);
    b.noteChange();
    await b.flush();
    expect(existsSync(crashed)).toBe(false);
  });

  it('keeps changes pending when a write fails, and the old document intact; flushing still resolves, as flushStore does in Electron', async () => {
    const file = tempFile();
    writeFileSync(file, serializeCookies([cookie('old', { expiryMicros: inAnHour() })]));
    const blocked = path.join(file, 'not-a-dir', 'Cookies.json');
    const persistence = new CookiePersistence(new CookieFile(blocked), () => [cookie('new', { expiryMicros: inAnHour() })]);
    persistence.noteChange();
    await expect(persistence.flush()).resolves.toBeUndefined();
    expect(persistence.pendingChanges).toBe(1);
    expect(parseCookies(readFileSync(file, 'utf8')).map((c) => c.key)).toEqual(['old']);
  });

  it('never writes for an in-memory session', async () => {
    const persistence = new CookiePersistence(null, () => [cookie('a', { expiryMicros: inAnHour() })]);
    persistence.noteChange();
    expect(persistence.pendingChanges).toBe(0);
    await expect(persistence.flush()).resolves.toBeUndefined();
  });
});
