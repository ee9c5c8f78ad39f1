// report.html: one self-contained page (styles, script and data inline; a
// Content-Security-Policy forbids loading anything at view time) built from a
// report and the suite's static catalog. The matrix and the coverage table are
// rendered here, so they read without scripts, with the count of each status
// per run; html/client.js adds filters (a text filter among them), collapsing,
// the per-test detail from the embedded data and a link (#test=...) to each test.

import { readFileSync } from 'node:fs';
import { ERA_IDS, eraInfo, type EraId } from '../../contract/eras/eras.ts';
import { STATUSES } from '../api/status.ts';
import type { SuiteCatalog } from './catalog.ts';
import { buildMatrix, CELL_STATES, type Cell, type CellState, type Column, type MatrixRow } from './matrix.ts';
import { unexpectedResults, type Report, type TestRecord } from './model.ts';
import { rerunCommand } from './rerun.ts';
import { escapeXml as esc } from './text.ts';

const STYLE = readFileSync(new URL('./html/style.css', import.meta.url), 'utf8');
const CLIENT = readFileSync(new URL('./html/client.js', import.meta.url), 'utf8');

const STATE_LABELS: Record<CellState, string> = {
  crash: 'crash',
  timeout: 'timeout',
  error: 'error',
  fail: 'fail',
  stale: 'stale expectation (passes now)',
  'expected-fail': 'expected failure',
  skip: 'skipped',
  pass: 'pass',
  na: 'not applicable',
  empty: 'no tests',
};

/** What the page's script needs: per run, its records (with the re-run line) and per row and run, which records. */
export interface HtmlData {
  runs: { label: string; adapter: string; era: string; implementation: string; platform: string }[];
  records: (TestRecord & { rerun: string })[][];
  /** rowKey -> per column, indexes into records[column]. */
  cells: Record<string, number[][]>;
  rows: Record<string, string>;
  specs: SuiteCatalog['specs'];
}

/** A run's name in the detail panel: adapter, era, platform, shard. */
function columnLabel(c: Column): string {
  return [c.adapter, c.era, c.platform.split(' · ')[0], c.shard ? `shard ${c.shard}` : ''].filter(Boolean).join(' · ');
}

function cellHtml(cell: Cell, rowKey: string, rowLabel: string, col: number, column: Column): string {
  const text = cell.state === 'empty' ? '' : cell.state === 'na' ? 'n/a' : `${cell.passes}/${cell.total}`;
  const what =
    cell.state === 'empty'
      ? 'no tests'
      : `${cell.passes} of ${cell.total} applicable passed${cell.count > cell.total ? `, ${cell.count - cell.total} not applicable` : ''}; worst: ${STATE_LABELS[cell.state]}`;
  const label = `${rowLabel} in ${column.adapter} ${column.era}: ${what}`;
  const interactive = cell.state === 'empty' ? '' : ` tabindex="0" role="button"`;
  return `<td class="cell s-${cell.state}" data-col="${col}" data-row="${esc(rowKey)}" data-era="${esc(column.era)}" data-bad="${cell.bad}" data-unexpected="${cell.unexpected}" data-passes="${cell.passes}" data-total="${cell.total}" title="${esc(label)}" aria-label="${esc(label)}"${interactive}>${text}</td>`;
}

function rowHtml(
  row: MatrixRow,
  columns: Column[],
  kind: 'member-row' | 'area-row' | 'total-row',
  catalog: SuiteCatalog | undefined,
): string {
  let head: string;
  if (kind === 'area-row') {
    head = `<th scope="rowgroup"><button type="button" class="toggle" aria-expanded="true">${esc(row.label)}</button></th>`;
  } else if (row.member !== undefined) {
    const member = catalog?.members.find((m) => m.name === row.member);
    const signature = member ? Object.values(member.signatures).at(-1) : undefined;
    head = `<th scope="row"${signature ? ` title="${esc(signature)}"` : ''}>${esc(row.label)}</th>`;
  } else if (row.file !== undefined) {
    head = `<th scope="row" title="${esc(row.file)}">${esc(row.file.split('/').pop()!)}</th>`;
  } else {
    head = `<th scope="row">${esc(row.label)}</th>`;
  }
  const rowKind = row.member !== undefined ? ' data-kind="member"' : row.file !== undefined ? ' data-kind="file"' : '';
  return `<tr class="${kind}" data-row="${esc(row.key)}"${rowKind}>${head}${row.cells.map((c, i) => cellHtml(c, row.key, row.label, i, columns[i]!)).join('')}</tr>`;
}

