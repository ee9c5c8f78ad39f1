// A markdown summary for CI step summaries (GitHub's $GITHUB_STEP_SUMMARY and
// the like): the verdict, statuses per run, passes per area and run, then the
// unexpected results and stale expectations that need someone's attention.

import { STATUSES, type Status } from '../api/status.ts';
import { buildMatrix, type Cell } from './matrix.ts';
import { countStatuses, staleExpectations, unexpectedResults, type Report, type Run } from './model.ts';
import { firstLine, markdownCell } from './text.ts';

/** At most this many unexpected results are listed; the rest are counted. */
const MAX_LISTED = 50;

const HEADINGS: Record<Status, string> = {
  PASS: 'pass',
  FAIL: 'fail',
  ERROR: 'error',
  TIMEOUT: 'timeout',
  CRASH: 'crash',
  SKIP: 'skip',
  NOT_APPLICABLE: 'n/a',
};

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(cells: string[], numericFrom = 1): string {
  return `${row(cells)}\n${row(cells.map((_, i) => (i >= numericFrom ? '---:' : '---')))}`;
}

export function runLabel(run: Run, withAdapter: boolean): string {
  const { info } = run;
  return [
    withAdapter ? info.adapter : '',
    info.era,
    `${info.platform.os}-${info.platform.arch}`,
    info.shard ? `shard ${info.shard}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function cellText(cell: Cell): string {
  if (cell.state === 'empty') return '';
  if (cell.state === 'na') return 'n/a';
  const mark = cell.unexpected ? ' ❌' : cell.bad ? ' (expected failures)' : '';
  return `${cell.passes}/${cell.total}${mark}`;
}

export function renderMarkdown(report: Report): string {
  const withAdapter = new Set(report.runs.map((r) => r.info.adapter)).size > 1;
  const unexpected = unexpectedResults(report);
  const stale = staleExpectations(report);
  const out: string[] = [];
  out.push(
    `## session-conformance: ${unexpected.length ? `❌ ${unexpected.length} unexpected result${unexpected.length === 1 ? '' : 's'}` : '✅ no unexpected results'}`,
  );

  out.push('', header(['run', 'implementation', ...STATUSES.map((s) => HEADINGS[s]), 'unexpected', 'time'], 2));
  for (const run of report.runs) {
    const counts = countStatuses(run.results);
    out.push(
      row([
        markdownCell(runLabel(run, true)),
        markdownCell(`${run.info.implementation.name} ${run.info.implementation.version}`),
        ...STATUSES.map((s) => String(counts[s])),
        String(run.results.filter((r) => !r.expected).length),
        `${(run.info.durationMs / 1000).toFixed(1)}s`,
      ]),
    );
  }

  const matrix = buildMatrix(report);
  if (matrix.areas.length) {
    out.push('', '### Passes per area (passed / applicable)', '');
    out.push(header(['area', ...report.runs.map((r) => markdownCell(runLabel(r, withAdapter)))]));
    for (const area of matrix.areas) out.push(row([markdownCell(area.area), ...area.total.cells.map(cellText)]));
    out.push(row(['**total**', ...matrix.totals.map((c) => `**${cellText(c)}**`)]));
  }

  if (unexpected.length) {
    out.push('', '### Unexpected results', '', header(['run', 'status', 'test', 'message'], 9));
    for (const { run, record } of unexpected.slice(0, MAX_LISTED)) {
      const status = record.stale ? `${record.status} (stale expectation)` : record.status;
      out.push(
        row([markdownCell(runLabel(run, withAdapter)), status, markdownCell(record.id), markdownCell(firstLine(record.message))]),
      );
    }
    if (unexpected.length > MAX_LISTED)
      out.push('', `…and ${unexpected.length - MAX_LISTED} more (see report.html or junit.xml).`);
  }

  if (stale.length) {
    out.push('', '### Stale expectations', '', 'These pass now; `session-conformance update-expectations` prunes them.', '');
    for (const { run, record } of stale) out.push(`- ${markdownCell(record.id)} (${markdownCell(runLabel(run, withAdapter))})`);
  }
  return `${out.join('\n')}\n`;
}
