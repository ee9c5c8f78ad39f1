// Differential check against a real Chromium: generated Set-Cookie traffic
// (harness/arbitraries/cookies.ts) is served by one loopback fixture, over
// http and https, to headless Chromium, as top-level navigations in a fresh
// browser context per scenario, and to the target, as ses.fetch calls in a
// fresh session per scenario, in the same order; the jars (Storage.getCookies
// against ses.cookies.get({})) must hold the same cookies, field by field.
// The batch mixes random traffic, Secure cookies that insecure responses try
// to replace, and responses that pass the per-domain and global cookie limits.
// The batch is fixed by COOKIE_DIFFERENTIAL_SEED and its size by
// COOKIE_DIFFERENTIAL_CASES (a small batch by default, so CI stays quick).
//
// The https listener's certificate comes from the fixtures' test CA, issued
// for the scenario hosts: the target trusts the CA (trustFixtureCa) and
// verifies as usual; Chromium is told to accept that one certificate's key
// (harness/chromium/cookie-oracle.ts).
//
// Expiries are compared as times after one of the scenario's requests (each
// side's requests start at different moments). A navigation stores a
// Partitioned cookie in its top-level site's partition, apart from
// unpartitioned cookies of the same name; ses.fetch has no top-level site and
// stores it unpartitioned. So the generator gives Partitioned cookies names
// of their own, and the partition key (which Electron's Cookie object does
// not expose) is not compared.
//
// The installed Chromium is newer than Electron 39's (142); the features the
// jars depend on (scheme- and port-bound cookies off, the eviction rounds,
// the one-minute access threshold) are the same in both.

import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { COOKIE_HOSTS, cookieScenarios, type CookieScenario } from '../../harness/arbitraries/cookies.ts';
import { cookiesWithChromium, type CdpCookie } from '../../harness/chromium/cookie-oracle.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import { startSetCookieServer, type SetCookieServer } from '../../fixtures/servers/set-cookie-server.ts';
import { testPki } from '../../fixtures/servers/test-ca.ts';
import { cookiesOf, getCookies } from './cookie-support.ts';

export const meta = defineSpec({
  members: ['ses.cookies', 'ses.fetch'],
  eras: 'current',
  requires: ['chromium', 'network', 'tls'],
  level: 'must',
  basis: 'chromium',
  summary: 'Generated Set-Cookie responses leave exactly the cookies a real Chromium stores for them.',
});

const SEED = Number(process.env.COOKIE_DIFFERENTIAL_SEED ?? 2026);
const CASES = Number(process.env.COOKIE_DIFFERENTIAL_CASES ?? 24);
const scenarios = cookieScenarios(SEED, CASES);
let server: SetCookieServer | undefined;
let certificate = '';

const t = useTarget(meta, {
  trustFixtureCa: true,
  prepare: async () => {
    const leaf = await (await testPki()).leaf('valid', { extraNames: COOKIE_HOSTS });
    certificate = leaf.certPem;
    server = await startSetCookieServer({ tls: leaf });
    for (const [i, scenario] of scenarios.entries())
      for (const [j, step] of scenario.entries()) server.define(`${i}_${j}`, step.setCookies);
    return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
  },
});

/** The fields both sides report, in one shape. */
interface Compared {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
  /**
   * Seconds after the scenario started on that side (both sides run at
   * different times, and Max-Age and the 400-day cap count from the response).
   */
  expires: number | null;
  sameSite: string;
}

/** One side's jar for a scenario, with when (ms since the epoch) it started and each of its requests started. */
interface Jar {
  cookies: Compared[];
  startedMs: number;
  stepsMs: number[];
}

const SAME_SITE: Record<string, string> = { Strict: 'strict', Lax: 'lax', None: 'no_restriction' };

function fromChromium(c: CdpCookie, startedMs: number): Compared {
  return {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    session: c.session,
    expires: c.session ? null : c.expires - startedMs / 1000,
    sameSite: c.sameSite ? SAME_SITE[c.sameSite]! : 'unspecified',
  };
}

function fromTarget(c: Record<string, unknown>, startedMs: number): Compared {
  const session = c.session === true;
  return {
    name: String(c.name),
    value: String(c.value),
    domain: String(c.domain),
    path: String(c.path),
    secure: c.secure === true,
    httpOnly: c.httpOnly === true,
    session,
    expires: session ? null : Number(c.expirationDate) - startedMs / 1000,
    sameSite: String(c.sameSite ?? 'unspecified'),
  };
}

/** How far apart two expiries counted from the same request may be (a request takes time, more so on a loaded machine). */
const EXPIRY_SLACK_SECONDS = 3;

/**
 * Whether two expiries agree: the same instant (an absolute Expires), or the
 * same time after one request of the scenario (Max-Age, the 400-day cap),
 * since that request may have run at a different point of each side's run.
 */
function sameExpiry(ea: number, a: Jar, eb: number, b: Jar): boolean {
  if (Math.abs(ea + a.startedMs / 1000 - (eb + b.startedMs / 1000)) <= 1) return true;
  return a.stepsMs.some((at, k) => {
    const fromA = ea - (at - a.startedMs) / 1000;
    const fromB = eb - (b.stepsMs[k]! - b.startedMs) / 1000;
    return Math.abs(fromA - fromB) <= EXPIRY_SLACK_SECONDS;
  });
}

