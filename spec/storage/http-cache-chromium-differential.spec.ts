// Differential check of the session's HTTP cache against a real Chromium's:
// generated scenarios (harness/arbitraries/http-cache.ts), each a few requests
// to one or two resources with the responses a scripted loopback fixture
// gives (fixtures/servers/cache-scenario-server.ts), run on both sides in a
// fresh, empty cache: on Chromium as same-origin page fetch() calls with cache
// mode 'default', one DevTools browser context per scenario
// (harness/chromium/http-cache-oracle.ts); on the target as ses.fetch calls,
// whose cache mode is 'default' too, in a fresh in-memory partition per
// scenario. Step by step, the sides must agree on which requests reached the
// server (method, resource, and the If-None-Match / If-Modified-Since they
// carried) and on the status and body the caller got.
//
// Both fetch()es run the same HttpCache::Transaction; what only a page does
// is kept out of the scenarios: no If-* request header (the Fetch standard
// turns such a page fetch into cache mode 'no-store'), no cross-origin
// request (CORS), no navigation (ses.fetch has no counterpart), and no
// stale-while-revalidate (a page's fetch() carries
// LOAD_SUPPORT_ASYNC_REVALIDATION, so Chromium hands it a stale answer and
// revalidates later, which ses.fetch never asks for). No Range either: the
// reference keeps no byte ranges, where Chromium answers ranges from sparse
// entries. The batch is fixed by HTTP_CACHE_DIFFERENTIAL_SEED and its size by
// HTTP_CACHE_DIFFERENTIAL_CASES (small by default, so CI stays quick);
// HTTP_CACHE_DIFFERENTIAL_ONLY=3,17 replays those scenarios of the batch and
// HTTP_CACHE_DIFFERENTIAL_DUMP=<file> keeps every disagreement.

import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startCacheScenarioServer, type CacheScenarioServer } from '../../fixtures/servers/cache-scenario-server.ts';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { cacheScenarios, type CacheScenario } from '../../harness/arbitraries/http-cache.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import { fetchWithChromiumCache, type FetchStep } from '../../harness/chromium/http-cache-oracle.ts';
import { fetchInit, fetchSteps, observe, type Fetching, type ObservedStep } from './cache-scenario-steps.ts';

export const meta = defineSpec({
  members: ['ses.fetch', 'session.fromPartition'],
  eras: 'current',
  requires: ['chromium', 'network'],
  level: 'must',
  basis: 'chromium',
  summary:
    "Generated request sequences reach the server, and get answers, exactly as they do through a real Chromium's HTTP cache.",
});

const SEED = Number(process.env.HTTP_CACHE_DIFFERENTIAL_SEED ?? 4242);
const CASES = Number(process.env.HTTP_CACHE_DIFFERENTIAL_CASES ?? 10);
const HOST = 'cache.test';
/** HTTP_CACHE_DIFFERENTIAL_ONLY=3,17 replays only those scenarios of the batch. */
const ONLY = process.env.HTTP_CACHE_DIFFERENTIAL_ONLY?.split(',').map(Number);
const batch = cacheScenarios(SEED, CASES);
const indices = ONLY ?? batch.map((_, i) => i);
const scenarios = indices.map((i) => batch[i]!);
let server: CacheScenarioServer | undefined;

const t = useTarget(meta, {
  prepare: async () => {
    server = await startCacheScenarioServer();
    for (const [i, scenario] of scenarios.entries()) {
      server.define(`c${i}`, scenario);
      server.define(`t${i}`, scenario);
    }
    return { switches: { 'host-resolver-rules': `MAP * 127.0.0.1` } };
  },
});

const base = (key: string) => `http://${HOST}:${server!.port}/k/${key}`;

function stepsOf(scenario: CacheScenario, key: string): FetchStep[] {
  return scenario.map((s) => ({ url: `${base(key)}/${s.resource}`, ...fetchInit(s) }));
}

function executable(): string {
  const path = findChromium();
  if (!path) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
  return path;
}

interface Disagreement {
  scenario: number;
  steps: CacheScenario;
  chromium: ObservedStep[];
  target: ObservedStep[];
}

/** How Chromium's steps went, to show what a batch exercised: answered without the server, validated, or fetched. */
function tally(observed: ObservedStep[][]): Record<string, number> {
  const counts = { steps: 0, fromCache: 0, validated: 0, fetched: 0, failed: 0 };
  for (const step of observed.flat()) {
    counts.steps++;
    if (step.failed) counts.failed++;
    else if (step.requests.length === 0) counts.fromCache++;
    else if (step.requests.some((r) => r.includes('(If-'))) counts.validated++;
    else counts.fetched++;
  }
  return counts;
}

/** A disagreement cut at its first differing step, for the failure message. */
function firstDifference(d: Disagreement) {
  const j = d.chromium.findIndex((c, k) => JSON.stringify(c) !== JSON.stringify(d.target[k]));
  return { scenario: d.scenario, steps: d.steps.slice(0, j + 1), step: j, chromium: d.chromium[j], target: d.target[j] };
}

describe('differential check against Chromium', () => {
  afterAll(() => server?.close());

  it(
    "answers generated request sequences as Chromium's HTTP cache does",
    async () => {
      const started = Date.now();
      const chromium = await fetchWithChromiumCache(
        scenarios.map((s, i) => ({ pageUrl: `${base(`c${i}`)}/page`, steps: stepsOf(s, `c${i}`) })),
        { executable: executable(), concurrency: 3, beforeStep: (i, j) => server!.step(`c${i}`, j) },
      );
      const chromiumMs = Date.now() - started;
      const disagreements: Disagreement[] = [];
      const observed: ObservedStep[][] = [];
      for (const [i, scenario] of scenarios.entries()) {
        const ses = t.session.fromPartition(`http-cache-differential-${SEED}-${indices[i]}`) as unknown as Fetching;
        const expected = observe(server!, `c${i}`, chromium[i]!);
        observed.push(expected);
        const actual = observe(server!, `t${i}`, await fetchSteps(ses, server!, `t${i}`, base(`t${i}`), scenario));
        if (JSON.stringify(expected) !== JSON.stringify(actual))
          disagreements.push({ scenario: indices[i]!, steps: scenario, chromium: expected, target: actual });
      }
      const agreed = scenarios.length - disagreements.length;
      const summary = `seed ${SEED}: ${agreed}/${scenarios.length} scenarios agree (replay with HTTP_CACHE_DIFFERENTIAL_SEED=${SEED} HTTP_CACHE_DIFFERENTIAL_CASES=${CASES})`;
      const exercised = tally(observed);
      const timing = { chromiumMs, targetMs: Date.now() - started - chromiumMs };
      console.log(`http cache differential: ${summary} (${JSON.stringify({ ...timing, ...exercised })})`);
      if (process.env.HTTP_CACHE_DIFFERENTIAL_DUMP)
        writeFileSync(
          process.env.HTTP_CACHE_DIFFERENTIAL_DUMP,
          JSON.stringify({ summary, timing, exercised, disagreements }, null, 1),
        );
      // The first few, each up to its first differing step (the dump keeps them whole).
      expect(disagreements.slice(0, 3).map(firstDifference), summary).toEqual([]);
    },
    Math.max(120_000, CASES * 2_000),
  );
});
