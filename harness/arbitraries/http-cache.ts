// fast-check arbitraries for HTTP cache scenarios: a few requests in a row to
// one or two resources of one origin (GET mostly, some HEAD and POST; request
// headers a Vary can name, and Cache-Control / Pragma from the request;
// now and then a PUT, DELETE or PATCH, which invalidate), each
// with the response the fixture gives if the request reaches it
// (fixtures/servers/cache-scenario-server.ts): a status from the whole range
// a cache treats differently, Cache-Control directives (valid, malformed,
// repeated, on one line or several), Expires, Date, Last-Modified, ETag,
// Vary, Pragma, Age and Set-Cookie (a later `Vary: Cookie` sees it), and sometimes a 304 with updated headers for a
// conditional request. Times are either fixed dates far from now or whole
// hours from now, so nothing is near its freshness boundary while a scenario
// runs: freshness lifetimes are 0 or hours, Last-Modified is long past (a
// heuristic lifetime of months) or in the future. No stale-while-revalidate:
// a page's fetch() may take a stale answer and revalidate it behind the
// caller's back (blink sets LOAD_SUPPORT_ASYNC_REVALIDATION), which Electron's
// ses.fetch never asks for, so the two cannot be compared on it.

import fc from 'fast-check';
import type { ScriptedResponse } from '../../fixtures/servers/cache-scenario-server.ts';

export type CacheMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface CacheStep {
  resource: string;
  method: CacheMethod;
  /** Request header lines the client adds. */
  headers: [string, string][];
  response: ScriptedResponse;
}

export type CacheScenario = CacheStep[];

// biome-ignore format: a word list, kept dense
const STATUSES = [200, 200, 200, 200, 200, 200, 203, 204, 206, 300, 301, 302, 303, 307, 308, 401, 404, 404, 405, 407, 410, 414, 500, 501, 503];

// biome-ignore format: a word list, kept dense
const DIRECTIVES = [
  'max-age=0', 'max-age=86400', 'max-age=86400', 'max-age=3600', 's-maxage=86400', 'no-cache', 'no-store', 'private',
  'public', 'must-revalidate', 'immutable', 'max-age=abc', 'max-age=-1',
  'max-age="86400"', 'max-age = 86400', 'MAX-AGE=86400', 'No-Store', 'no-cache="set-cookie"', 'max-age=86400, max-age=0',
  'max-age=0, max-age=86400', 'proxy-revalidate', 'max-age=99999999999999999999', '', ',',
];

// biome-ignore format: a word list, kept dense
const EXPIRES = [
  'Thu, 01 Jan 1998 00:00:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', '@now+86400', '@now-86400', '@now', 'soon', '0', '-1',
  'Fri, 01 Jan 2100 00:00:00', 'Friday, 01-Jan-99 00:00:00 GMT', '1', 'x 5', 'Nov 2099 5', '12/31/2099', 'Jan 2100',
];

// biome-ignore format: a word list, kept dense
const DATES = ['@now', '@now', '@now', '@now-7200', '@now+7200', 'yesterday'];

// biome-ignore format: a word list, kept dense
const LAST_MODIFIED = [
  'Mon, 01 Jan 2024 00:00:00 GMT', 'Sun, 01 Jan 2023 00:00:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT', 'never', '2023',
  'Sunday, 01-Jan-23 00:00:00 GMT',
];

// biome-ignore format: a word list, kept dense
const ETAGS = ['"v1"', '"v1"', 'W/"v1"', '"v2"', 'v3', '""'];

// biome-ignore format: a word list, kept dense
const VARY = ['Accept-Language', 'X-Variant', '*', 'Accept-Language, X-Variant', 'x-variant', 'Cookie', 'Cookie', 'Accept-Encoding', 'Accept, User-Agent', 'X-Absent', 'X-Variant, *'];