function coverageHtml(catalog: SuiteCatalog): string {
  const specced = (name: string, era: EraId) =>
    catalog.members.find((m) => m.name === name)!.specs.filter((f) => catalog.specs[f]!.erasApplied.includes(era));
  const head = `<tr><th scope="col">member</th>${ERA_IDS.map((e) => `<th scope="col">${e}<br><small>Electron ${esc(eraInfo(e).electron)}</small></th>`).join('')}</tr>`;
  const rows = catalog.members.map((m) => {
    const cells = ERA_IDS.map((era) => {
      if (!m.eras.includes(era)) return `<td class="cov-none" title="not documented in ${era}">–</td>`;
      const files = specced(m.name, era);
      if (files.length) return `<td class="cov-specced" title="${esc(files.join('\n'))}">✓ ${files.length}</td>`;
      if (m.pending !== undefined) return `<td class="cov-pending" title="${esc(m.pending)}">pending</td>`;
      return `<td class="cov-missing">missing</td>`;
    });
    const doc = m.doc.url ? `<a href="${esc(m.doc.url)}" rel="noreferrer">${esc(m.name)}</a>` : esc(m.name);
    return `<tr><th scope="row">${doc}</th>${cells.join('')}</tr>`;
  });
  const totals = ERA_IDS.map((era) => {
    const documented = catalog.members.filter((m) => m.eras.includes(era));
    const count = documented.filter((m) => specced(m.name, era).length).length;
    return `<td class="cov-total" data-era="${era}">${count}/${documented.length}</td>`;
  });
  return `<table class="coverage" id="coverage-table"><thead>${head}</thead><tbody><tr class="total-row"><th scope="row">specced / documented</th>${totals.join('')}</tr>${rows.join('')}</tbody></table>`;
}

