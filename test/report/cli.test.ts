// The report commands through the CLI: `run` with every reporter and the
// re-run line a report prints as real processes; merge, diff and
// update-expectations through the same entry point in process (faster: the
// CLI's start-up costs seconds), with their exit codes and output.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../harness/cli/main.ts';
import { parseExpectations } from '../../harness/expectations/expectations.ts';
import { validateReport, type Report } from '../../harness/report/model.ts';
import { CONTRACT_VERSION } from '../../harness/api/contract.ts';
import { rerunCommand } from '../../harness/report/rerun.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { record, report, run } from './sample-report.ts';

const SPEC = 'spec/session/from-partition.spec.ts';
let dir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/session-conformance.js', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
    timeout: 120_000,
  });
}

async function inProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  try {
    const status = await main(args);
    return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

function readReport(file: string): Report {
  return validateReport(JSON.parse(readFileSync(file, 'utf8')));
}

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run --reporter', () => {
  let out: ReturnType<typeof cli>;
  beforeAll(() => {
    out = cli(
      [
        'run',
        '--era',
        'legacy',
        '--reports',
        path.join(dir, 'run'),
        '--reporter',
        'json,junit',
        '--reporter',
        'html',
        '--reporter',
        'markdown',
        SPEC,
      ],
      {
        GITHUB_STEP_SUMMARY: path.join(dir, 'step-summary.md'),
      },
    );
  });

  it('writes every reporter it is asked for and exits 0 without unexpected results', () => {
    expect(out.status, out.stdout + out.stderr).toBe(0);
    for (const file of ['report.json', 'junit.xml', 'report.html', 'summary.md'])
      expect(existsSync(path.join(dir, 'run', file)), file).toBe(true);
    // Readable as any file Node writes is (CI artefacts, a web server), not private like profile data.
    const probe = write('mode-probe', '');
    for (const file of ['report.json', 'junit.xml', 'report.html', 'summary.md'])
      expect(statSync(path.join(dir, 'run', file)).mode & 0o777, file).toBe(statSync(probe).mode & 0o777);
    expect(out.stdout).toMatch(/wrote .*report\.json, .*junit\.xml, .*report\.html, .*summary\.md/);
    expect(out.stdout).toMatch(
      /\[legacy\] files 1\/1 · tests \d+ · unexpected 0 · \d+s · spec\/session\/from-partition\.spec\.ts/,
    );
    expect(readFileSync(path.join(dir, 'run', 'summary.md'), 'utf8')).toMatch(/✅ no unexpected results/);
    expect(readFileSync(path.join(dir, 'step-summary.md'), 'utf8')).toMatch(/^## session-conformance: ✅/);
    expect(readReport(path.join(dir, 'run', 'report.json')).runs[0]!.info.contractVersion).toBe(CONTRACT_VERSION);
  });

  it('prints a re-run line that runs exactly that test again', () => {
    const first = readReport(path.join(dir, 'run', 'report.json'));
    // A title with quotes in it, so the shell quoting is exercised too.
    const target = first.runs[0]!.results.find((r) => r.status === 'PASS' && r.title.includes("'"))!;
    expect(target, 'a passing test whose title has a quote').toBeDefined();
    const line = rerunCommand(first.runs[0]!.info, target).replace(
      /^npx session-conformance /,
      `${process.execPath} bin/session-conformance.js `,
    );
    const again = spawnSync('sh', ['-c', `${line} --reports ${path.join(dir, 'rerun')} --reporter json`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      timeout: 120_000,
    });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    const rerun = readReport(path.join(dir, 'rerun', 'report.json'));
    expect(rerun.runs[0]!.results.map((r) => [r.id, r.status])).toEqual([[target.id, 'PASS']]);
  });

  it('refuses an unknown reporter', async () => {
    const bad = await inProcess(['run', '--reporter', 'json,xml', SPEC]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown reporter "xml" \(use json, junit, html, markdown\)/);
  });
});

describe('merge', () => {
  it('writes one report with the runs of all inputs, shards joined', async () => {
    const a = write('a.json', report(run('current', [record(`${SPEC} > x`)], { shard: '1/2' })));
    const b = write(
      'b.json',
      report(run('current', [record(`${SPEC} > y`)], { shard: '2/2' }), run('legacy', [record(`${SPEC} > x`)])),
    );
    const out = await inProcess(['merge', a, b, '--out', path.join(dir, 'merged')]);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    const merged = readReport(path.join(dir, 'merged', 'report.json'));
    expect(merged.runs.map((r) => [r.info.era, r.results.length])).toEqual([
      ['current', 2],
      ['legacy', 1],
    ]);
    expect(readFileSync(path.join(dir, 'merged', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(out.stdout).toMatch(/merged 2 report\(s\) into 2 run\(s\)/);
  });

  it('names a file that is not a report', async () => {
    const out = await inProcess(['merge', write('nope.json', { hello: 1 })]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/nope\.json: not a session-conformance\/report document/);
  });
});

describe('diff', () => {
  const before = report(run('current', [record(`${SPEC} > a`), record(`${SPEC} > b`, { status: 'FAIL', expected: false })]));
  const after = report(run('current', [record(`${SPEC} > a`, { status: 'CRASH', expected: false }), record(`${SPEC} > b`)]));

  it('exits 1 when something regressed and lists it', async () => {
    const out = await inProcess(['diff', write('before.json', before), write('after.json', after)]);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/REGRESSED +PASS -> CRASH +spec\/session\/from-partition\.spec\.ts > a/);
    expect(out.stdout).toMatch(/IMPROVED +FAIL -> PASS/);
  });

  it('exits 0 without regressions, and speaks JSON when asked', async () => {
    const out = await inProcess(['diff', write('after2.json', after), write('before2.json', after), '--json']);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).entries).toEqual([]);
  });

  it('needs exactly two reports', async () => {
    expect((await inProcess(['diff', write('only.json', after)])).status).toBe(2);
  });
});

describe('update-expectations', () => {
  const results = report(
    run('current', [
      record(`${SPEC} > broken`, { status: 'FAIL', expected: false, message: 'Error: nope' }),
      record(`${SPEC} > fine`),
    ]),
  );

  it('writes the expectation file, and --dry-run does not', async () => {
    const file = path.join(dir, 'expectations.yaml');
    const dry = await inProcess(['update-expectations', write('results.json', results), '--expectations', file, '--dry-run']);
    expect(dry.status, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/added +- -> FAIL +spec\/session\/from-partition\.spec\.ts > broken/);
    expect(existsSync(file)).toBe(false);
    const real = await inProcess(['update-expectations', path.join(dir, 'results.json'), '--expectations', file]);
    expect(real.status, real.stdout + real.stderr).toBe(0);
    const set = parseExpectations(readFileSync(file, 'utf8'), file);
    expect(set.entries).toEqual([{ file: SPEC, title: 'broken', expected: ['FAIL'], reason: 'observed FAIL: Error: nope' }]);
    // A file of the user's project, with the mode of any file Node writes.
    expect(statSync(file).mode & 0o777).toBe(statSync(write('mode-probe', '')).mode & 0o777);
    expect((await inProcess(['update-expectations', path.join(dir, 'results.json'), '--expectations', file])).stdout).toMatch(
      /is up to date/,
    );
  });

  it('asks which adapter when the reports hold several', async () => {
    const mixed = write('mixed.json', report(run('current', []), run('current', [], { adapter: 'remote:x' })));
    const out = await inProcess(['update-expectations', mixed, '--expectations', path.join(dir, 'never.yaml')]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/several adapters \(reference, remote:x\); pick one with --adapter/);
  });
});
