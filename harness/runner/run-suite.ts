// Runs the spec suite and returns a Report: one run per era, all of them
// from one vitest run (vitest-run.ts) whose workers serve every era.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Reporter } from 'vitest/node';
import { createAdapter, prepareRun } from '../adapters/index.ts';
import { CONTRACT_VERSION } from '../api/contract.ts';
import { adapterLabel, type AdapterSpec } from '../api/run-context.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { NO_EXPECTATIONS, type ExpectationSet } from '../expectations/expectations.ts';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type Run, type RunInfo } from '../report/model.ts';
import { ResultCollector, type Progress } from './result-collector.ts';
import { PACKAGE_VERSION, REPO_ROOT } from './paths.ts';
import { runSpecFiles } from './vitest-run.ts';

export { namePattern } from './grep-index.ts';

export interface RunOptions {
  adapter: AdapterSpec;
  eras: EraId[];
  shard?: string;
  grep?: string;
  /** `grep` is a test's whole title (`describe > test`), not a part of one. */
  exact?: boolean;
  expectations?: ExpectationSet;
  /** Spec files or folders to run (default: all of spec/). */
  files?: string[];
  /** Globs of spec files relative to the repository; the default is every spec file under spec/. */
  include?: string[];
  /** Per-test timeout in ms (default 30 s). */
  testTimeout?: number;
  onProgress?: (era: EraId, progress: Progress) => void;
  /** More vitest reporters, e.g. the benchmark's (bench/suite/). */
  reporters?: Reporter[];
}

/** The run of one era, from what the collector gathered. */
function eraRun(
  options: RunOptions,
  collector: ResultCollector,
  era: EraId,
  base: Omit<RunInfo, 'era' | 'startedAt' | 'durationMs'>,
  fallbackStart: number,
): Run {
  const gathered = collector.era(era);
  const records = options.grep
    ? gathered.records.filter(
        (r) => (options.exact ? r.title === options.grep : r.id.includes(options.grep!)) || r.status !== 'SKIP',
      )
    : [...gathered.records];
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const startedAt = gathered.startedAt ?? fallbackStart;
  const { adapter, implementation, platform, suiteVersion, ...rest } = base;
  return {
    info: {
      adapter,
      implementation,
      era,
      platform,
      suiteVersion,
      startedAt: new Date(startedAt).toISOString(),
      // The era's own span, from its first file's start to its last file's end;
      // eras share the workers, so their spans overlap.
      durationMs: (gathered.endedAt ?? startedAt) - startedAt,
      ...rest,
    },
    results: records,
  };
}

export async function runSuite(options: RunOptions): Promise<Report> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'session-conformance-'));
  // Set-up the adapter needs for the whole run (an agent pool for remote:).
  const prepared = await prepareRun(options.adapter, workDir);
  try {
    const expectations = options.expectations ?? NO_EXPECTATIONS;
    const collector = new ResultCollector(REPO_ROOT, expectations, (era, p) => options.onProgress?.(era, p));
    const implementation = await createAdapter(prepared.spec).describe();
    const started = Date.now();
    const previousExitCode = process.exitCode;
    await runSpecFiles({
      context: { adapter: prepared.spec, expectations, workDir, root: REPO_ROOT },
      eras: options.eras,
      include: options.include ?? ['spec/**/*.spec.ts'],
      filters: options.files ?? [],
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.grep ? { grep: options.grep, exact: !!options.exact } : {}),
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      reporters: [collector, ...(options.reporters ?? [])],
    });
    // Our exit code depends on expectations, not on vitest's view of failures.
    process.exitCode = previousExitCode;
    const base = {
      adapter: adapterLabel(options.adapter),
      implementation,
      platform: { os: process.platform, arch: process.arch, node: process.version },
      suiteVersion: PACKAGE_VERSION,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.grep ? { grep: options.grep } : {}),
      expectations: expectations.source,
      contractVersion: CONTRACT_VERSION,
    };
    const runs = options.eras.map((era) => eraRun(options, collector, era, base, started));
    return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), runs };
  } finally {
    await prepared.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
