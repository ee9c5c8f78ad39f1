// Compares two reports test by test, the way wpt.fyi compares runs: runs are
// paired by implementation name and era (not by its version, which is usually
// what changed, nor by the adapter's command line, whose paths differ between
// CI workspaces), and each test is added, removed, improved, regressed or
// otherwise changed. A test that disappeared counts as a regression unless the
// caller allows removals: a crash that drops a spec file must not pass as clean.

import { BAD_STATUSES, SEVERITY, type Status } from '../api/status.ts';
import { mergeReports, type Report, type RunInfo, type TestRecord } from './model.ts';

export const CHANGES = ['regressed', 'improved', 'added', 'removed', 'changed'] as const;
export type Change = (typeof CHANGES)[number];

export interface DiffEntry {
  run: string;
  id: string;
  change: Change;
  before?: Status;
  after?: Status;
  /** The after (or, for removed tests, the before) message. */
  message?: string;
}

export interface RunDiff {
  run: string;
  /** Present in one report only: every test of it counts as added or removed. */
  only?: 'before' | 'after';
  counts: Record<Change, number>;
  unchanged: number;
}

export interface ReportDiff {
  runs: RunDiff[];
  entries: DiffEntry[];
}

/** The pairing key: the same implementation in the same era, whichever version ran and however it was started. */
export function diffKey(info: RunInfo): string {
  return `${info.implementation.name} · ${info.era}`;
}

/**
 * A failure that becomes a pass, or a less severe failure, improved; the
 * reverse regressed. Moves to or from SKIP and NOT_APPLICABLE say nothing
 * about quality and are only `changed`.
 */
export function classifyChange(before: Status, after: Status): Change | undefined {
  if (before === after) return undefined;
  const wasBad = BAD_STATUSES.has(before);
  const isBad = BAD_STATUSES.has(after);
  if (wasBad && after === 'PASS') return 'improved';
  if (before === 'PASS' && isBad) return 'regressed';
  if (wasBad && isBad) return SEVERITY[after] < SEVERITY[before] ? 'improved' : 'regressed';
  return 'changed';
}

function emptyCounts(): Record<Change, number> {
  return { regressed: 0, improved: 0, added: 0, removed: 0, changed: 0 };
}

function keyed(report: Report): Map<string, Map<string, TestRecord>> {
  const runs = new Map<string, Map<string, TestRecord>>();
  // Shards of one run are joined first, so a sharded run compares as a whole.
  const merged = mergeReports([report]).runs;
  const keys = merged.map((run) => diffKey(run.info));
  for (const [i, run] of merged.entries()) {
    // Runs of one implementation and era on several platforms are told apart by platform.
    const unique = keys.indexOf(keys[i]!) === keys.lastIndexOf(keys[i]!);
    const base = unique ? keys[i]! : `${keys[i]} · ${run.info.platform.os}-${run.info.platform.arch}`;
    let key = base;
    for (let n = 2; runs.has(key); n++) key = `${base} #${n}`;
    runs.set(key, new Map(run.results.map((r) => [r.id, r])));
  }
  return runs;
}

export function diffReports(before: Report, after: Report): ReportDiff {
  const a = keyed(before);
  const b = keyed(after);
  const runs: RunDiff[] = [];
  const entries: DiffEntry[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])]) {
    const old = a.get(key) ?? new Map<string, TestRecord>();
    const now = b.get(key) ?? new Map<string, TestRecord>();
    const summary: RunDiff = { run: key, counts: emptyCounts(), unchanged: 0 };
    if (!a.has(key)) summary.only = 'after';
    if (!b.has(key)) summary.only = 'before';
    const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
    for (const id of ids) {
      const x = old.get(id);
      const y = now.get(id);
      const change: Change | undefined = !x ? 'added' : !y ? 'removed' : classifyChange(x.status, y.status);
      if (!change) {
        summary.unchanged++;
        continue;
      }
      summary.counts[change]++;
      const entry: DiffEntry = { run: key, id, change };
      if (x) entry.before = x.status;
      if (y) entry.after = y.status;
      const message = (y ?? x)!.message;
      if (message) entry.message = message;
      entries.push(entry);
    }
    runs.push(summary);
  }
  entries.sort(
    (p, q) =>
      CHANGES.indexOf(p.change) - CHANGES.indexOf(q.change) ||
      (p.run < q.run ? -1 : p.run > q.run ? 1 : 0) ||
      (p.id < q.id ? -1 : 1),
  );
  return { runs, entries };
}

export interface RegressionOptions {
  /** Tests present before and gone after are not regressions (a spec was deleted on purpose). */
  allowRemoved?: boolean;
}

/** What gates CI: regressed tests, and removed ones unless allowed. */
export function regressions(diff: ReportDiff, options: RegressionOptions = {}): DiffEntry[] {
  return diff.entries.filter((e) => e.change === 'regressed' || (e.change === 'removed' && !options.allowRemoved));
}

export function formatDiff(diff: ReportDiff): string {
  const lines: string[] = [];
  for (const run of diff.runs) {
    const only = run.only ? ` (only in the ${run.only} report)` : '';
    lines.push(`${run.run}${only}: ${CHANGES.map((c) => `${run.counts[c]} ${c}`).join(', ')}, ${run.unchanged} unchanged`);
  }
  const partial = new Set(diff.runs.filter((r) => r.only).map((r) => r.run));
  for (const e of diff.entries) {
    // A run only one report has is summarised above, not listed test by test.
    if (partial.has(e.run)) continue;
    const statuses = `${e.before ?? '-'} -> ${e.after ?? '-'}`;
    lines.push(`  ${e.change.toUpperCase().padEnd(9)} ${statuses.padEnd(26)} ${e.id}  [${e.run}]`);
  }
  if (!diff.entries.length) lines.push('no differences');
  return lines.join('\n');
}
