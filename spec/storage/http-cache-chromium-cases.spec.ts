// Cases the HTTP cache differential against Chromium
// (http-cache-chromium-differential.spec.ts) found, kept as ordinary examples
// so they run without a Chromium: what Chromium's HttpCache::Transaction does
// with an answer to a request that bypassed the cache, with `Vary: *`, and
// with answers that have no body, with a HEAD answered by an auth challenge,
// and which Expires values are dates. Cases whose answers change from request to
// request run as scripted scenarios on the differential's fixture.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheScenarioServer, type CacheScenarioServer } from '../../fixtures/servers/cache-scenario-server.ts';
import type { CacheScenario } from '../../harness/arbitraries/http-cache.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';
import { fetchSteps, observe, type ObservedStep } from './cache-scenario-steps.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary:
    "ses.fetch stores what a bypassing request gets, never reuses a `Vary: *` answer unvalidated, and keeps bodiless answers, as Chromium's HTTP cache does.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

type Fetching = { fetch(input: string, init?: RequestInit): Promise<Response> };
let partitions = 0;
const fresh = () => t.session.fromPartition(`http-cache-cases-${++partitions}`) as unknown as Fetching;
async function get(session: Fetching, url: string, headers: Record<string, string> = {}) {
  const response = await session.fetch(url, { headers });
  return { status: response.status, body: await response.text() };
}

let scripted: CacheScenarioServer | undefined;
beforeAll(async () => {
  scripted = await startCacheScenarioServer();
});
afterAll(() => scripted?.close());

/** Runs a scripted scenario in a fresh session and returns what each step observed. */
async function play(key: string, scenario: CacheScenario): Promise<ObservedStep[]> {
  scripted!.define(key, scenario);
  const base = `http://127.0.0.1:${scripted!.port}/k/${key}`;
  return observe(scripted!, key, await fetchSteps(fresh(), scripted!, key, base, scenario));
}

const fresh200 = {
  status: 200,
  headers: [
    ['Cache-Control', 'max-age=86400'],
    ['ETag', '"v1"'],
  ] as [string, string][],
};

describe('a request that bypasses the cache', () => {
  it.each([
    ['Cache-Control', 'no-cache'],
    ['Pragma', 'no-cache'],
  ])('with %s: %s and nothing stored yet still stores its answer', async (name, value) => {
    const session = fresh();
    const id = `bypass-stores-${name}`;
    const url = cachedUrl(server, id, { cc: 'max-age=600' });
    expect((await get(session, url, { [name]: value })).body).toBe(`${id}#1`);
    expect((await get(session, url)).body).toBe(`${id}#1`);
    expect(requestsFor(server, id)).toHaveLength(1);
  });

  it('stores an answer that must be validated, and validates it next time', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'bypass-validates', { cc: 'no-cache', etag: '"b"' });
    await get(session, url, { 'Cache-Control': 'no-cache' });
    expect((await get(session, url)).body).toBe('bypass-validates#1');
    const seen = requestsFor(server, 'bypass-validates');
    expect(seen.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"b"']);
  });

  it('drops the stored entry before it is sent, even when its own answer is not stored', async () => {
    const steps = await play('bypass-206', [
      { resource: 'r', method: 'GET', headers: [], response: fresh200 },
      { resource: 'r', method: 'GET', headers: [['Pragma', 'no-cache']], response: { status: 206, headers: [] } },
      { resource: 'r', method: 'GET', headers: [], response: fresh200 },
    ]);
    expect(steps.map((s) => s.requests)).toEqual([['GET r'], ['GET r'], ['GET r']]);
    expect(steps[2]!.body).toBe('r@2');
  });

  it.each(['PUT', 'PATCH', 'DELETE'] as const)(
    'a %s with Cache-Control: no-cache drops the entry whatever its answer (a 405 too)',
    async (method) => {
      const steps = await play(`bypass-${method}`, [
        { resource: 'r', method: 'GET', headers: [], response: fresh200 },
        { resource: 'r', method, headers: [['Cache-Control', 'no-cache']], response: { status: 405, headers: [] } },
        { resource: 'r', method: 'GET', headers: [], response: fresh200 },
      ]);
      expect(steps[2]).toEqual({ requests: ['GET r'], status: 200, body: 'r@2' });
    },
  );

  it('a PUT without it drops the entry only when its answer is a success or a redirect', async () => {
    const steps = await play('put-404', [
      {
        resource: 'r',
        method: 'GET',
        headers: [],
        response: {
          status: 200,
          headers: [
            ['Cache-Control', 'no-cache'],
            ['ETag', '"v1"'],
          ],
        },
      },
      { resource: 'r', method: 'PUT', headers: [], response: { status: 404, headers: [] } },
      { resource: 'r', method: 'GET', headers: [], response: { status: 200, headers: [], notModified: [] } },
    ]);
    expect(steps[2]).toEqual({ requests: ['GET r (If-None-Match: "v1")'], status: 200, body: 'r@0' });
  });
});

