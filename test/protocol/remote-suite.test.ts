// The proof that the out-of-process path is the in-process path: the whole
// suite through `remote:` (the bundled Node agent in child processes) gives
// every test id the status it has in-process, in the oldest and the newest
// era (test/reference-suite.setup.ts says why not all five); and the Electron
// agent, with `electron` resolved to the reference and every message checked
// against the schemas, does the same on spec files that exercise its own
// code: synchronous listeners, relaunch and crash restarts, errors, era shape,
// schemes registered before ready.
// (Schema checks cost a compile per spec file, so the big run goes without.)

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateReport, type Report } from '../../harness/report/model.ts';
import { runCli, suiteRun } from '../reference-suite.setup.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function readReport(dir: string): Report {
  return validateReport(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')));
}

/** `era > id -> status` of every test in a report, for the spec files given (all by default). */
function statuses(report: Report, files?: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const run of report.runs) {
    for (const r of run.results) if (!files || files.includes(r.file)) out.set(`${run.info.era} > ${r.id}`, r.status);
  }
  return out;
}

function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const ids = new Set([...expected.keys(), ...actual.keys()]);
  return [...ids]
    .filter((id) => expected.get(id) !== actual.get(id))
    .map((id) => `${id}: in-process ${expected.get(id)}, remote ${actual.get(id)}`);
}

/** A run through `adapter` with every message checked against the schemas. */
async function remoteRun(adapter: string, extra: string[]): Promise<Report> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'remote-suite-'));
  dirs.push(dir);
  const cli = await runCli(['run', '--adapter', adapter, '--validate-protocol', ...extra], dir);
  expect(cli.status, cli.output).toBe(0);
  return readReport(dir);
}

describe('the suite through an agent process', () => {
  const reference = async () => readReport((await suiteRun('reference')).reports!);

  it('gives every test the in-process status in the first and last era through remote: and the bundled Node agent', async () => {
    // Both whole runs are started by test/reference-suite.setup.ts.
    const cli = await suiteRun('remote');
    expect(cli.status, cli.output).toBe(0);
    const remote = readReport(cli.reports!);
    expect(remote.runs.map((r) => r.info.adapter)).toEqual(
      remote.runs.map(() => 'remote:node harness/agent/reference-agent.mjs'),
    );
    expect(remote.runs.map((r) => r.info.era)).toEqual(['legacy', 'current']);
    const inProcess = await reference();
    const expected = statuses({
      ...inProcess,
      runs: inProcess.runs.filter((r) => r.info.era === 'legacy' || r.info.era === 'current'),
    });
    expect(expected.size).toBeGreaterThan(100);
    expect(differences(expected, statuses(remote))).toEqual([]);
  }, 900_000);

  it('gives the same statuses through the Electron agent with electron resolved to the reference (legacy era)', async () => {
    const files = [
      'spec/infrastructure/protocol-callbacks.spec.ts',
      'spec/app/session-created.spec.ts',
      'spec/session/flush-storage-data.spec.ts',
      'spec/session/from-partition.spec.ts',
      'spec/infrastructure/era-shape.spec.ts',
      'spec/cookies/standard-scheme.spec.ts',
    ];
    const electron = await remoteRun('remote:node harness/agent/electron-stand-in.mjs', ['--era', 'legacy', ...files]);
    expect(electron.runs[0]!.info.implementation.name).toBe('session-conformance reference (as electron)');
    const whole = await reference();
    const legacy: Report = { ...whole, runs: whole.runs.filter((r) => r.info.era === 'legacy') };
    const expected = statuses(legacy, files);
    expect([...expected.values()].filter((s) => s === 'PASS').length).toBeGreaterThan(20);
    expect(differences(expected, statuses(electron))).toEqual([]);
  }, 900_000);
});
