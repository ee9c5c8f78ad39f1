// Runs a scripted HTTP cache scenario (harness/arbitraries/http-cache.ts) with
// ses.fetch against the scripted fixture (fixtures/servers/cache-scenario-server.ts)
// and reports each step as the HTTP cache specs compare it: the requests that
// reached the server (method, resource, the validators they carried) and the
// status and body the caller got, or that the fetch failed.

import type { CacheScenarioServer, SeenCacheRequest } from '../../fixtures/servers/cache-scenario-server.ts';
import type { CacheScenario, CacheStep } from '../../harness/arbitraries/http-cache.ts';

/** One step as the specs compare it. */
export interface ObservedStep {
  requests: string[];
  status?: number;
  body?: string;
  failed?: true;
}

/** What a fetch gave: status and body text, or the error it threw. */
export interface StepOutcome {
  status?: number;
  body?: string;
  error?: string;
}

export type Fetching = { fetch(input: string, init?: RequestInit): Promise<Response> };

/** The fetch arguments of a step; methods that carry a body send one byte. */
export function fetchInit(step: CacheStep): { method: string; headers: [string, string][]; body?: string } {
  const withBody = step.method === 'POST' || step.method === 'PUT' || step.method === 'PATCH';
  return { method: step.method, headers: step.headers, ...(withBody ? { body: 'x' } : {}) };
}

function describeRequest(r: SeenCacheRequest): string {
  const validators = [
    r.ifNoneMatch !== undefined ? `If-None-Match: ${r.ifNoneMatch}` : '',
    r.ifModifiedSince !== undefined ? `If-Modified-Since: ${r.ifModifiedSince}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${r.method} ${r.target}${validators ? ` (${validators})` : ''}`;
}

/** Pairs a side's outcomes with the requests the server saw in each step. */
export function observe(server: CacheScenarioServer, key: string, outcomes: StepOutcome[]): ObservedStep[] {
  const seen = server.seen(key);
  return outcomes.map((o, j) => ({
    requests: seen.filter((r) => r.step === j).map(describeRequest),
    ...(o.error !== undefined ? { failed: true as const } : { status: o.status!, body: o.body! }),
  }));
}

/** Runs the scenario's steps in order with `ses.fetch`, under `base` (`http://host:port/k/<key>`). */
export async function fetchSteps(
  ses: Fetching,
  server: CacheScenarioServer,
  key: string,
  base: string,
  scenario: CacheScenario,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const [j, step] of scenario.entries()) {
    server.step(key, j);
    try {
      const response = await ses.fetch(`${base}/${step.resource}`, fetchInit(step));
      outcomes.push({ status: response.status, body: await response.text() });
    } catch (error) {
      outcomes.push({ error: String(error) });
    }
  }
  return outcomes;
}
