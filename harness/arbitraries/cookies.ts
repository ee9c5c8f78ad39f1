// fast-check arbitraries for Set-Cookie traffic: scenarios of a few responses,
// each from one host and path and carrying a few raw Set-Cookie header
// values (as UTF-8 bytes), rich in the cases where cookie parsers disagree:
// repeated and empty attributes, Max-Age and Expires forms, name prefixes in
// every case, nameless cookies, oversized names, values and attributes, IDN
// and public-suffix domains, IP literals, control characters, Secure
// overwrites from insecure origins. Hosts come from a small pool so that
// responses of one scenario meet each other's cookies, and each response is
// served over http or https. A batch mixes three kinds of scenario: random
// traffic, Secure cookies set over https that later http responses try to
// overwrite or shadow (with `__Secure-` and `__Host-` names), and the
// eviction scenarios of cookie-eviction.ts.

import fc from 'fast-check';
import { evictionScenarioArbitrary, globalLimitScenarioArbitrary } from './cookie-eviction.ts';
import type { CookieScenario, CookieScheme, CookieStep } from './cookie-step.ts';

export type { CookieScenario, CookieScheme, CookieStep } from './cookie-step.ts';

/** Request hosts; every one resolves to the loopback fixture through host resolver rules. */
export const COOKIE_HOSTS = [
  'a.example.com',
  'b.a.example.com',
  'example.com',
  'localhost',
  '127.0.0.1',
  'intranet',
  'foo.co.uk',
  'xn--bcher-kva.example',
] as const;

const PATHS = ['/', '/a/b', '/a/b/', '/dir%20x/page', '/a/%7Eb/c', '/deep/er/path/x'] as const;

const NAMES = [
  'a',
  'b',
  'sid',
  '__Secure-s',
  '__secure-s',
  '__Host-h',
  '__HOST-h',
  '__host-x',
  'sp ace',
  'ü',
  '$x',
  'n\x01c',
] as const;

const VALUES = ['1', 'v', '', '"quoted"', 'ü', 'a b', '__Host-x', '__secure-y', 'v\x7f', 'v\x01w', 'x=y', 'a\tb'] as const;

const DOMAINS = [
  'example.com',
  '.example.com',
  '..example.com',
  'a.example.com',
  'EXAMPLE.COM',
  'com',
  'co.uk',
  'foo.co.uk',
  'intranet',
  'localhost',
  '127.0.0.1',
  'other.com',
  'bücher.example',
  'xn--bcher-kva.example',
  '',
  'example.com.',
] as const;

const COOKIE_PATHS = ['/', '/a', '/a/b', '', 'relative', '/dir%20x', '/dir x', '/a/../b'] as const;

const MAX_AGES = ['3600', '60.5', '+60', '-1', '0', '', 'abc', '99999999999', ' 120 ', '0x10'] as const;

const EXPIRES = [
  'Wed, 21 Oct 2037 07:28:00 GMT',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'Sun, 06 Nov 1994 08:49:37 GMT',
  'Sunday, 06-Nov-94 08:49:37 GMT',
  'Wed Oct 21 07:28:00 2037',
  '21 Oct 2037 07:28:00',
  'Fri, 31 Dec 9999 23:59:59 GMT',
  'garbage',
  '',
] as const;

const SAME_SITES = ['Strict', 'Lax', 'None', 'none', 'STRICT', '', 'bogus'] as const;

const attribute = fc.oneof(
  fc.constantFrom(...DOMAINS).map((d) => `Domain=${d}`),
  fc.constantFrom(...COOKIE_PATHS).map((p) => `Path=${p}`),
  fc.constantFrom(...MAX_AGES).map((m) => `Max-Age=${m}`),
  fc.constantFrom(...EXPIRES).map((e) => `Expires=${e}`),
  fc.constantFrom('Secure', 'secure', 'HttpOnly', 'httponly', 'Partitioned', 'Secure=1'),
  fc.constantFrom(...SAME_SITES).map((s) => `SameSite=${s}`),
  fc.constantFrom('Path=/' + 'p'.repeat(1100), 'Domain=' + 'd'.repeat(1030) + '.example.com', 'Unknown=1', '', ' ', 'Max-Age'),
);

/** A name=value pair: the usual form, a nameless one (no `=`), an empty name, or an oversized one. */
const pair = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VALUES)).map(([n, v]) => `${n}=${v}`) },
  { weight: 1, arbitrary: fc.constantFrom(...VALUES).map((v) => v) },
  { weight: 1, arbitrary: fc.constantFrom(...VALUES).map((v) => `=${v}`) },
  { weight: 1, arbitrary: fc.constantFrom(4090, 4093, 4100).map((n) => `big=${'v'.repeat(n)}`) },
);

/**
 * Partitioned cookies get names of their own (upper case: no name in the
 * pools is), and a nameless pair loses the attribute. The oracle's top-level
 * navigations store them in the page's partition, apart from unpartitioned
 * cookies of the same name, while ses.fetch has no top-level site and stores
 * them unpartitioned, so a shared name would compare two different contexts.
 */
