// The command line behaves like the test runners its users know: --help on
// every command, --version, one-line usage errors with exit code 2, a run of
// no test fails unless allowed, machine-readable list and coverage, and the
// expectation file found in the working folder, per implementation.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../harness/cli/main.ts';
import { COMMANDS } from '../../harness/cli/commands/index.ts';
import { implementationSlug } from '../../harness/cli/expectations-file.ts';
import { validateReport } from '../../harness/report/model.ts';
import { PACKAGE_VERSION, REPO_ROOT } from '../../harness/runner/paths.ts';

const SPEC = 'spec/app/session-created.spec.ts';
let dir: string;

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
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

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-conventions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help and version', () => {
  it('--version prints the version', async () => {
    expect(await cli(['--version'])).toEqual({ status: 0, stdout: PACKAGE_VERSION, stderr: '' });
  });

  it('--help on every command prints that command and its options', async () => {
    for (const command of COMMANDS) {
      const out = await cli([command.name, '--help']);
      expect(out.status, command.name).toBe(0);
      expect(out.stdout).toContain(`usage: session-conformance ${command.name}`);
    }
    expect((await cli(['run', '-h'])).stdout).toMatch(/--pass-with-no-tests/);
    expect((await cli(['help', 'diff'])).stdout).toMatch(/--allow-removed/);
    expect((await cli(['list', '--help'])).stdout).toMatch(/--json/);
  });
});

describe('usage errors', () => {
  it('are one line on stderr with exit code 2, never a stack trace', async () => {
    for (const [args, said] of [
      [['run', '--shard', '0/4'], /--shard takes <index>\/<count> with 1 <= index <= count/],
      [['run', '--shard', '5/4'], /got "5\/4"/],
      [['run', '--shard', 'two'], /--shard/],
      [['run', '--era', 'e99'], /unknown era "e99"/],
      [['run', '--era', 'legacy,e99'], /unknown era "e99"/],
      [['run', '--bogus'], /Unknown option '--bogus'/],
      [['run', '--expectations', path.join(os.tmpdir(), 'no-such-expectations.yaml')], /no such file/],
      [['proxy-check', '--rules', 'http=p:80', 'not a url'], /"not a url" is not a URL/],
      // Checked before the run, not when its reports are written.
      [['run', '--reports', 'package.json', 'spec/app/'], /--reports package\.json: package\.json is not a folder/],
      [['run', '--reports', 'package.json/sub', 'spec/app/'], /package\.json is not a folder/],
      [['merge', '--out', 'README.md', 'one.json'], /--out README\.md: README\.md is not a folder/],
      [['diff', 'one.json'], /needs two report\.json files/],
      [['nonsense'], /unknown command "nonsense"/],
    ] as const) {
      const out = await cli([...args]);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr).toMatch(said);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('list --json and coverage --json', () => {
  it('list --json gives each spec file with its metadata and the eras it applies to', async () => {
    const out = await cli(['list', '--json', '--era', 'legacy']);
    expect(out.status).toBe(0);
    const specs = JSON.parse(out.stdout) as { file: string; members: string[]; appliesTo: string[] }[];
    const partition = specs.find((s) => s.file === 'spec/session/from-partition.spec.ts')!;
    expect(partition.members).toContain('session.fromPartition');
    expect(partition.appliesTo).toEqual(['legacy']);
    expect(specs.every((s) => s.appliesTo.includes('legacy'))).toBe(true);
  });

  it('coverage --json gives the counts per era and the specs of each member', async () => {
    const out = await cli(['coverage', '--json', '--era', 'current']);
    const coverage = JSON.parse(out.stdout) as {
      eras: { era: string; documented: number }[];
      specsByMember: Record<string, string[]>;
    };
    expect(coverage.eras.map((e) => e.era)).toEqual(['current']);
    expect(coverage.eras[0]!.documented).toBeGreaterThan(50);
    expect(coverage.specsByMember['session.fromPartition']).toContain('spec/session/from-partition.spec.ts');
  });
});

describe('a run that executes no test', () => {
  it('fails, unless --pass-with-no-tests', async () => {
    const args = [
      'run',
      '--era',
      'current',
      '--grep',
      'no test is called this',
      '--reports',
      path.join(dir, 'none'),
      '--reporter',
      'json',
      SPEC,
    ];
    const failed = await cli(args);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/no test ran \(no spec file or test matched\); --pass-with-no-tests makes that a success/);
    expect((await cli([...args, '--pass-with-no-tests'])).status).toBe(0);
  });
});

describe('the default expectation file', () => {
  it('is expectations/<implementation>.yaml in the working folder', () => {
    const project = path.join(dir, 'project');
    const title = "app 'session-created' > is emitted with exactly one argument, the session fromPartition returns";
    mkdirSync(path.join(project, 'expectations'), { recursive: true });
    const file = path.join(project, 'expectations', `${implementationSlug('session-conformance reference')}.yaml`);
    writeFileSync(file, `${SPEC}:\n  ${JSON.stringify(title)}:\n    expected: FAIL\n    reason: a stale expectation\n`);
    const out = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/session-conformance.js'), 'run', '--era', 'current', '--reporter', 'json', SPEC],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
        timeout: 120_000,
      },
    );
    // The listed failure passes: a stale expectation, so an unexpected result.
    expect(out.status, out.stdout + out.stderr).toBe(1);
    const report = validateReport(JSON.parse(readFileSync(path.join(project, 'reports/report.json'), 'utf8')));
    expect(report.runs[0]!.info.expectations).toBe('expectations/session-conformance-reference.yaml');
    expect(report.runs[0]!.results.find((r) => r.title === title)).toMatchObject({ status: 'PASS', stale: true });
  }, 120_000);
});
