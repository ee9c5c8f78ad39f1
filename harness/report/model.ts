// report.json: the one artefact every reporter reads. A report holds one or
// more runs (adapter x era x platform); each run holds one record per test.
// JUnit, HTML, markdown and diffs are pure functions of this.

import type { Status } from '../api/status.ts';
import type { EraId } from '../eras/eras.ts';
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
  expectedStatuses?: Status[];
  durationMs: number;
  /** fast-check replay seed and path when a property failed. */
  seed?: string;
  /** What an out-of-process implementation wrote to stdout/stderr during the test. */
  output?: string;
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

export function mergeReports(reports: readonly Report[]): Report {
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    runs: reports.flatMap((r) => r.runs),
  };
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