describe('Vary: *', () => {
  it('is stored but never reused without asking the server, however fresh', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'vary-star', { cc: 'max-age=600', vary: '*' });
    expect([(await get(session, url)).body, (await get(session, url)).body]).toEqual(['vary-star#1', 'vary-star#2']);
  });

  it('is validated with its ETag only, not its Last-Modified, and a 304 serves the stored body', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'vary-star-etag', { cc: 'max-age=600', vary: '*', etag: '"s"', lm: -86400 });
    await get(session, url);
    expect((await get(session, url)).body).toBe('vary-star-etag#1');
    const second = requestsFor(server, 'vary-star-etag')[1]!;
    expect(second.headers['if-none-match']).toBe('"s"');
    expect(second.headers['if-modified-since']).toBeUndefined();
  });

  it('with only a Last-Modified is fetched again unconditionally', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'vary-star-lm', { vary: '*', lm: -86400 });
    await get(session, url);
    expect((await get(session, url)).body).toBe('vary-star-lm#2');
    expect(requestsFor(server, 'vary-star-lm')[1]!.headers['if-modified-since']).toBeUndefined();
  });

  it('makes a cached permanent redirect ask again', async () => {
    const session = fresh();
    const target = cachedUrl(server, 'vary-star-target', { cc: 'no-store' });
    const url = cachedUrl(server, 'vary-star-301', { status: 301, location: target, vary: '*' });
    await get(session, url);
    await get(session, url);
    expect(requestsFor(server, 'vary-star-301')).toHaveLength(2);
  });
});

describe('answers without a body', () => {
  it('keeps a fresh 204 and answers it from the cache', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'no-content', { cc: 'max-age=600', status: 204 });
    expect(await get(session, url)).toEqual({ status: 204, body: '' });
    expect(await get(session, url)).toEqual({ status: 204, body: '' });
    expect(requestsFor(server, 'no-content')).toHaveLength(1);
  });
});

describe('Expires values that are not dates', () => {
  const heuristic: [string, string] = ['Last-Modified', 'Sun, 01 Jan 2023 00:00:00 GMT'];
  it.each(['-1', '1', 'soon', 'x 5'])(
    'Expires: %s names no day, month and year, so it is ignored and the Last-Modified heuristic keeps the answer fresh',
    async (expires) => {
      const response = { status: 200, headers: [['Expires', expires], heuristic] as [string, string][], notModified: [] };
      const steps = await play(`expires-${encodeURIComponent(expires)}`, [
        { resource: 'r', method: 'GET', headers: [], response },
        { resource: 'r', method: 'GET', headers: [], response },
      ]);
      expect(steps[1]).toEqual({ requests: [], status: 200, body: 'r@0' });
    },
  );

  it('Expires: 0 is a time long past: the answer is validated', async () => {
    const response = { status: 200, headers: [['Expires', '0'], heuristic] as [string, string][], notModified: [] };
    const steps = await play('expires-0', [
      { resource: 'r', method: 'GET', headers: [], response },
      { resource: 'r', method: 'GET', headers: [], response },
    ]);
    expect(steps[1]).toEqual({ requests: [`GET r (If-Modified-Since: ${heuristic[1]})`], status: 200, body: 'r@0' });
  });
});

describe('a HEAD that finds its entry stale', () => {
  const stale = {
    status: 200,
    headers: [
      ['Cache-Control', 'no-cache'],
      ['ETag', '"v1"'],
    ] as [string, string][],
  };
  it.each([
    [401, ['GET r (If-None-Match: "v1")']],
    [500, ['GET r']],
  ])('answered %i: the stored entry is kept only for an auth challenge', async (status, next) => {
    const steps = await play(`head-${status}`, [
      { resource: 'r', method: 'GET', headers: [], response: stale },
      { resource: 'r', method: 'HEAD', headers: [], response: { status, headers: [] } },
      { resource: 'r', method: 'GET', headers: [], response: { ...stale, notModified: [] } },
    ]);
    expect(steps[1]).toEqual({ requests: ['HEAD r (If-None-Match: "v1")'], status, body: '' });
    expect(steps[2]!.requests).toEqual(next);
  });
});
