// The HTTP cache's decisions, unit by unit: Chromium's freshness rules, the
// 304 header merge, and one transaction at a time against an answering
// function (the conformance specs check the same through real servers).

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { updatedLines, persistedLines } from '../../../reference/storage/http-cache/cache-entry.ts';
import { MemoryCacheStore } from '../../../reference/storage/http-cache/cache-store.ts';
import { CACHE_DIRECTORY, DiskCacheStore } from '../../../reference/storage/http-cache/disk-cache-store.ts';
import { freshnessLifetimes } from '../../../reference/storage/http-cache/freshness.ts';
import { HttpCache, type CacheHop } from '../../../reference/storage/http-cache/http-cache.ts';
import { cacheControlSeconds } from '../../../reference/storage/http-cache/header-values.ts';

const NOW = Date.parse('2024-01-10T00:00:00Z');
const http = (ms: number) => new Date(ms).toUTCString();

function hop(status: number, lines: [string, string][], body = 'body'): CacheHop {
  return {
    status,
    statusText: 'X',
    lines,
    body:
      status === 304
        ? null
        : new ReadableStream({
            start(c) {
              c.enqueue(Buffer.from(body));
              c.close();
            },
          }),
  };
}

async function text(stream: ReadableStream<Uint8Array> | null): Promise<string> {
  return stream ? Buffer.from(await new Response(stream).arrayBuffer()).toString() : '';
}

describe('freshness', () => {
  it('takes max-age over Expires, and a past Expires alone means stale', () => {
    expect(
      freshnessLifetimes(
        200,
        [
          ['Cache-Control', 'max-age=60'],
          ['Expires', http(NOW - 1000)],
        ],
        NOW,
      ).freshness,
    ).toBe(60_000);
    expect(
      freshnessLifetimes(
        200,
        [
          ['Date', http(NOW)],
          ['Expires', http(NOW - 1000)],
        ],
        NOW,
      ).freshness,
    ).toBe(0);
    expect(
      freshnessLifetimes(
        200,
        [
          ['Date', http(NOW)],
          ['Expires', http(NOW + 30_000)],
        ],
        NOW,
      ).freshness,
    ).toBe(30_000);
  });
  it('uses a tenth of Date minus Last-Modified for 200, not for 404', () => {
    const lines: [string, string][] = [
      ['Date', http(NOW)],
      ['Last-Modified', http(NOW - 100_000_000)],
    ];
    expect(freshnessLifetimes(200, lines, NOW).freshness).toBe(10_000_000);
    expect(freshnessLifetimes(404, lines, NOW).freshness).toBe(0);
  });
  it('keeps 301 fresh forever and no-cache, no-store or Pragma never fresh', () => {
    expect(freshnessLifetimes(301, [], NOW).freshness).toBe(Infinity);
    expect(freshnessLifetimes(200, [['Cache-Control', 'max-age=60, no-cache']], NOW).freshness).toBe(0);
    expect(
      freshnessLifetimes(
        200,
        [
          ['Pragma', 'no-cache'],
          ['Cache-Control', 'max-age=60'],
        ],
        NOW,
      ).freshness,
    ).toBe(0);
  });
  it('reads only all-digit directive values', () => {
    expect(cacheControlSeconds([['Cache-Control', 'max-age=-1, max-age= 30 ']], 'max-age')).toBe(30);
    expect(cacheControlSeconds([['Cache-Control', 'max-age="30"']], 'max-age')).toBeUndefined();
  });
});

describe('stored headers', () => {
  it('drops cookies and hop-by-hop headers and what no-cache="..." names', () => {
    const kept = persistedLines([
      ['Set-Cookie', 'a=1'],
      ['Connection', 'close'],
      ['X-Secret', '1'],
      ['Cache-Control', 'no-cache="x-secret"'],
      ['ETag', '"1"'],
    ]);
    expect(kept.map(([k]) => k)).toEqual(['Cache-Control', 'ETag']);
  });
  it('takes a 304s headers except the body-describing ones', () => {
    const merged = updatedLines(
      [
        ['Content-Type', 'text/plain'],
        ['Cache-Control', 'max-age=0'],
        ['ETag', '"1"'],
      ],
      [
        ['Cache-Control', 'max-age=60'],
        ['Content-Type', 'text/html'],
        ['ETag', '"2"'],
      ],
    );
    expect(merged).toEqual([
      ['Content-Type', 'text/plain'],
      ['ETag', '"1"'],
      ['Cache-Control', 'max-age=60'],
    ]);
  });
});

describe('transactions', () => {
  let now = NOW;
  const cache = () => new HttpCache(new MemoryCacheStore(10 * 1024 * 1024), () => now);
  const get = (headers: [string, string][] = []) => ({
    url: new URL('http://a.test/x#frag'),
    method: 'GET',
    headers,
    hasBody: false,
    flags: {},
  });

  it('answers a fresh entry without sending and revalidates a stale one with its ETag', async () => {
    now = NOW;
    const c = cache();
    const sent: [string, string][][] = [];
    const first = await c.transact(get(), async (h) => {
      sent.push(h);
      return hop(
        200,
        [
          ['Cache-Control', 'max-age=10'],
          ['ETag', '"v1"'],
        ],
        'one',
      );
    });
    expect(await text(first.response.body)).toBe('one');
    const second = await c.transact(get(), async () => hop(500, []));
    expect(second.fromCache).toBe(true);
    expect(await text(second.response.body)).toBe('one');
    now += 11_000;
    const third = await c.transact(get(), async (h) => {
      sent.push(h);
      return hop(304, [['Cache-Control', 'max-age=100']]);
    });
    expect(sent[1]).toContainEqual(['If-None-Match', '"v1"']);
    expect(third.fromCache).toBe(true);
    expect(third.response.lines).toContainEqual(['Cache-Control', 'max-age=100']);
    expect(await text(third.response.body)).toBe('one');
    now += 50_000;
    expect((await c.transact(get(), async () => hop(500, []))).fromCache).toBe(true);
  });

  it('stores nothing for no-store and forgets the entry it had', async () => {
    now = NOW;
    const c = cache();
    await text((await c.transact(get(), async () => hop(200, [['Cache-Control', 'max-age=10']]))).response.body);
    await text(
      (await c.transact(get([['Cache-Control', 'no-cache']]), async () => hop(200, [['Cache-Control', 'no-store']]))).response
        .body,
    );
    expect(await c.store.size()).toBe(0);
  });

  it('fails with net::ERR_CACHE_MISS when only the cache may answer and it cannot', async () => {
    now = NOW;
    const c = cache();
    await expect(
      c.transact({ ...get(), flags: { onlyFromCache: true, skipCacheValidation: true } }, async () => hop(200, [])),
    ).rejects.toThrow('net::ERR_CACHE_MISS');
  });
});

describe('the disk store', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps entries across instances and drops damaged files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'disk-cache-'));
    const meta = {
      key: 'http://a.test/',
      status: 200,
      statusText: 'OK',
      lines: [] as [string, string][],
      requestTime: 1,
      responseTime: 1,
      vary: null,
      bodySize: 3,
      lastUsed: 1,
    };
    const store = new DiskCacheStore(dir, 1 << 20);
    await store.put(meta, Buffer.from('abc'));
    await store.close(false);
    const reopened = new DiskCacheStore(dir, 1 << 20);
    const entry = await reopened.get('http://a.test/');
    expect(Buffer.from(await entry!.body()).toString()).toBe('abc');
    expect(await reopened.size()).toBeGreaterThan(3);
    const files = await readdir(path.join(dir, CACHE_DIRECTORY));
    expect(files).toHaveLength(1);
  });
});