function partitionedApart(pair: string, attrs: string[]): [string, string[]] {
  if (!attrs.includes('Partitioned')) return [pair, attrs];
  const eq = pair.indexOf('=');
  if (eq <= 0) return [pair, attrs.filter((a) => a !== 'Partitioned')];
  return [pair.slice(0, eq).toUpperCase() + pair.slice(eq), attrs];
}

export const setCookieLineArbitrary = fc
  .tuple(pair, fc.array(attribute, { maxLength: 5 }), fc.constantFrom('; ', ';', ' ;  '))
  .map(([p, attrs, sep]) => {
    const [apart, kept] = partitionedApart(p, attrs);
    return [apart, ...kept].join(sep);
  });

/** Plain http more often than https, so insecure responses meet secure cookies. */
const scheme = (httpWeight: number): fc.Arbitrary<CookieScheme> =>
  fc.oneof(
    { weight: httpWeight, arbitrary: fc.constant('http' as const) },
    { weight: 2, arbitrary: fc.constant('https' as const) },
  );

export const cookieStepArbitrary: fc.Arbitrary<CookieStep> = fc.record({
  scheme: scheme(3),
  host: fc.constantFrom(...COOKIE_HOSTS),
  path: fc.constantFrom(...PATHS),
  setCookies: fc.array(setCookieLineArbitrary, { minLength: 1, maxLength: 3 }),
});

export const cookieScenarioArbitrary: fc.Arbitrary<CookieScenario> = fc.array(cookieStepArbitrary, {
  minLength: 1,
  maxLength: 4,
});

// --- Secure cookies, then insecure responses that try to replace them ---

/** Names these scenarios share, prefixed ones in several cases. */
const SECURE_NAMES = ['s', 'sid', '__Secure-s', '__secure-s', '__SECURE-s', '__Host-h', '__host-h', '__HOST-h'] as const;
const SECURE_FAMILY = ['a.example.com', 'b.a.example.com', 'example.com'] as const;

const secureLine = (forceSecure: boolean): fc.Arbitrary<string> =>
  fc
    .record({
      name: fc.constantFrom(...SECURE_NAMES),
      value: fc.constantFrom('1', '2', 'x'),
      secure: forceSecure ? fc.constant(true) : fc.boolean(),
      domain: fc.constantFrom(undefined, undefined, 'example.com', '.example.com', 'a.example.com', 'b.a.example.com'),
      path: fc.constantFrom(undefined, '/', '/', '/a', '/a/b'),
      extra: fc.constantFrom('', '', 'HttpOnly', 'SameSite=None', 'SameSite=Lax', 'Max-Age=3600', 'Max-Age=0', 'Partitioned'),
    })
    .map(({ name, value, secure, domain, path, extra }) =>
      [
        `${extra === 'Partitioned' ? name.toUpperCase() : name}=${value}`,
        ...(secure ? ['Secure'] : []),
        ...(domain ? [`Domain=${domain}`] : []),
        ...(path ? [`Path=${path}`] : []),
        ...(extra ? [extra] : []),
      ].join('; '),
    );

const secureStep = (first: boolean): fc.Arbitrary<CookieStep> =>
  fc.record({
    scheme: first ? fc.constant('https' as const) : scheme(4),
    host: fc.constantFrom(...SECURE_FAMILY),
    path: fc.constantFrom('/', '/a/b', '/a/b/c'),
    setCookies: fc.array(secureLine(first), { minLength: 1, maxLength: 3 }),
  });

/** Secure cookies set over https, then responses (mostly http) with the same names, domains and paths. */
export const secureScenarioArbitrary: fc.Arbitrary<CookieScenario> = fc
  .tuple(secureStep(true), fc.array(secureStep(false), { minLength: 1, maxLength: 3 }))
  .map(([first, rest]) => [first, ...rest]);

/**
 * A fixed batch of scenarios for a seed: one in eight evicts, one in four
 * is about Secure cookies, one in 48 passes the global cookie limit (19
 * responses of ~177 cookies: none in the default batch of 24, to keep it
 * quick), the rest are random traffic. Each kind is sampled from a seed of
 * its own, so a larger batch starts with the smaller batch's scenarios of each kind.
 */
export function cookieScenarios(seed: number, count: number): CookieScenario[] {
  const eviction = Math.ceil(count / 8);
  const global = Math.floor(count / 48);
  const secure = Math.min(Math.ceil(count / 4), count - eviction - global);
  const random = Math.max(0, count - eviction - global - secure);
  const sample = (arbitrary: fc.Arbitrary<CookieScenario>, offset: number, n: number) =>
    n > 0 ? fc.sample(arbitrary, { seed: seed + offset, numRuns: n }) : [];
  const pools = [
    sample(cookieScenarioArbitrary, 0, random),
    sample(secureScenarioArbitrary, 1, secure),
    sample(evictionScenarioArbitrary, 2, eviction),
    sample(globalLimitScenarioArbitrary, 3, global),
  ];
  // Interleaved, so a batch's first scenarios already hold every kind.
  const out: CookieScenario[] = [];
  for (let i = 0; out.length < count && i < count; i++) for (const pool of pools) if (pool[i]) out.push(pool[i]!);
  return out.slice(0, count);
}
