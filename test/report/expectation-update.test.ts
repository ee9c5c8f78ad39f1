// update-expectations: new failures get entries, passing ones are pruned,
// intermittents and disabled entries are kept, comments survive, and the
// result makes the same runs fully expected.

import { describe, expect, it } from 'vitest';
import { findExpectation, judge, parseExpectations } from '../../harness/expectations/expectations.ts';
import { statusList, updateExpectations } from '../../harness/report/expectation-update.ts';
import type { Report } from '../../harness/report/model.ts';
import { record, report, run } from './sample-report.ts';

const F = 'spec/session/a.spec.ts';
const G = 'spec/proxy/b.spec.ts';

const EXISTING = `# Known failures of the sample implementation.
${F}:
  # flaky on slow machines
  "group > flaky":
    expected: [TIMEOUT, PASS]
    reason: slow disk
  "group > fixed now":
    expected: FAIL
    reason: was broken
  "group > hangs":
    disabled: hangs the agent
  "group > removed from the spec":
    expected: FAIL
    reason: old
${G}:
  "not run this time":
    expected: CRASH
    reason: kept while unobserved
`;

function allExpected(text: string, reports: Report[]): string[] {
  const set = parseExpectations(text, 'updated.yaml');
  return reports
    .flatMap((r) => r.runs.flatMap((x) => x.results))
    .filter((r) => !judge(r.status, findExpectation(set, r.file, r.title)).expected)
    .map((r) => r.id);
}

describe('statusList', () => {
  it('puts the most frequent failure first and PASS last', () => {
    expect(statusList(['PASS', 'FAIL', 'TIMEOUT', 'FAIL', 'NOT_APPLICABLE'])).toEqual(['FAIL', 'TIMEOUT', 'PASS']);
    expect(statusList(['SKIP', 'NOT_APPLICABLE'])).toEqual([]);
  });
});

describe('updateExpectations', () => {
  const reports = [
    report(
      run('legacy', [
        record(`${F} > group > flaky`, { status: 'PASS' }),
        record(`${F} > group > fixed now`, { status: 'PASS', expected: false, stale: true }),
        record(`${F} > group > hangs`, { status: 'SKIP' }),
        record(`${F} > group > new failure`, {
          status: 'FAIL',
          expected: false,
          message: 'AssertionError: expected 1 to be 2\n    at x',
        }),
        record(`${F} > group > era dependent`, { status: 'FAIL', expected: false, message: 'TypeError: nope' }),
      ]),
      run('current', [
        record(`${F} > group > flaky`, { status: 'CRASH', expected: false }),
        record(`${F} > group > era dependent`, { status: 'PASS' }),
      ]),
    ),
  ];
  const { text, changes } = updateExpectations(EXISTING, 'sample.yaml', reports);
  const set = parseExpectations(text, 'sample.yaml');
  const entry = (file: string, title: string) => findExpectation(set, file, title);

  it('adds failures, listing PASS as well when the test passed elsewhere', () => {
    expect(entry(F, 'group > new failure')).toMatchObject({
      expected: ['FAIL'],
      reason: 'observed FAIL: AssertionError: expected 1 to be 2',
    });
    expect(entry(F, 'group > era dependent')?.expected).toEqual(['FAIL', 'PASS']);
  });

  it('prunes an expectation whose test passes now, and one whose test is gone', () => {
    expect(entry(F, 'group > fixed now')).toBeUndefined();
    expect(entry(F, 'group > removed from the spec')).toBeUndefined();
    expect(
      changes
        .filter((c) => c.change === 'removed')
        .map((c) => c.title)
        .sort(),
    ).toEqual(['group > fixed now', 'group > removed from the spec']);
  });

  it('keeps intermittent statuses and adds the new one', () => {
    expect(entry(F, 'group > flaky')).toMatchObject({ expected: ['TIMEOUT', 'PASS', 'CRASH'], reason: 'slow disk' });
  });

  it('leaves disabled entries and entries of unobserved files alone, with their comments', () => {
    expect(entry(F, 'group > hangs')?.disabled).toBe('hangs the agent');
    expect(entry(G, 'not run this time')?.expected).toEqual(['CRASH']);
    expect(text).toMatch(/^# Known failures of the sample implementation\./);
    expect(text).toMatch(/# flaky on slow machines/);
  });

  it('makes every result of the runs it read expected', () => {
    expect(allExpected(EXISTING, reports).length).toBeGreaterThan(0);
    expect(allExpected(text, reports)).toEqual([]);
  });

  it('is idempotent', () => {
    const again = updateExpectations(text, 'sample.yaml', reports);
    expect(again.changes).toEqual([]);
    expect(again.text).toBe(text);
  });

  it('writes a new file when there is none, and an empty mapping when nothing fails', () => {
    const fresh = updateExpectations(null, 'new.yaml', reports);
    expect(
      parseExpectations(fresh.text, 'new.yaml')
        .entries.map((e) => e.title)
        .sort(),
    ).toEqual(['group > era dependent', 'group > flaky', 'group > new failure']);
    expect(fresh.text).toMatch(/^# Known failures/);
    const clean = updateExpectations(null, 'new.yaml', [report(run('current', [record(`${F} > ok`)]))]);
    expect(clean.text).toBe('{}\n');
  });

  it('does not prune tests a filtered run did not run', () => {
    const filtered = [report(run('current', [record(`${F} > group > flaky`, { status: 'TIMEOUT' })], { grep: 'flaky' }))];
    const result = updateExpectations(EXISTING, 'sample.yaml', filtered);
    expect(result.changes.filter((c) => c.title === 'group > removed from the spec')).toEqual([]);
  });
});
