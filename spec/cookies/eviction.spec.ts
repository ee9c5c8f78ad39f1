// More than 180 cookies under one registrable domain: the store purges it to
// 150 the way CookieMonster::GarbageCollect does. Low-priority cookies go
// first (Priority=Low, in any case), down to 30 of them, before any medium or
// high one; insecure cookies go before secure ones of their priority; within
// a round the least recently accessed go first, and sending a cookie with a
// request does not make it recent when its last access is under a minute old
// (kDefaultAccessUpdateThresholdSeconds). The expected jars were read from
// headless Chromium with the cookie differential's oracle in the same traffic.

import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { cookiesOf, getCookies, type Change } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary: 'A domain over 180 cookies is purged to 150 by priority, Secure-ness and least recent access, as in Chromium.',
});

const names = (prefix: string, count: number, attributes = '') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}=${i}${attributes ? `; ${attributes}` : ''}`);

let server: SetCookieServer | undefined;

const t = useTarget(meta, {
  prepare: async () => {
    server = await startSetCookieServer();
    // 60 high, 100 low (two spellings), 21 medium (no attribute, and an unknown value).
    server.define('priority', [
      ...names('h', 30, 'Priority=High'),
      ...names('H', 30, 'priority=HIGH'),
      ...names('l', 50, 'Priority=Low'),
      ...names('L', 50, 'Priority=low'),
      ...names('m', 11),
      ...names('M', 10, 'Priority=bogus'),
    ]);
    server.define('paths-p', names('p', 90, 'Path=/p'));
    server.define('paths-q', names('q', 90, 'Path=/q'));
    server.define('send-p', []);
    server.define('one-more', ['r=1; Path=/']);
    // Secure cookies from localhost (a secure origin for cookies), then insecure ones.
    server.define('secure', [...names('s', 100, 'Secure'), ...names('i', 81)]);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

type FetchSession = { fetch(url: string): Promise<Response> };

async function visit(ses: FetchSession, host: string, path: string, key: string): Promise<void> {
  const response = await ses.fetch(`http://${host}:${server!.port}${path}?__c=${key}`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

async function jarNames(ses: unknown): Promise<Set<string>> {
  return new Set((await getCookies(t, cookiesOf(ses), {})).map((c) => c.name));
}

describe('per-domain cookie eviction', () => {
  afterAll(() => server?.close());

  it('evicts the least recently set low-priority cookies first and keeps every high and medium one', async () => {
    const ses = t.session.fromPartition('eviction-priority') as unknown as FetchSession;
    const evicted: string[] = [];
    cookiesOf(ses).on('changed', (...args: unknown[]) => {
      const [, cookie, cause, removed] = args as [unknown, Change['cookie'], string, boolean];
      if (removed && cause === 'evicted') evicted.push(cookie.name);
    });
    await visit(ses, 'a.example.com', '/', 'priority');
    const jar = await jarNames(ses);
    expect(jar.size).toBe(150);
    // The 181st cookie (M9) started the purge: 31 low cookies went, oldest first.
    expect(evicted).toEqual(names('l', 31).map((line) => line.split('=')[0]));
    for (const kept of ['h0', 'H29', 'l31', 'L49', 'm0', 'M9']) expect(jar.has(kept), kept).toBe(true);
  });

  it('evicts insecure cookies before secure ones of the same priority', async () => {
    const ses = t.session.fromPartition('eviction-secure') as unknown as FetchSession;
    await visit(ses, 'localhost', '/', 'secure');
    const jar = await jarNames(ses);
    expect(jar.size).toBe(150);
    for (let i = 0; i < 100; i++) expect(jar.has(`s${i}`), `s${i}`).toBe(true);
    for (let i = 0; i < 31; i++) expect(jar.has(`i${i}`), `i${i}`).toBe(false);
    expect(jar.has('i31')).toBe(true);
  });

  it('does not count a cookie sent within a minute of its last access as recently used', async () => {
    const ses = t.session.fromPartition('eviction-access') as unknown as FetchSession;
    await visit(ses, 'a.example.com', '/', 'paths-p');
    await visit(ses, 'a.example.com', '/', 'paths-q');
    // Sends p0..p89 only (their path); under a minute after they were set.
    await visit(ses, 'a.example.com', '/p/x', 'send-p');
    await visit(ses, 'a.example.com', '/', 'one-more');
    const jar = await jarNames(ses);
    expect(jar.size).toBe(150);
    for (let i = 0; i < 31; i++) expect(jar.has(`p${i}`), `p${i}`).toBe(false);
    for (const kept of ['p31', 'q0', 'q89', 'r']) expect(jar.has(kept), kept).toBe(true);
  });
});
