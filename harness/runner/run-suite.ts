// Runs the spec suite through vitest and returns a Report: every era in one
// vitest run, each era a project whose workers see that era's RunContext.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startVitest } from 'vitest/node';
import { createAdapter, prepareRun } from '../adapters/index.ts';
import { CONTRACT_VERSION } from '../api/contract.ts';
import { adapterLabel, type AdapterSpec, type RunContext } from '../api/run-context.ts';
import type { EraId } from '../eras/eras.ts';
import { NO_EXPECTATIONS, type ExpectationSet } from '../expectations/expectations.ts';
import { REPORT_SCHEMA, REPORT_SCHEMA_VERSION, type Report, type Run, type RunInfo } from '../report/model.ts';
import { ResultCollector, type Progress } from './result-collector.ts';
import { REPO_ROOT } from './paths.ts';
import { isolatedSpecFiles, suiteProjects } from './suite-projects.ts';


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

/** The run of one era, from what the collector gathered. */
function eraRun(options: RunOptions, collector: ResultCollector, era: EraId, base: Omit<RunInfo, 'era' | 'startedAt' | 'durationMs'>, fallbackStart: number): Run {
  const gathered = collector.era(era);
  const records = options.grep
    ? gathered.records.filter((r) => r.id.includes(options.grep!) || r.status !== 'SKIP')
    : [...gathered.records];
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const startedAt = gathered.startedAt ?? fallbackStart;
  return {
    info: {
      ...base,
      era,
      startedAt: new Date(startedAt).toISOString(),
      // The era's own span: from its first file's start to its last file's end.
      durationMs: (gathered.endedAt ?? startedAt) - startedAt,
    },
    results: records,
  };
}

/** Every era in one vitest run: one project per era (suite-projects.ts), one pool. */
async function runEras(options: RunOptions, adapter: AdapterSpec, workDir: string): Promise<Run[]> {
  const expectations = options.expectations ?? NO_EXPECTATIONS;
  const contexts: RunContext[] = options.eras.map((era) => ({ adapter, era, expectations, workDir, root: REPO_ROOT }));
  const include = options.include ?? ['spec/**/*.spec.ts'];
  const collector = new ResultCollector(REPO_ROOT, expectations, (era, p) => options.onProgress?.(era, p));
  const implementation = await createAdapter(adapter).describe();
  const started = Date.now();
  const previousExitCode = process.exitCode;
  const projectOptions = { contexts, include, testTimeout: options.testTimeout ?? 30_000, hookTimeout: 60_000 };
  const vitest = await startVitest(
    'test',
    options.files ?? [],
    {
      config: false,
      root: REPO_ROOT,
      watch: false,
      reporters: [collector],
      projects: suiteProjects(projectOptions, isolatedSpecFiles(REPO_ROOT, include)),
      maxWorkers: workerCount(),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.grep ? { testNamePattern: namePattern(options.grep) } : {}),
    },
    { logLevel: 'error' },
  );
  await vitest.close();
  // Our exit code depends on expectations, not on vitest's view of failures.
  process.exitCode = previousExitCode;
  const base = {
    adapter: adapterLabel(options.adapter),
    implementation,
    platform: { os: process.platform, arch: process.arch, node: process.version },
    suiteVersion: await suiteVersion(),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.grep ? { grep: options.grep } : {}),
    expectations: expectations.source,
    contractVersion: CONTRACT_VERSION,
  };
  return options.eras.map((era) => eraRun(options, collector, era, base, started));
}

/**
 * Spec files wait on sockets and timers more than they compute, so two
 * workers keep even a single core busy; beyond the cores they only compete.
 */
function workerCount(): number {
  return Math.max(2, os.availableParallelism());
}

async function suiteVersion(): Promise<string> {
  const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
  return pkg.version;
}

export async function runSuite(options: RunOptions): Promise<Report> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'session-conformance-'));
  // Set-up the adapter needs for the whole run (an agent pool for remote:).
  const prepared = await prepareRun(options.adapter, workDir);
  try {
    const runs = await runEras(options, prepared.spec, workDir);
    return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), runs };
  } finally {
    await prepared.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
