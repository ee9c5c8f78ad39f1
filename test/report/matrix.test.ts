// The matrix behind report.html and the markdown summary: rows per area and
// member, passes over applicable tests, the worst state, shards merged.

import { describe, expect, it } from 'vitest';
import { buildMatrix, cellOf, stateOfRecord } from '../../harness/report/matrix.ts';
import { mergeReports } from '../../harness/report/model.ts';
import { record, report, run } from './sample-report.ts';

const A = 'spec/session/a.spec.ts';
const B = 'spec/proxy/b.spec.ts';

describe('matrix', () => {
  const sample = report(
    run('legacy', [
      record(`${A} > one`, { members: ['session.fromPartition'] }),
      record(`${A} > two`, { members: ['session.fromPartition'], status: 'NOT_APPLICABLE' }),
      record(`${B} > both`, {
        members: ['ses.setProxy', 'ses.resolveProxy'],
        status: 'FAIL',
        expected: true,
        expectedStatuses: ['FAIL'],
      }),
      record('spec/infrastructure/shape.spec.ts > has no foreign members'),
    ]),
    run('current', [
      record(`${A} > one`, { members: ['session.fromPartition'], status: 'CRASH', expected: false }),
      record(`${A} > two`, { members: ['session.fromPartition'] }),
      record(`${B} > both`, { members: ['ses.setProxy', 'ses.resolveProxy'], status: 'PASS', expected: false, stale: true }),
      record('spec/infrastructure/shape.spec.ts > has no foreign members', { status: 'SKIP' }),
    ]),
  );
  const matrix = buildMatrix(sample);
  const area = (name: string) => matrix.areas.find((a) => a.area === name)!;
  const row = (areaName: string, label: string) => area(areaName).rows.find((r) => r.label === label)!;

  it('has one column per run and areas in order', () => {
    expect(matrix.columns.map((c) => c.era)).toEqual(['legacy', 'current']);
    expect(matrix.areas.map((a) => a.area)).toEqual(['infrastructure', 'proxy', 'session']);
  });

  it('counts passes over applicable tests and keeps NOT_APPLICABLE out of the total', () => {
    const cell = row('session', 'session.fromPartition').cells[0]!;
    expect([cell.passes, cell.total, cell.count]).toEqual([1, 1, 2]);
    expect(cell.state).toBe('pass');
  });

  it('puts a record under each member it names, and once in the area total', () => {
    expect(area('proxy').rows.map((r) => r.label)).toEqual(['ses.setProxy', 'ses.resolveProxy']);
    expect(area('proxy').total.cells[0]!.count).toBe(1);
    expect(matrix.totals[0]!.count).toBe(4);
  });

  it('gives a spec without members a row of its own, labelled by file', () => {
    expect(area('infrastructure').rows.map((r) => r.file)).toEqual(['spec/infrastructure/shape.spec.ts']);
  });

  it('colours a cell by its worst result', () => {
    expect(row('proxy', 'ses.setProxy').cells[0]!.state).toBe('expected-fail');
    expect(row('proxy', 'ses.setProxy').cells[1]!.state).toBe('stale');
    expect(row('session', 'session.fromPartition').cells[1]!.state).toBe('crash');
    expect(row('infrastructure', 'spec/infrastructure/shape.spec.ts').cells[1]!.state).toBe('skip');
    expect(matrix.totals[1]!.state).toBe('crash');
    expect(matrix.totals[1]!.unexpected).toBe(2);
  });

  it('marks a cell of only NOT_APPLICABLE results grey and an empty one empty', () => {
    expect(cellOf([record('x > y', { status: 'NOT_APPLICABLE' })], [0]).state).toBe('na');
    expect(cellOf([], []).state).toBe('empty');
    expect(stateOfRecord(record('x > y', { status: 'TIMEOUT', expected: false }))).toBe('timeout');
  });
});

describe('mergeReports', () => {
  it('joins shards of one run into one column and keeps other runs apart', () => {
    const shard1 = run('current', [record(`${A} > one`)], {
      shard: '1/2',
      startedAt: '2025-01-01T00:00:00.000Z',
      durationMs: 5000,
    });
    const shard2 = run('current', [record(`${B} > both`)], {
      shard: '2/2',
      startedAt: '2025-01-01T00:00:02.000Z',
      durationMs: 1000,
    });
    const other = run('legacy', [record(`${A} > one`)], { shard: '1/2' });
    const merged = mergeReports([report(shard2, other), report(shard1)]);
    expect(merged.runs.map((r) => [r.info.era, r.info.shard])).toEqual([
      ['current', '1/2+2/2'],
      ['legacy', '1/2'],
    ]);
    expect(merged.runs[0]!.results.map((r) => r.id)).toEqual([`${B} > both`, `${A} > one`].sort());
    expect(merged.runs[0]!.info.durationMs).toBe(5000);
    expect(merged.runs[0]!.info.startedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('keeps two unsharded runs of the same column as two columns', () => {
    const merged = mergeReports([report(run('current', [])), report(run('current', []))]);
    expect(merged.runs).toHaveLength(2);
  });
});
