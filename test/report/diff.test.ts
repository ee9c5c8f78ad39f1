// `diff`: pairing runs, and what counts as improved, regressed, added, removed.

import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../harness/api/status.ts';
import { classifyChange, diffReports, formatDiff, regressions } from '../../harness/report/diff.ts';
import { record, report, run } from './sample-report.ts';

const F = 'spec/session/a.spec.ts';

describe('classifyChange', () => {
  it('orders failures by severity and treats SKIP and NOT_APPLICABLE as neutral', () => {
    expect(classifyChange('FAIL', 'PASS')).toBe('improved');
    expect(classifyChange('CRASH', 'FAIL')).toBe('improved');
    expect(classifyChange('PASS', 'TIMEOUT')).toBe('regressed');
    expect(classifyChange('FAIL', 'ERROR')).toBe('regressed');
    expect(classifyChange('PASS', 'NOT_APPLICABLE')).toBe('changed');
    expect(classifyChange('FAIL', 'SKIP')).toBe('changed');
    for (const s of STATUSES) expect(classifyChange(s, s)).toBeUndefined();
  });
});

describe('diffReports', () => {
  const before = report(
    run('current', [
      record(`${F} > fixed`, { status: 'FAIL', expected: false }),
      record(`${F} > broke`),
      record(`${F} > same`),
      record(`${F} > gone`),
    ]),
    run('legacy', [record(`${F} > legacy only`)]),
  );
  const after = report(
    run(
      'current',
      [
        record(`${F} > fixed`),
        record(`${F} > broke`, { status: 'TIMEOUT', expected: false, message: 'Test timed out' }),
        record(`${F} > same`),
        record(`${F} > new`),
      ],
      // Another version, started by another command line (another CI workspace): still the same column.
      {
        adapter: 'remote:node /ci/ws-2/agent.mjs',
        implementation: { name: 'sample', version: '2.0.0', language: 'TypeScript', eras: ['current'], platform: 'linux' },
      },
    ),
  );
  const diff = diffReports(before, after);

  it("pairs runs by implementation name and era, not by its version or the adapter's command line", () => {
    const current = diff.runs.find((r) => r.run.includes('current'))!;
    expect(current.only).toBeUndefined();
    expect(current.counts).toEqual({ regressed: 1, improved: 1, added: 1, removed: 1, changed: 0 });
    expect(current.unchanged).toBe(1);
    expect(diff.runs.find((r) => r.run.includes('legacy'))!.only).toBe('before');
  });

  it('lists regressions first with their message', () => {
    expect(diff.entries[0]).toMatchObject({
      change: 'regressed',
      id: `${F} > broke`,
      before: 'PASS',
      after: 'TIMEOUT',
      message: 'Test timed out',
    });
    expect(diff.entries.map((e) => e.change)).toEqual(['regressed', 'improved', 'added', 'removed', 'removed']);
  });

  it('prints a summary per run and one line per change, not every test of an unpaired run', () => {
    const text = formatDiff(diff);
    expect(text).toMatch(/sample · current: 1 regressed, 1 improved, 1 added, 1 removed, 0 changed, 1 unchanged/);
    expect(text).toMatch(/REGRESSED +PASS -> TIMEOUT +spec\/session\/a\.spec\.ts > broke/);
    expect(text).toMatch(/only in the before report/);
    expect(text).not.toMatch(/legacy only/);
  });

  it('counts removed tests as regressions unless removals are allowed', () => {
    const ids = regressions(diff).map((e) => `${e.change} ${e.id}`);
    expect(ids).toEqual([`regressed ${F} > broke`, `removed ${F} > gone`, `removed ${F} > legacy only`]);
    expect(regressions(diff, { allowRemoved: true }).map((e) => e.id)).toEqual([`${F} > broke`]);
  });

  it('tells runs of one implementation and era apart by platform', () => {
    const mac = { platform: { os: 'darwin', arch: 'arm64', node: 'v20.0.0' } };
    const two = (status: 'PASS' | 'FAIL') =>
      report(
        run('current', [record(`${F} > x`)]),
        run('current', [record(`${F} > x`, { status, expected: status === 'PASS' })], mac),
      );
    const diff = diffReports(two('PASS'), two('FAIL'));
    expect(diff.runs.map((r) => r.run)).toEqual(['sample · current · linux-x64', 'sample · current · darwin-arm64']);
    expect(diff.entries).toMatchObject([{ run: 'sample · current · darwin-arm64', change: 'regressed' }]);
  });

  it('says so when nothing changed', () => {
    expect(formatDiff(diffReports(after, after))).toMatch(/no differences/);
  });
});
