// report.json: the one artefact every reporter reads. A report holds one or
// more runs (adapter x era x platform); each run holds one record per test.
// JUnit, HTML, markdown and diffs are pure functions of this.

import type { Status } from '../api/status.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import type { ImplementationInfo } from '../api/target.ts';
import type { Basis, Level } from '../api/spec-meta.ts';

export const REPORT_SCHEMA = 'session-conformance/report';
export const REPORT_SCHEMA_VERSION = 1;

export interface RunInfo {
  adapter: string;
  implementation: ImplementationInfo;
  era: EraId;
  platform: { os: string; arch: string; node: string };
  suiteVersion: string;
  startedAt: string;
  durationMs: number;
  shard?: string;
  grep?: string;
  expectations?: string | null;
  /** The interpretation contract the run followed (docs/INTERPRETING.md). */
  contractVersion?: number;
}

export interface TestRecord {
  /** `<spec path> > <full title>`: stable across runs, the key for diffs and expectations. */
  id: string;
  file: string;
  title: string;
  /** The spec's area: the folder under spec/. */
  area: string;
  members: string[];
  level?: Level;
  basis?: Basis;
  status: Status;
  expected: boolean;
  intermittent?: boolean;
  /** An expectation says this fails but it passed. */
  stale?: boolean;
  /** Why: failure message, NOT_APPLICABLE or SKIP reason, expectation reason. */
  message?: string;
  stack?: string;
  /** The failed assertion's values, printed whole (expected, then what the implementation gave). */
  assertion?: { expected: string; actual: string };
  expectedStatuses?: Status[];
  durationMs: number;
  /** fast-check replay seed and path when a property failed. */
  seed?: string;
  /** What the fixture servers logged while the test ran, one line per request or event. */
  traffic?: string[];
  /** What an out-of-process agent wrote (stdout and stderr) while the test ran. */
  agentOutput?: string;
}

export interface Run {
  info: RunInfo;
  results: TestRecord[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  runs: Run[];
}

export type StatusCounts = Record<Status, number>;

export function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, ERROR: 0, TIMEOUT: 0, CRASH: 0, SKIP: 0, NOT_APPLICABLE: 0 };
}

export function countStatuses(records: readonly TestRecord[]): StatusCounts {
  const counts = emptyCounts();
  for (const r of records) counts[r.status]++;
  return counts;
}

export function unexpectedResults(report: Report): { run: Run; record: TestRecord }[] {
  return report.runs.flatMap((run) => run.results.filter((r) => !r.expected).map((record) => ({ run, record })));
}

export function staleExpectations(report: Report): { run: Run; record: TestRecord }[] {
  return report.runs.flatMap((run) => run.results.filter((r) => r.stale).map((record) => ({ run, record })));
}

/** What makes two runs one column of a matrix: adapter, implementation, era and platform. */
export function runKey(info: RunInfo): string {
  const { adapter, implementation, era, platform } = info;
  return [adapter, implementation.name, implementation.version, era, platform.os, platform.arch].join(' · ');
}

function shardsOf(info: RunInfo): string[] {
  return info.shard ? info.shard.split('+') : [];
}

/** Folds the run of another shard into `into` (same key, disjoint shards). */
function combineShard(into: Run, shard: Run): void {
  const start = Math.min(Date.parse(into.info.startedAt), Date.parse(shard.info.startedAt));
  const end = Math.max(
    Date.parse(into.info.startedAt) + into.info.durationMs,
    Date.parse(shard.info.startedAt) + shard.info.durationMs,
  );
  into.info.startedAt = new Date(start).toISOString();
  into.info.durationMs = end - start;
  const shards = [...shardsOf(into.info), ...shardsOf(shard.info)];
  into.info.shard = shards.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10)).join('+');
  const seen = new Set(into.results.map((r) => r.id));
  into.results = [...into.results, ...shard.results.filter((r) => !seen.has(r.id))].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * One report from many: every run becomes a column, except that shards of the
 * same run (same key, same grep, different --shard) are joined back into one.
 */
export function mergeReports(reports: readonly Report[]): Report {
  const runs: Run[] = [];
  for (const run of reports.flatMap((r) => r.runs)) {
    const twin = run.info.shard
      ? runs.find(
          (r) =>
            runKey(r.info) === runKey(run.info) &&
            r.info.grep === run.info.grep &&
            shardsOf(r.info).length > 0 &&
            !shardsOf(r.info).some((s) => shardsOf(run.info).includes(s)),
        )
      : undefined;
    const copy: Run = { info: { ...run.info }, results: [...run.results] };
    if (twin) combineShard(twin, copy);
    else runs.push(copy);
  }
  return { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), runs };
}

export function validateReport(value: unknown): Report {
  const report = value as Partial<Report>;
  if (report?.schema !== REPORT_SCHEMA) throw new Error(`not a ${REPORT_SCHEMA} document`);
  if (report.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new Error(`report schema version ${String(report.schemaVersion)} is not ${REPORT_SCHEMA_VERSION}`);
  }
  if (!Array.isArray(report.runs)) throw new Error('report has no runs');
  return report as Report;
}