// biome-ignore format: a word list, kept dense
const REQUEST_HEADERS: [string, string][] = [
  ['Accept-Language', 'fr'], ['Accept-Language', 'de'], ['X-Variant', 'a'], ['X-Variant', 'b'],
  ['Cache-Control', 'no-cache'], ['Cache-Control', 'max-age=0'], ['Pragma', 'no-cache'], ['Cache-Control', 'no-store'],
  ['Cache-Control', 'max-age=86400'], ['Cache-Control', 'max-age=0, no-cache'], ['Cache-Control', 'NO-CACHE'],
  ['Cache-Control', 'only-if-cached'], ['Cache-Control', 'max-stale=86400'], ['Cache-Control', 'max-age=00'],
  ['Cache-Control', 'no-cache="x"'], ['Pragma', 'No-Cache'], ['Cache-Control', 'min-fresh=86400'],
];

/** `arb` one time in `oneIn`, undefined otherwise. */
const maybe = <T>(arb: fc.Arbitrary<T>, oneIn = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

// biome-ignore format: a word list, kept dense
const PLAIN_CACHE_CONTROL = [
  'max-age=86400', 'max-age=86400', 'max-age=86400', 'max-age=0', 'no-cache', 'no-store', 'max-age=3600',
  'public, max-age=86400', 'private, max-age=86400', 'max-age=86400, must-revalidate', 'immutable, max-age=86400',
  's-maxage=86400', 'max-age=0, must-revalidate',
];

/** Cache-Control: absent, one plain value, one line of 1-3 odd directives, or two lines. */
const cacheControlLines = fc.oneof(
  { weight: 2, arbitrary: fc.constant([] as string[]) },
  { weight: 4, arbitrary: fc.constantFrom(...PLAIN_CACHE_CONTROL).map((v) => [v]) },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...DIRECTIVES), { minLength: 1, maxLength: 3 }).map((d) => [d.join(', ')]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...DIRECTIVES), fc.constantFrom(...DIRECTIVES)).map((d) => [...d]) },
);

const headerName = fc.constantFrom('Cache-Control', 'cache-control', 'CACHE-CONTROL');

const fullResponse: fc.Arbitrary<{ status: number; headers: [string, string][] }> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    ccName: headerName,
    cc: cacheControlLines,
    expires: maybe(fc.constantFrom(...EXPIRES), 3),
    date: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: fc.constant(undefined) }),
    lastModified: maybe(fc.constantFrom(...LAST_MODIFIED), 2),
    etag: maybe(fc.constantFrom(...ETAGS), 2),
    vary: maybe(fc.constantFrom(...VARY), 4),
    pragma: maybe(fc.constant('no-cache'), 8),
    age: maybe(fc.constantFrom('7200', '0', 'x'), 8),
    setCookie: maybe(fc.constantFrom('c=1', 'c=2', 'c=; Max-Age=0'), 5),
  })
  .map((r) => {
    const headers: [string, string][] = [];
    if (r.date) headers.push(['Date', r.date]);
    for (const line of r.cc) headers.push([r.ccName, line]);
    if (r.expires) headers.push(['Expires', r.expires]);
    if (r.lastModified) headers.push(['Last-Modified', r.lastModified]);
    if (r.etag) headers.push(['ETag', r.etag]);
    if (r.vary) headers.push(['Vary', r.vary]);
    if (r.pragma) headers.push(['Pragma', r.pragma]);
    if (r.age) headers.push(['Age', r.age]);
    if (r.setCookie) headers.push(['Set-Cookie', r.setCookie]);
    return { status: r.status, headers };
  });

/** A 304's header lines: what it may update. */
const notModifiedLines: fc.Arbitrary<[string, string][]> = fc
  .record({
    date: maybe(fc.constant('@now'), 2),
    cc: maybe(fc.constantFrom('max-age=86400', 'max-age=0', 'no-store', 'no-cache', 'max-age=86400, must-revalidate'), 2),
    etag: maybe(fc.constantFrom('"v1"', '"v2"'), 4),
    expires: maybe(fc.constantFrom('Fri, 01 Jan 2100 00:00:00 GMT', 'Thu, 01 Jan 1998 00:00:00 GMT'), 4),
    vary: maybe(fc.constantFrom('X-Variant', 'Accept-Language', '*'), 6),
    lastModified: maybe(fc.constantFrom('Sun, 01 Jan 2023 00:00:00 GMT', 'Fri, 01 Jan 2100 00:00:00 GMT'), 6),
    pragma: maybe(fc.constant('no-cache'), 8),
    contentType: maybe(fc.constant('text/html'), 8),
  })
  .map((r) => {
    const lines: [string, string][] = [];
    if (r.date) lines.push(['Date', r.date]);
    if (r.cc) lines.push(['Cache-Control', r.cc]);
    if (r.etag) lines.push(['ETag', r.etag]);
    if (r.expires) lines.push(['Expires', r.expires]);
    if (r.vary) lines.push(['Vary', r.vary]);
    if (r.lastModified) lines.push(['Last-Modified', r.lastModified]);
    if (r.pragma) lines.push(['Pragma', r.pragma]);
    if (r.contentType) lines.push(['Content-Type', r.contentType]);
    return lines;
  });

