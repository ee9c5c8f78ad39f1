// The results matrix that report.html and the markdown summary draw: rows are
// areas and, inside them, members (or spec files that name no member);
// columns are runs. A cell counts passes over applicable tests and takes the
// state of its worst result.

import { BAD_STATUSES } from '../api/status.ts';
import { allMemberNames } from '../../contract/eras/inventory.ts';
import type { SuiteCatalog } from './catalog.ts';
import type { Report, Run, TestRecord } from './model.ts';

/**
 * Worst first. `expected-fail` is a failure an expectation lists (drawn
 * hatched); `stale` is an expected failure that passed (the expectation
 * should go); `na` is not applicable in that run (drawn grey).
 */
export const CELL_STATES = [
  'crash',
  'timeout',
  'error',
  'fail',
  'stale',
  'expected-fail',
  'skip',
  'pass',
  'na',
  'empty',
] as const;
export type CellState = (typeof CELL_STATES)[number];

export interface Cell {
  /** Results that are PASS. */
  passes: number;
  /** Results that applied (everything but NOT_APPLICABLE). */
  total: number;
  /** All results in the cell, NOT_APPLICABLE included. */
  count: number;
  /** Results with a FAIL, ERROR, TIMEOUT or CRASH status, expected or not. */
  bad: number;
  /** Results the expectations did not predict. */
  unexpected: number;
  state: CellState;
  /** Indexes into the column's run.results. */
  records: number[];
}

export interface Column {
  /** Index into report.runs. */
  run: number;
  adapter: string;
  era: string;
  platform: string;
  implementation: string;
  shard?: string;
}

export interface MatrixRow {
  /** Unique across the matrix: `area/member` or `area/file`. */
  key: string;
  label: string;
  area: string;
  member?: string;
  /** For rows of spec files that name no member. */
  file?: string;
  cells: Cell[];
}

export interface MatrixArea {
  area: string;
  /** The area's aggregate: each record once, however many members it names. */
  total: MatrixRow;
  rows: MatrixRow[];
}

export interface Matrix {
  columns: Column[];
  areas: MatrixArea[];
  /** Every record of each run once. */
  totals: Cell[];
}

export function stateOfRecord(r: TestRecord): CellState {
  if (r.stale) return 'stale';
  if (BAD_STATUSES.has(r.status)) return r.expected ? 'expected-fail' : (r.status.toLowerCase() as CellState);
  if (r.status === 'NOT_APPLICABLE') return 'na';
  if (r.status === 'SKIP') return 'skip';
  return 'pass';
}

function rank(state: CellState): number {
  return CELL_STATES.indexOf(state);
}

export function cellOf(records: readonly TestRecord[], indexes: number[]): Cell {
  const cell: Cell = { passes: 0, total: 0, count: records.length, bad: 0, unexpected: 0, state: 'empty', records: indexes };
  for (const r of records) {
    if (r.status === 'PASS') cell.passes++;
    if (r.status !== 'NOT_APPLICABLE') cell.total++;
    if (BAD_STATUSES.has(r.status)) cell.bad++;
    if (!r.expected) cell.unexpected++;
    const state = stateOfRecord(r);
    if (rank(state) < rank(cell.state)) cell.state = state;
  }
  return cell;
}

function columnOf(run: Run, index: number): Column {
  const { info } = run;
  const column: Column = {
    run: index,
    adapter: info.adapter,
    era: info.era,
    platform: `${info.platform.os}-${info.platform.arch} · node ${info.platform.node}`,
    implementation: `${info.implementation.name} ${info.implementation.version}`,
  };
  if (info.shard) column.shard = info.shard;
  return column;
}

/** The rows a record belongs to: its members, or its spec's, or its file. */
function rowKeysOf(r: TestRecord, catalog: SuiteCatalog | undefined): { key: string; member?: string; file?: string }[] {
  const members = r.members.length ? r.members : (catalog?.specs[r.file]?.members ?? []);
  if (members.length) return members.map((member) => ({ key: `${r.area}/${member}`, member }));
  return [{ key: `${r.area}/${r.file}`, file: r.file }];
}

export function buildMatrix(report: Report, catalog?: SuiteCatalog): Matrix {
  const runs = report.runs;
  const rowInfo = new Map<string, { area: string; member?: string; file?: string }>();
  const areaNames = new Set<string>();
  for (const run of runs) {
    for (const r of run.results) {
      areaNames.add(r.area);
      for (const row of rowKeysOf(r, catalog)) rowInfo.set(row.key, { area: r.area, ...row });
    }
  }
  // Members in inventory order (era order, then the documents' order), like the docs.
  const memberOrder = new Map(allMemberNames().map((name, i) => [name, i]));
  const order = (info: { member?: string; file?: string }) =>
    info.member !== undefined ? (memberOrder.get(info.member) ?? memberOrder.size) : memberOrder.size + 1;

  const rowCells = (filter: (r: TestRecord) => boolean): Cell[] =>
    runs.map((run) => {
      const indexes = run.results.flatMap((r, i) => (filter(r) ? [i] : []));
      return cellOf(
        indexes.map((i) => run.results[i]!),
        indexes,
      );
    });

  const areas = [...areaNames].sort().map((area): MatrixArea => {
    const keys = [...rowInfo.entries()].filter(([, info]) => info.area === area);
    keys.sort(([ka, a], [kb, b]) => order(a) - order(b) || (ka < kb ? -1 : ka > kb ? 1 : 0));
    const rows = keys.map(([key, info]): MatrixRow => {
      const row: MatrixRow = {
        key,
        label: info.member ?? info.file!,
        area,
        cells: rowCells((r) => r.area === area && rowKeysOf(r, catalog).some((k) => k.key === key)),
      };
      if (info.member !== undefined) row.member = info.member;
      if (info.file !== undefined) row.file = info.file;
      return row;
    });
    return { area, total: { key: area, label: area, area, cells: rowCells((r) => r.area === area) }, rows };
  });
  return { columns: runs.map(columnOf), areas, totals: rowCells(() => true) };
}
