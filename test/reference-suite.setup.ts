// The whole conformance suite runs twice per `npm test`, through the CLI as
// the README does: in-process against the reference (checked by
// test/harness/suite.test.ts) and through `remote:` with the bundled Node
// agent (compared with it by test/protocol/remote-suite.test.ts). They run
// here, one after the other, in the background while the other test files
// run; a test that needs a run's result waits for it (suiteRun below). One
// at a time: two whole runs beside the test files would starve the specs
// that wait on timers of CPU on a two-core machine. This is the global setup
// of the `suite` project (test/vitest.config.ts), which holds only those two
// test files: vitest runs it only when one of them is to run.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../harness/runner/paths.ts';

export interface CliRun {
  status: number | null;
  output: string;
  /** Where a run wrote report.json. */
  reports?: string;
}

/** The two runs of the whole suite; `remote` goes through `remote:node harness/agent/reference-agent.mjs`. */
export type SuiteRunName = 'reference' | 'remote';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Per run: the folder its reports go to; `cli-run.json` appears there when the CLI has exited. */
    suiteRuns: Record<SuiteRunName, string>;
  }
}

const SUITE_RUNS: Record<SuiteRunName, string[]> = {
  reference: ['run', '--era', 'all'],
  // The two ends of the era range: the protocol path is the same for every
  // era, and the eras between differ only in reference code the in-process
  // run already checks; three more whole runs would add minutes of CPU.
  remote: ['run', '--adapter', 'remote:node harness/agent/reference-agent.mjs', '--era', 'legacy,current'],
};

/** Runs the CLI in a child process (a `run` writes its report to `reports`); resolves when it exits. */
export function runCli(args: string[], reports?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/session-conformance.js', ...args, ...(reports ? ['--reports', reports] : [])], {
      cwd: REPO_ROOT,
      // One worker per core: the other test files run beside these runs
      // (a run on its own takes two per core, harness/runner/vitest-run.ts).
      env: { SESSION_CONFORMANCE_WORKERS: String(Math.max(2, os.availableParallelism())), ...process.env, CI: 'true' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (status) => resolve({ status, output, ...(reports ? { reports } : {}) }));
  });
}

const DONE = 'cli-run.json';

/** Waits for a run of the whole suite started by the setup and returns how the CLI ended. */
export async function suiteRun(name: SuiteRunName, timeoutMs = 900_000): Promise<CliRun> {
  const reports = inject('suiteRuns')[name];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return { ...(JSON.parse(readFileSync(path.join(reports, DONE), 'utf8')) as CliRun), reports };
    } catch {
      if (Date.now() > deadline) throw new Error(`the ${name} run of the suite did not finish within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suite-reports-'));
  const folders = { reference: path.join(dir, 'reference'), remote: path.join(dir, 'remote') };
  project.provide('suiteRuns', folders);
  const runs = (async () => {
    for (const name of Object.keys(SUITE_RUNS) as SuiteRunName[]) {
      const reports = folders[name];
      mkdirSync(reports, { recursive: true });
      const run = await runCli(SUITE_RUNS[name], reports);
      // Written whole, then renamed: a waiting test never reads half a file.
      writeFileSync(path.join(reports, `${DONE}.tmp`), JSON.stringify(run));
      renameSync(path.join(reports, `${DONE}.tmp`), path.join(reports, DONE));
    }
  })();
  return async () => {
    await runs;
    await rm(dir, { recursive: true, force: true });
  };
}