const response: fc.Arbitrary<ScriptedResponse> = fc
  .tuple(fullResponse, maybe(notModifiedLines, 2))
  .map(([full, notModified]) => (notModified ? { ...full, notModified } : full));

const requestHeaders: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as [string, string][]) },
  {
    weight: 2,
    arbitrary: fc.uniqueArray(fc.constantFrom(...REQUEST_HEADERS), {
      minLength: 1,
      maxLength: 2,
      selector: ([name]) => name.toLowerCase(),
    }),
  },
);

const RESOURCES = ['r0', 'r1'] as const;

/**
 * A step before its response is chosen: `own` is the response it gets when
 * it does not reuse its resource's usual one.
 */
const stepDraft = fc.record({
  resource: fc.constantFrom(0, 0, 0, 0, 0, 1),
  method: fc.constantFrom<CacheMethod>(
    ...Array.from({ length: 16 }, () => 'GET' as const),
    ...(['HEAD', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const),
  ),
  headers: requestHeaders,
  usual: fc.boolean(),
  own: response,
});

/**
 * A scenario: each resource has a usual response, which about half the
 * steps get (so what one step stores, the next one often finds usable or
 * validatable), and the other steps get a response of their own.
 */
/**
 * A response that must be validated before reuse (no-cache or max-age=0)
 * and can be (an ETag, a Last-Modified or both), with a 304 for conditional
 * requests: what revalidation and the 304's header updates are tested on.
 */
const validatedResponse: fc.Arbitrary<ScriptedResponse> = fc
  .record({
    full: fullResponse,
    cc: fc.constantFrom('no-cache', 'max-age=0', 'max-age=0, must-revalidate', 'no-cache, max-age=86400'),
    validators: fc.constantFrom<[string, string][]>(
      [['ETag', '"v1"']],
      [['Last-Modified', 'Sun, 01 Jan 2023 00:00:00 GMT']],
      [
        ['ETag', 'W/"v1"'],
        ['Last-Modified', 'Sun, 01 Jan 2023 00:00:00 GMT'],
      ],
    ),
    notModified: notModifiedLines,
  })
  .map(({ full, cc, validators, notModified }) => {
    const names = new Set(['cache-control', 'etag', 'last-modified', 'expires', 'pragma']);
    const kept = full.headers.filter(([name]) => !names.has(name.toLowerCase()));
    return { status: 200, headers: [...kept, ['Cache-Control', cc], ...validators], notModified };
  });

const usualResponse = fc.oneof({ weight: 2, arbitrary: response }, { weight: 1, arbitrary: validatedResponse });

export const cacheScenarioArbitrary: fc.Arbitrary<CacheScenario> = fc
  .record({
    usual: fc.tuple(usualResponse, usualResponse),
    steps: fc.array(stepDraft, { minLength: 2, maxLength: 6 }),
  })
  .map(({ usual, steps }) =>
    steps.map(
      (d): CacheStep => ({
        resource: RESOURCES[d.resource]!,
        method: d.method,
        headers: d.headers,
        response: d.usual ? usual[d.resource]! : d.own,
      }),
    ),
  );

/** `count` scenarios fixed by `seed`. */
export function cacheScenarios(seed: number, count: number): CacheScenario[] {
  return fc.sample(cacheScenarioArbitrary, { seed, numRuns: count });
}