function same(a: Compared, jarA: Jar, b: Compared, jarB: Jar): boolean {
  const { expires: ea, ...ra } = a;
  const { expires: eb, ...rb } = b;
  if (JSON.stringify(ra) !== JSON.stringify(rb)) return false;
  return ea === null || eb === null ? ea === eb : sameExpiry(ea, jarA, eb, jarB);
}

const identity = (c: Compared) => `${c.name}\0${c.domain}\0${c.path}`;

/** The cookies of `from` that `other` has no equal of, as JSON text (by identity first: jars reach thousands). */
function missingFrom(from: Jar, other: Jar): string[] {
  const byIdentity = new Map<string, Compared[]>();
  for (const o of other.cookies) byIdentity.set(identity(o), [...(byIdentity.get(identity(o)) ?? []), o]);
  return from.cookies
    .filter((c) => !byIdentity.get(identity(c))?.some((o) => same(c, from, o, other)))
    .map((c) => JSON.stringify(c));
}

function urlsOf(scenario: CookieScenario, index: number, server: SetCookieServer): string[] {
  return scenario.map((step, j) => {
    const port = step.scheme === 'https' ? server.httpsPort! : server.port;
    return `${step.scheme}://${step.host}:${port}${step.path}?__c=${index}_${j}`;
  });
}

function executable(): string {
  const path = findChromium();
  if (!path) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
  return path;
}

interface Disagreement {
  scenario: number;
  steps: CookieScenario;
  onlyChromium: string[];
  onlyTarget: string[];
  targetErrors: string[];
  /** Navigations Chromium failed: the oracle did not see the scenario, so it cannot agree. */
  chromiumErrors: string[];
}

describe('differential check against Chromium', () => {
  afterAll(() => server?.close());

  it(
    'stores the cookies of generated Set-Cookie responses as Chromium does',
    async () => {
      const urls = scenarios.map((s, i) => urlsOf(s, i, server!));
      const chromiumStarted = Date.now();
      const chromium = await cookiesWithChromium(urls, { executable: executable(), trustedCertificates: [certificate] });
      const chromiumMs = Date.now() - chromiumStarted;
      const targetStarted = Date.now();
      const disagreements: Disagreement[] = [];
      /** Cookies in each scenario's jar on Chromium's side (a scenario that evicted ends with 150-180 under one site). */
      const jarSizes = chromium.map((r) => r.cookies.length);
      for (const [i, scenario] of scenarios.entries()) {
        const ses = t.session.fromPartition(`cookie-differential-${SEED}-${i}`) as { fetch(url: string): Promise<Response> };
        const targetErrors: string[] = [];
        const startedMs = Date.now();
        const stepsMs: number[] = [];
        for (const url of urls[i]!) {
          stepsMs.push(Date.now());
          try {
            await (await ses.fetch(url)).arrayBuffer();
          } catch (error) {
            targetErrors.push(`${url}: ${(error as Error).message}`);
          }
        }
        const oracle = chromium[i]!;
        const expected: Jar = {
          cookies: oracle.cookies.map((c) => fromChromium(c, oracle.startedMs)),
          startedMs: oracle.startedMs,
          stepsMs: oracle.navigations.map((n) => n.startedMs),
        };
        const actual: Jar = {
          cookies: (await getCookies(t, cookiesOf(ses), {})).map((c) =>
            fromTarget(c as unknown as Record<string, unknown>, startedMs),
          ),
          startedMs,
          stepsMs,
        };
        const onlyChromium = missingFrom(expected, actual);
        const onlyTarget = missingFrom(actual, expected);
        const chromiumErrors = chromium[i]!.navigations.filter((n) => n.errorText).map((n) => `${n.url}: ${n.errorText}`);
        if (onlyChromium.length || onlyTarget.length || targetErrors.length || chromiumErrors.length)
          disagreements.push({ scenario: i, steps: scenario, onlyChromium, onlyTarget, targetErrors, chromiumErrors });
      }
      const agreed = scenarios.length - disagreements.length;
      const summary = `seed ${SEED}: ${agreed}/${scenarios.length} scenarios agree (replay with COOKIE_DIFFERENTIAL_SEED=${SEED} COOKIE_DIFFERENTIAL_CASES=${CASES})`;
      const timing = { chromiumMs, targetMs: Date.now() - targetStarted };
      console.log(`cookie differential: ${summary} (Chromium ${timing.chromiumMs} ms, target ${timing.targetMs} ms)`);
      // COOKIE_DIFFERENTIAL_DUMP=<file> keeps every disagreement for inspection.
      if (process.env.COOKIE_DIFFERENTIAL_DUMP)
        writeFileSync(
          process.env.COOKIE_DIFFERENTIAL_DUMP,
          JSON.stringify({ summary, timing, jarSizes, disagreements }, null, 1),
        );
      expect(disagreements, summary).toEqual([]);
    },
    Math.max(300_000, CASES * 2_000),
  );
});
