// Eviction scenarios: one registrable domain receives more cookies than
// Chromium keeps for it (CookieMonster::kDomainMaxCookies, 180) over a few
// responses, so the store purges it to 150 by priority, Secure-ness and least
// recent access. The cookies differ in Secure (stored from https, or from
// localhost), Priority (Low, Medium, High, other cases, an unknown value),
// Domain (host-only and domain cookies of one group), Path and expiry.
// Between the bulk responses, plain requests send the cookies (an access),
// and some responses set an earlier cookie again, with its value or a new
// one. A rarer scenario passes the global limit (kMaxCookies, 3300) across
// 19 sites, which Chromium purges only of cookies unused for 30 days.

import fc from 'fast-check';
import type { CookieScenario, CookieScheme, CookieStep } from './cookie-step.ts';

interface Group {
  hosts: readonly string[];
  /** Domain attributes the hosts may set (a host that is not under one gets its cookie refused). */
  domains: readonly string[];
}

const GROUPS: readonly Group[] = [
  { hosts: ['a.example.com', 'b.a.example.com', 'example.com'], domains: ['example.com', 'a.example.com'] },
  { hosts: ['localhost'], domains: [] },
  { hosts: ['foo.co.uk'], domains: ['foo.co.uk'] },
  { hosts: ['127.0.0.1'], domains: ['127.0.0.1'] },
];

interface BulkCookie {
  secure: boolean;
  priority: string | undefined;
  /** Index into the group's domains; past its end, no Domain attribute. */
  domain: number;
  path: string;
  expiry: string;
  httpOnly: boolean;
}

const bulkCookie: fc.Arbitrary<BulkCookie> = fc.record({
  secure: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  priority: fc.constantFrom(undefined, undefined, 'Low', 'Low', 'Medium', 'High', 'High', 'low', 'HIGH', 'bogus'),
  domain: fc.nat(3),
  path: fc.constantFrom('/', '/', '/', '/a'),
  expiry: fc.constantFrom('', '', 'Max-Age=3600', 'Expires=Wed, 21 Oct 2037 07:28:00 GMT'),
  httpOnly: fc.boolean(),
});

const scheme: fc.Arbitrary<CookieScheme> = fc.constantFrom('http', 'https');

interface Touch {
  scheme: CookieScheme;
  host: number;
  path: string;
  /** Earlier cookies set again (index modulo the cookies made so far), with their value or a new one. */
  resets: { which: number; sameValue: boolean }[];
}

const touch: fc.Arbitrary<Touch> = fc.record({
  scheme,
  host: fc.nat(2),
  path: fc.constantFrom('/', '/a'),
  resets: fc.array(fc.record({ which: fc.nat(), sameValue: fc.boolean() }), { maxLength: 4 }),
});

interface Block {
  scheme: CookieScheme;
  host: number;
  cookies: BulkCookie[];
  after: Touch | null;
}

const block: fc.Arbitrary<Block> = fc.record({
  scheme,
  host: fc.nat(2),
  cookies: fc.array(bulkCookie, { minLength: 10, maxLength: 110 }),
  after: fc.option(touch, { nil: null }),
});

interface EvictionPlan {
  group: number;
  blocks: Block[];
  /** Cookies sent last when the blocks hold fewer lines than `target`. */
  fill: BulkCookie[];
  target: number;
}

/** Builds the steps, naming cookies e0, e1, ... in the order they are first sent. */
function buildEviction(plan: EvictionPlan): CookieScenario {
  const group = GROUPS[plan.group % GROUPS.length]!;
  const hostOf = (i: number) => group.hosts[i % group.hosts.length]!;
  /** The attributes each cookie was first sent with, so a reset names the same cookie. */
  const attributes: string[] = [];
  const steps: CookieStep[] = [];
  const line = (c: BulkCookie) => {
    const n = attributes.length;
    const attrs = [
      ...(c.secure ? ['Secure'] : []),
      ...(c.priority ? [`Priority=${c.priority}`] : []),
      ...(c.domain < group.domains.length ? [`Domain=${group.domains[c.domain]}`] : []),
      `Path=${c.path}`,
      ...(c.expiry ? [c.expiry] : []),
      ...(c.httpOnly ? ['HttpOnly'] : []),
    ].join('; ');
    attributes.push(attrs);
    return `e${n}=v${n}; ${attrs}`;
  };
  const bulk = (s: CookieScheme, host: string, cookies: BulkCookie[]) => {
    steps.push({ scheme: s, host, path: '/', setCookies: cookies.map(line) });
  };
  for (const b of plan.blocks) {
    bulk(b.scheme, hostOf(b.host), b.cookies);
    if (!b.after) continue;
    const resets = b.after.resets.map(({ which, sameValue }, k) => {
      const n = which % attributes.length;
      return `e${n}=${sameValue ? `v${n}` : `w${steps.length}_${k}`}; ${attributes[n]}`;
    });
    steps.push({ scheme: b.after.scheme, host: hostOf(b.after.host), path: b.after.path, setCookies: resets });
  }
  const missing = plan.target - attributes.length;
  if (missing > 0) bulk(plan.blocks[0]!.scheme, hostOf(plan.blocks[0]!.host), plan.fill.slice(0, missing));
  return steps;
}

export const evictionScenarioArbitrary: fc.Arbitrary<CookieScenario> = fc
  .record({
    group: fc.nat(GROUPS.length - 1),
    blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
    fill: fc.array(bulkCookie, { minLength: 260, maxLength: 260 }),
    target: fc.integer({ min: 190, max: 260 }),
  })
  .map(buildEviction);

/** Sites of their own (single-label suffixes, so each host is its own registrable domain on both sides). */
const GLOBAL_SITES = 19;

/**
 * 19 sites with 174-180 cookies each (over 3300 in all, none over its site's
 * limit), over http; then a request to the first site.
 */
export const globalLimitScenarioArbitrary: fc.Arbitrary<CookieScenario> = fc
  .record({ perSite: fc.integer({ min: 174, max: 180 }), persistentEvery: fc.integer({ min: 2, max: 7 }) })
  .map(({ perSite, persistentEvery }) => {
    const steps: CookieStep[] = [];
    for (let site = 0; site < GLOBAL_SITES; site++) {
      const setCookies = Array.from({ length: perSite }, (_, i) => {
        const n = site * perSite + i;
        return `g${n}=${n}${n % persistentEvery === 0 ? '; Max-Age=3600' : ''}`;
      });
      steps.push({ scheme: 'http', host: `g${site}.test`, path: '/', setCookies });
    }
    steps.push({ scheme: 'http', host: 'g0.test', path: '/', setCookies: [] });
    return steps;
  });
