// Asks a real Chromium what its HTTP cache does with a sequence of requests.
// Each scenario gets a DevTools browser context of its own: an off-the-record
// profile with a network context of its own, whose HTTP cache is in memory
// (Chromium's ProfileNetworkContextService gives a cache directory only to
// profiles that are not off the record), so scenarios start empty; their URLs
// differ as well, so no scenario could see another's entries anyway. A page
// of the fixture's origin is opened in it, and each step runs there as a
// fetch() with cache mode 'default' (same-origin, so no CORS preflight and
// every header reaches the server), through Runtime.evaluate; the caller is
// told before each step so the fixture can answer with that step's response.
// Every host name maps to the loopback fixture (--host-resolver-rules), so
// the browser reaches nothing else.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';
import { CHROMIUM_COOKIE_ARGS } from './cookie-oracle.ts';

export interface FetchStep {
  url: string;
  method: string;
  headers: [string, string][];
  body?: string;
}

export interface FetchScenario {
  /** A same-origin page the steps run in. */
  pageUrl: string;
  steps: FetchStep[];
}

/** What a fetch() gave: status and body text, or the error it threw. */
export interface FetchOutcome {
  status?: number;
  body?: string;
  error?: string;
}

export interface CacheOracleOptions {
  executable: string;
  /** Called before step `j` of scenario `i` runs. */
  beforeStep(i: number, j: number): void;
  /** Scenarios run at once, each in its own browser context (2 by default). */
  concurrency?: number;
}

function fetchExpression(step: FetchStep): string {
  const init: Record<string, unknown> = { method: step.method, headers: step.headers, cache: 'default' };
  if (step.body !== undefined) init.body = step.body;
  return `fetch(${JSON.stringify(step.url)}, ${JSON.stringify(init)}).then(
    async (r) => ({ status: r.status, body: await r.text() }),
    (e) => ({ error: String(e) }))`;
}

async function runScenario(browser: CdpBrowser, scenario: FetchScenario, i: number, options: CacheOracleOptions) {
  const browserContextId = await browser.newContext();
  try {
    const { targetId, sessionId } = await browser.openPage('about:blank', browserContextId);
    const navigation = await browser.send<{ errorText?: string }>('Page.navigate', { url: scenario.pageUrl }, sessionId);
    if (navigation.errorText) throw new Error(`could not open ${scenario.pageUrl}: ${navigation.errorText}`);
    const outcomes: FetchOutcome[] = [];
    for (const [j, step] of scenario.steps.entries()) {
      options.beforeStep(i, j);
      const answer = await browser.send<{ result: { value?: FetchOutcome }; exceptionDetails?: { text: string } }>(
        'Runtime.evaluate',
        { expression: fetchExpression(step), awaitPromise: true, returnByValue: true },
        sessionId,
      );
      outcomes.push(answer.result.value ?? { error: answer.exceptionDetails?.text ?? 'no result' });
    }
    await browser.send('Target.closeTarget', { targetId });
    return outcomes;
  } finally {
    await browser.disposeContext(browserContextId);
  }
}

/** Runs each scenario's steps in order, in a fresh browser context per scenario. */
export async function fetchWithChromiumCache(scenarios: FetchScenario[], options: CacheOracleOptions): Promise<FetchOutcome[][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cache-oracle-'));
  const browser = await CdpBrowser.launch({
    executable: options.executable,
    userDataDir: dir,
    isolateNetwork: false,
    args: CHROMIUM_COOKIE_ARGS,
  });
  try {
    const results: FetchOutcome[][] = new Array(scenarios.length);
    let next = 0;
    const worker = async () => {
      while (next < scenarios.length) {
        const i = next++;
        results[i] = await runScenario(browser, scenarios[i]!, i, options);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    return results;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
