// The main job, as the README runs it: the whole suite against the bundled
// reference in every era, through the CLI, must have no unexpected result and
// write a well-formed report.json. The run itself happens once, started by
// test/reference-suite.setup.ts, for every test that needs it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { countStatuses, validateReport, type Report } from '../../harness/report/model.ts';
import { staticTitles } from '../../harness/runner/grep-index.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { suiteRun, type CliRun } from '../reference-suite.setup.ts';

let cli: CliRun;
beforeAll(async () => {
  cli = await suiteRun('reference');
}, 900_000);

function referenceReport(): Report {
  return validateReport(JSON.parse(readFileSync(path.join(cli.reports!, 'report.json'), 'utf8')));
}

describe('the conformance suite against the reference', () => {
  it('passes in every era with no unexpected result and writes report.json', () => {
    expect(cli.status, cli.output).toBe(0);
    expect(cli.output).toMatch(/no unexpected results/);
    expect(cli.output).toMatch(/coverage \(specced \/ documented\)/);
    const report = validateReport(JSON.parse(readFileSync(path.join(cli.reports!, 'report.json'), 'utf8')));
    expect(report.runs.map((r) => r.info.era)).toEqual([...ERA_IDS]);
    for (const run of report.runs) {
      const counts = countStatuses(run.results);
      expect(counts.PASS, run.info.era).toBeGreaterThan(0);
      expect(counts.FAIL + counts.ERROR + counts.TIMEOUT + counts.CRASH, run.info.era).toBe(0);
      expect(run.results.every((r) => r.members.length > 0 || r.file.startsWith('spec/infrastructure/'))).toBe(true);
    }
    // As long as the CLI itself may take: the suite grows with every area.
  }, 900_000);
});

describe('the static title index behind --grep', () => {
  it('knows exactly the tests each spec file it can read has in the run', () => {
    const run = referenceReport().runs.find((r) => r.info.era === 'current')!;
    const recorded = new Map<string, string[]>();
    for (const r of run.results) recorded.set(r.file, [...(recorded.get(r.file) ?? []), r.title]);
    let known = 0;
    for (const [file, titles] of recorded) {
      const full = path.join(REPO_ROOT, file);
      const index = staticTitles(full, readFileSync(full, 'utf8'), REPO_ROOT);
      if (!index) continue;
      known++;
      expect(index.map((names) => names.join(' > ')).sort(), file).toEqual([...titles].sort());
    }
    expect(known).toBeGreaterThan(recorded.size / 2);
  });
});
