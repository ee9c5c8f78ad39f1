// Plain-text views of a report and of coverage for the terminal: a summary
// per run and area, the unexpected results, stale expectations.

import { STATUSES, type Status } from '../api/status.ts';
import type { CoverageResult } from '../runner/coverage.ts';
import { countStatuses, type Report } from './model.ts';

const SHORT: Record<Status, string> = {
  PASS: 'pass',
  FAIL: 'fail',
  ERROR: 'error',
  TIMEOUT: 'timeout',
  CRASH: 'crash',
  SKIP: 'skip',
  NOT_APPLICABLE: 'n/a',
};

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

export function formatSummary(report: Report): string {
  const out: string[] = [];
  for (const run of report.runs) {
    const { info, results } = run;
    out.push(
      `\n${info.adapter} · era ${info.era} · ${info.implementation.name} ${info.implementation.version} · ${(info.durationMs / 1000).toFixed(1)}s`,
    );
    const areas = [...new Set(results.map((r) => r.area))].sort();
    const header = ['area', ...STATUSES.map((s) => SHORT[s]), 'unexpected'];
    const rows = areas.map((area) => {
      const inArea = results.filter((r) => r.area === area);
      const counts = countStatuses(inArea);
      return [area, ...STATUSES.map((s) => String(counts[s])), String(inArea.filter((r) => !r.expected).length)];
    });
    const total = countStatuses(results);
    rows.push(['total', ...STATUSES.map((s) => String(total[s])), String(results.filter((r) => !r.expected).length)]);
    out.push(table([header, ...rows]));
    for (const r of results.filter((x) => !x.expected)) out.push(`  UNEXPECTED ${r.status} ${r.id}\n    ${r.message ?? ''}`);
    for (const r of results.filter((x) => x.stale)) out.push(`  STALE expectation (now passes): ${r.id}`);
  }
  return out.join('\n');
}

export function formatCoverage(coverage: CoverageResult, detail = true): string {
  const rows = [['era', 'specced', 'documented', 'pending', 'missing']];
  for (const e of coverage.eras)
    rows.push([e.era, String(e.specced), String(e.documented), String(e.pending), String(e.missing.length)]);
  const lines = [table(rows)];
  if (!detail) return lines[0]!;
  for (const e of coverage.eras) if (e.missing.length) lines.push(`  ${e.era}: no spec for ${e.missing.join(', ')}`);
  if (coverage.stalePending.length) lines.push(`  pending but specced: ${coverage.stalePending.join(', ')}`);
  if (coverage.unknownMembers.length) lines.push(`  not documented in a claimed era: ${coverage.unknownMembers.join('; ')}`);
  return lines.join('\n');
}
