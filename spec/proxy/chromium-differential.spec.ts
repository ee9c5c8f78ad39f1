// Differential check against a real Chromium: generated proxy configurations
// (rule and bypass strings, and PAC programs) and URLs go both to the target
// and to Chromium, and every answer must be identical. Chromium is asked as
// harness/chromium/proxy-oracle.ts describes (a DevTools browser context per
// fixed configuration, a mandatory PAC preference per script, answers read
// from its NetLog). The generated input is fixed by a seed
// (PROXY_DIFFERENTIAL_SEED) and its size by PROXY_DIFFERENTIAL_CASES.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  bypassRulesArbitrary,
  pacProgramArbitrary,
  pacScriptOf,
  proxyRulesArbitrary,
  urlArbitrary,
} from '../../harness/arbitraries/proxy.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import {
  resolveFixedServersWithChromium,
  resolvePacWithChromium,
  type CaseAnswers,
} from '../../harness/chromium/proxy-oracle.ts';
import { pacDataUrl, proxyCalls } from './proxy-calls.ts';

export const meta = defineSpec({
  members: ['ses.setProxy', 'ses.resolveProxy'],
  eras: 'current',
  requires: ['chromium', 'proxy.pac'],
  level: 'must',
  basis: 'chromium',
  summary: 'Generated rules, bypass lists, PAC programs and URLs resolve exactly as a real Chromium resolves them.',
});

const t = useTarget(meta, { env: {} });
const p = proxyCalls(t, 'differential');
const SEED = Number(process.env.PROXY_DIFFERENTIAL_SEED ?? 1123);
const CASES = Number(process.env.PROXY_DIFFERENTIAL_CASES ?? 16);

interface Mismatch {
  config: unknown;
  url: string;
  target: string;
  chromium: string;
}

/** Compares the target's answers with Chromium's; unanswered URLs (a browser refuses a few requests) are counted. */
async function compare(
  config: unknown,
  urls: string[],
  chromium: CaseAnswers,
  mismatches: Mismatch[],
): Promise<{ compared: number; unseen: number }> {
  const ses = p.fresh();
  await p.set(ses, config);
  let compared = 0;
  let unseen = 0;
  for (const [i, url] of urls.entries()) {
    const expected = chromium[i];
    if (expected === undefined) {
      unseen++;
      continue;
    }
    compared++;
    const answer = await p.resolve(ses, url);
    if (answer !== expected) mismatches.push({ config, url, target: answer, chromium: expected });
  }
  return { compared, unseen };
}

function executable(): string {
  const path = findChromium();
  if (!path) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
  return path;
}

describe('differential check against Chromium', () => {
  it('resolves generated fixed-server configurations as Chromium does', async () => {
    const cases = fc.sample(
      fc.record({
        server: proxyRulesArbitrary,
        bypassList: bypassRulesArbitrary,
        urls: fc.uniqueArray(urlArbitrary, { minLength: 12, maxLength: 12 }),
      }),
      { seed: SEED, numRuns: CASES },
    );
    const chromium = await resolveFixedServersWithChromium(cases, { executable: executable() });
    const mismatches: Mismatch[] = [];
    let compared = 0;
    let unseen = 0;
    for (const [i, c] of cases.entries()) {
      const counts = await compare(
        { proxyRules: c.server, proxyBypassRules: c.bypassList },
        c.urls,
        chromium.answers[i]!,
        mismatches,
      );
      compared += counts.compared;
      unseen += counts.unseen;
    }
    expect(mismatches, `seed ${SEED}`).toEqual([]);
    // Nearly every URL must have been answered by Chromium for the comparison to mean something.
    expect(compared).toBeGreaterThanOrEqual(Math.floor(0.9 * (compared + unseen)));
  }, 180_000);

  it('resolves generated PAC programs as Chromium does', async () => {
    const programs = fc.sample(
      fc.record({ program: pacProgramArbitrary, urls: fc.uniqueArray(urlArbitrary, { minLength: 24, maxLength: 24 }) }),
      {
        seed: SEED,
        numRuns: 2,
      },
    );
    const mismatches: Mismatch[] = [];
    let compared = 0;
    let unseen = 0;
    for (const { program, urls } of programs) {
      const script = pacScriptOf(program);
      const chromium = await resolvePacWithChromium({ script, urls }, { executable: executable() });
      const counts = await compare({ pacScript: pacDataUrl(script) }, urls, chromium, mismatches);
      compared += counts.compared;
      unseen += counts.unseen;
    }
    expect(mismatches, `seed ${SEED}`).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(Math.floor(0.8 * (compared + unseen)));
  }, 120_000);
});
