// Runs the whole conformance suite in-process against the reference once per
// `npm test`, through the CLI as the README does, for the tests that check it
// (test/harness/suite.test.ts) and compare other adapters with it
// (test/protocol/remote-suite.test.ts).

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../harness/runner/paths.ts';

export interface CliRun {
  status: number | null;
  output: string;
  /** Where a run wrote report.json. */
  reports?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    referenceSuite: CliRun;
  }
}

/** Runs the CLI in a child process (a `run` writes its report to `reports`); resolves when it exits. */
export function runCli(args: string[], reports?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/session-conformance.js', ...args, ...(reports ? ['--reports', reports] : [])], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (status) => resolve({ status, output, ...(reports ? { reports } : {}) }));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reports = await mkdtemp(path.join(os.tmpdir(), 'suite-reports-'));
  project.provide('referenceSuite', await runCli(['run', '--era', 'all'], reports));
  return () => rm(reports, { recursive: true, force: true });
}
