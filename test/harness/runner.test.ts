// The runner end to end on fixture specs: every status, era gating,
// capability gating, expectations (known, stale, disabled) and the verdict;
// worker processes shared by files and eras, and a process of its own for a
// file that asks for one.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExpectations } from '../../harness/expectations/expectations.ts';
import { unexpectedResults, type Report, type TestRecord } from '../../harness/report/model.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';

const FIXTURES = 'test/fixtures/harness-specs';

// One run of the fixture specs in both eras serves every test below.
let both: Report;
beforeAll(async () => {
  both = await runSuite({
    adapter: { kind: 'reference' },
    eras: ['legacy', 'current'],
    include: [`${FIXTURES}/*.spec.ts`],
    expectations: loadExpectations(path.join(REPO_ROOT, FIXTURES, 'expectations.yaml')),
    testTimeout: 1_000,
  });
});

/** The report of one era's run. */
function run(era: 'legacy' | 'current'): Report {
  return { ...both, runs: both.runs.filter((r) => r.info.era === era) };
}

function byTitle(report: Report): Map<string, TestRecord> {
  return new Map(report.runs[0]!.results.map((r) => [r.title, r]));
}

describe('runner on fixture specs', () => {
  it('classifies every outcome and judges it against the expectations', () => {
    const report = run('current');
    const results = byTitle(report);
    const status = (title: string) => [results.get(title)?.status, results.get(title)?.expected];
    expect(status('statuses > passes')).toEqual(['PASS', true]);
    expect(status('statuses > fails an assertion')).toEqual(['FAIL', false]);
    expect(status('statuses > throws from the implementation')).toEqual(['FAIL', false]);
    expect(status('statuses > uses an undeclared driver capability')).toEqual(['ERROR', false]);
    expect(results.get('statuses > uses an undeclared driver capability')?.message).toMatch(/does not declare/);
    // Each era's run of a file is a module of its own (`?era=`); reports name the file.
    expect(results.get('statuses > fails an assertion')?.stack).toMatch(/statuses\.spec\.ts:\d+:\d+/);
    expect(report.runs[0]!.results.some((r) => `${r.stack}${r.message}`.includes('?era='))).toBe(false);
    expect(status('statuses > times out')).toEqual(['TIMEOUT', false]);
    expect(status('statuses > is expected to fail')).toEqual(['FAIL', true]);
    expect(status('statuses > is expected to fail but passes')).toEqual(['PASS', false]);
    expect(results.get('statuses > is expected to fail but passes')?.stale).toBe(true);
    expect(status('statuses > is disabled')).toEqual(['SKIP', true]);
    expect(status('statuses > is skipped by the spec')).toEqual(['SKIP', true]);
    expect(status('statuses > applies from e12 only')).toEqual(['PASS', true]);
    expect(status('opens a page')).toEqual(['NOT_APPLICABLE', true]);
    expect(results.get('opens a page')?.message).toMatch(/lacks renderer/);
    expect(status('sees the current era')).toEqual(['PASS', true]);
    expect(
      unexpectedResults(report)
        .map((u) => u.record.title)
        .sort(),
    ).toEqual([
      'statuses > fails an assertion',
      'statuses > is expected to fail but passes',
      'statuses > throws from the implementation',
      'statuses > times out',
      'statuses > uses an undeclared driver capability',
    ]);
    const run0 = report.runs[0]!;
    expect(run0.info.era).toBe('current');
    expect(run0.info.adapter).toBe('reference');
    expect(run0.results.every((r) => r.id === `${r.file} > ${r.title}`)).toBe(true);
  });

  it('reports specs and tests outside the era as NOT_APPLICABLE, never as passes', () => {
    expect(both.runs.map((r) => r.info.era)).toEqual(['legacy', 'current']);
    const results = byTitle(run('legacy'));
    expect(results.get('sees the current era')?.status).toBe('NOT_APPLICABLE');
    expect(results.get('statuses > applies from e12 only')?.status).toBe('NOT_APPLICABLE');
    expect(results.get('statuses > passes')?.status).toBe('PASS');
  });
});

describe('worker processes', () => {
  it('serve several spec files and eras, and a file whose metadata says isolate gets a process of its own', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'isolation-'));
    const log = path.join(dir, 'log');
    process.env.ISOLATION_LOG = log;
    try {
      const report = await runSuite({
        adapter: { kind: 'reference' },
        eras: ['legacy', 'e9', 'current'],
        include: ['test/fixtures/isolation-specs/*.spec.ts'],
      });
      expect(report.runs.map((r) => r.results.map((x) => [x.file.split('/').pop(), x.status]))).toEqual(
        report.runs.map(() => [
          ['own-process.spec.ts', 'PASS'],
          ['shared-one.spec.ts', 'PASS'],
          ['shared-two.spec.ts', 'PASS'],
        ]),
      );
      const lines = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' '));
      expect(lines).toHaveLength(9);
      const pidsOf = (name: string) => lines.filter(([file]) => file === name).map(([, , pid]) => pid);
      const shared = [...pidsOf('shared-one'), ...pidsOf('shared-two')];
      const own = pidsOf('own-process');
      // Six runs of shared files on at most as many workers as the pool has: processes are reused.
      expect(new Set(shared).size).toBeLessThan(shared.length);
      // Each run of the isolated file had a process no other run used.
      expect(new Set(own).size).toBe(3);
      for (const pid of own) expect(shared).not.toContain(pid);
      expect(lines.filter(([, era]) => era === 'e9')).toHaveLength(3);
    } finally {
      delete process.env.ISOLATION_LOG;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a worker that dies', () => {
  it('reports each test it never reported as CRASH: a killed or out-of-memory worker is never silent', async () => {
    const report = await runSuite({
      adapter: { kind: 'reference' },
      eras: ['current'],
      include: ['test/fixtures/crash-specs/*.spec.ts'],
    });
    const results = report.runs[0]!.results;
    const byTitle = new Map(results.map((r) => [r.title, r]));
    expect(byTitle.get('worker-dies > is never reached')?.status).toBe('CRASH');
    expect(byTitle.get('worker-dies > kills its worker')?.status).toBe('CRASH');
    expect(byTitle.get('worker-dies > kills its worker')?.message).toMatch(/worker process died/);
    // Results the worker had not yet sent are lost with it; none may read as a pass.
    expect(results.filter((r) => r.status === 'PASS').length).toBeLessThanOrEqual(1);
    expect(unexpectedResults(report).length).toBeGreaterThanOrEqual(2);
  });
});