/** Each run's count of every status, rendered as a table: runs down, statuses across. */
function statusCountsHtml(report: Report, columns: Column[]): string {
  const head = `<tr><th scope="col">run</th>${STATUSES.map((s) => `<th scope="col">${s}</th>`).join('')}<th scope="col">total</th></tr>`;
  const rows = report.runs.map((run, i) => {
    const counts = STATUSES.map((status) => run.results.filter((r) => r.status === status).length);
    const cells = counts.map(
      (n, j) => `<td class="${n ? `count s-${STATUSES[j]!.toLowerCase().replace('not_applicable', 'na')}` : 'count'}">${n}</td>`,
    );
    return `<tr><th scope="row">${esc(columnLabel(columns[i]!))}</th>${cells.join('')}<td class="count">${run.results.length}</td></tr>`;
  });
  return `<table class="status-counts" id="status-counts"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function legendHtml(): string {
  return `<ul class="legend">${CELL_STATES.filter((s) => s !== 'empty')
    .map((s) => `<li><span class="swatch s-${s}"></span>${esc(STATE_LABELS[s])}</li>`)
    .join('')}</ul>`;
}

function embed(data: HtmlData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderHtml(report: Report, catalog?: SuiteCatalog): string {
  const matrix = buildMatrix(report, catalog);
  const unexpected = unexpectedResults(report).length;
  const eras = ERA_IDS.filter((e) => matrix.columns.some((c) => c.era === e));
  const areas = matrix.areas.map((a) => a.area);

  const data: HtmlData = {
    runs: matrix.columns.map((c) => ({
      label: columnLabel(c),
      adapter: c.adapter,
      era: c.era,
      implementation: c.implementation,
      platform: c.platform,
    })),
    records: report.runs.map((run) => run.results.map((r) => ({ ...r, rerun: rerunCommand(run.info, r) }))),
    cells: { '*': matrix.totals.map((c) => c.records) },
    rows: { '*': 'all tests' },
    specs: catalog?.specs ?? {},
  };
  for (const area of matrix.areas) {
    data.cells[area.total.key] = area.total.cells.map((c) => c.records);
    data.rows[area.total.key] = `area ${area.area}`;
    for (const row of area.rows) {
      data.cells[row.key] = row.cells.map((c) => c.records);
      data.rows[row.key] = row.label;
    }
  }

  // Column heads show what differs between runs; what all share is said once above the table.
  const fields = ['adapter', 'implementation', 'platform', 'shard'] as const;
  const varies = (f: (typeof fields)[number]) => new Set(matrix.columns.map((c) => c[f] ?? '')).size > 1;
  const varying = fields.filter(varies);
  const common = fields
    .filter((f) => !varying.includes(f))
    .map((f) => matrix.columns[0]?.[f])
    .filter((v): v is string => Boolean(v));
  const colHeads = matrix.columns
    .map(
      (c, i) =>
        `<th scope="col" class="run" data-col="${i}" data-era="${esc(c.era)}"><strong>${esc(c.era)}</strong>${varying
          .map((f) => (c[f] ? `<small>${f === 'shard' ? 'shard ' : ''}${esc(c[f]!)}</small>` : ''))
          .join('')}</th>`,
    )
    .join('');
  const totalRow = rowHtml(
    { key: '*', label: 'all tests', area: '', cells: matrix.totals },
    matrix.columns,
    'total-row',
    catalog,
  );
  const bodies = matrix.areas
    .map(
      (a) =>
        `<tbody class="area" data-area="${esc(a.area)}">${rowHtml({ ...a.total, key: a.total.key }, matrix.columns, 'area-row', catalog)}${a.rows.map((r) => rowHtml(r, matrix.columns, 'member-row', catalog)).join('')}</tbody>`,
    )
    .join('');
  const verdict = unexpected
    ? `<p class="verdict bad" id="verdict">${unexpected} unexpected result${unexpected === 1 ? '' : 's'}</p>`
    : `<p class="verdict good" id="verdict">no unexpected results</p>`;
  const contracts = [
    ...new Set(report.runs.map((r) => (r.info.contractVersion === undefined ? 'unknown' : `v${r.info.contractVersion}`))),
  ];
  const contract =
    contracts.length > 1 ? `runs followed different contracts: ${contracts.join(', ')}` : `contract ${contracts[0] ?? 'unknown'}`;
  const generated = report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>session-conformance report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>session-conformance</h1>
${verdict}
<p class="meta">${report.runs.length} run${report.runs.length === 1 ? '' : 's'} · ${report.runs.reduce((n, r) => n + r.results.length, 0)} results · generated ${esc(generated)} · <span id="contract">interpretation ${esc(contract)}</span>${catalog ? ` · ${Object.keys(catalog.specs).length} spec files` : ''}</p>
${report.runs.length ? statusCountsHtml(report, matrix.columns) : ''}
</header>
<nav class="tabs" role="tablist">
<button type="button" role="tab" data-tab="matrix" aria-selected="true">Results</button>
${catalog ? '<button type="button" role="tab" data-tab="coverage" aria-selected="false">Coverage</button>' : ''}
</nav>
<main>
<section class="tab-panel" id="matrix-tab">
<form class="filters" id="filters">
<label>text <input type="search" id="f-text" placeholder="test, member or message" size="28"></label>
<label><input type="checkbox" id="f-failures"> failures only</label>
<label><input type="checkbox" id="f-unexpected"> unexpected only</label>
<label>era <select id="f-era"><option value="">all</option>${eras.map((e) => `<option>${e}</option>`).join('')}</select></label>
<label>area <select id="f-area"><option value="">all</option>${areas.map((a) => `<option>${esc(a)}</option>`).join('')}</select></label>
<button type="button" id="expand-all">expand all</button>
<button type="button" id="collapse-all">collapse all</button>
</form>
${legendHtml()}
${common.length ? `<p class="runs-common" id="runs-common">${common.map(esc).join(' · ')}</p>` : ''}
<div class="layout">
<div class="matrix-wrap">
<table class="matrix" id="matrix">
<thead><tr><th scope="col" class="corner">area / member</th>${colHeads}</tr></thead>
<tbody class="totals">${totalRow}</tbody>
${bodies}
</table>
<p id="no-match" hidden>Nothing matches the filters.</p>
</div>
<aside id="detail" tabindex="-1" hidden aria-live="polite"></aside>
</div>
</section>
${catalog ? `<section class="tab-panel" id="coverage-tab" hidden>\n<p>Documented members per era and whether a spec applies there (hover for the spec files or the pending note).</p>\n${coverageHtml(catalog)}\n</section>` : ''}
</main>
<script type="application/json" id="report-data">${embed(data)}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}
