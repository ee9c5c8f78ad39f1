// Runs the spec suite through vitest, once per era, and returns a Report.
// Each era is its own vitest run so that its workers see one RunContext.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startVitest } from 'vitest/node';
import { createAdapter, prepareRun } from '../adapters/index.ts';
import { CONTRACT_VERSION } from '../api/contract.ts';
import { adapterLabel, type AdapterSpec, type RunContext } from '../api/run-context.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { NO_EXPECTATIONS, type ExpectationSet } from '../expectations/expectations.ts';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type Run } from '../report/model.ts';
import { ResultCollector, type Progress } from './result-collector.ts';
import { PACKAGE_VERSION, REPO_ROOT } from './paths.ts';

export interface RunOptions {
  adapter: AdapterSpec;
  eras: EraId[];
  shard?: string;
  grep?: string;
  expectations?: ExpectationSet;
  /** Spec files or folders to run (default: all of spec/). */
  files?: string[];
  /** Globs of spec files relative to the repository; the default is every spec file under spec/. */
  include?: string[];
  /** Per-test timeout in ms (default 30 s). */
  testTimeout?: number;
  onProgress?: (era: EraId, progress: Progress) => void;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Vitest matches a pattern against the test's names joined by spaces; our
 * titles join them with ' > ', so a title copied from a report matches too.
 */
export function namePattern(grep: string): RegExp {
  return new RegExp(grep.split(' > ').map(escapeRegExp).join('(?: > | )'));
}

async function runEra(options: RunOptions, adapter: AdapterSpec, era: EraId, workDir: string): Promise<Run> {
  const expectations = options.expectations ?? NO_EXPECTATIONS;
  const context: RunContext = { adapter, era, expectations, workDir, root: REPO_ROOT };
  const collector = new ResultCollector(REPO_ROOT, expectations, (p) => options.onProgress?.(era, p));
  const implementation = await createAdapter(adapter).describe();
  const startedAt = new Date();
  const previousExitCode = process.exitCode;
  const vitest = await startVitest(
    'test',
    options.files ?? [],
    {
      config: false,
      root: REPO_ROOT,
      include: options.include ?? ['spec/**/*.spec.ts'],
      watch: false,
      reporters: [collector],
      provide: { conformance: context },
      pool: 'forks',
      isolate: true,
      testTimeout: options.testTimeout ?? 30_000,
      // Failure messages and expected/actual values are kept whole in the report.
      chaiConfig: { truncateThreshold: 0 },
      hookTimeout: 60_000,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.grep ? { testNamePattern: namePattern(options.grep) } : {}),
    },
    { logLevel: 'error' },
  );
  await vitest.close();
  // Our exit code depends on expectations, not on vitest's view of failures.
  process.exitCode = previousExitCode;
  const results = options.grep
    ? collector.records.filter((r) => r.id.includes(options.grep!) || r.status !== 'SKIP')
    : collector.records;
  results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    info: {
      adapter: adapterLabel(options.adapter),
      implementation,
      era,
      platform: { os: process.platform, arch: process.arch, node: process.version },
      suiteVersion: PACKAGE_VERSION,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.grep ? { grep: options.grep } : {}),
      expectations: expectations.source,
      contractVersion: CONTRACT_VERSION,
    },
    results,
  };
}

export async function runSuite(options: RunOptions): Promise<Report> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'session-conformance-'));
  // Set-up the adapter needs for the whole run (an agent pool for remote:).
  const prepared = await prepareRun(options.adapter, workDir);
  try {
    const runs: Run[] = [];
    for (const era of options.eras) runs.push(await runEra(options, prepared.spec, era, workDir));
    return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), runs };
  } finally {
    await prepared.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
