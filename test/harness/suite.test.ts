// The main job, as the README runs it: the whole suite against the bundled
// reference in every era, through the CLI, must have no unexpected result and
// write a well-formed report.json.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../harness/eras/eras.ts';
import { countStatuses, validateReport } from '../../harness/report/model.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

describe('the conformance suite against the reference', () => {
  it('passes in every era with no unexpected result and writes report.json', { timeout: 900_000 }, () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'suite-reports-'));
    const cli = spawnSync(process.execPath, ['bin/session-conformance.js', 'run', '--era', 'all', '--reports', reports], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      timeout: 880_000,
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/no unexpected results/);
    expect(cli.stdout).toMatch(/coverage \(specced \/ documented\)/);
    const report = validateReport(JSON.parse(readFileSync(path.join(reports, 'report.json'), 'utf8')));
    expect(report.runs.map((r) => r.info.era)).toEqual([...ERA_IDS]);
    for (const run of report.runs) {
      const counts = countStatuses(run.results);
      expect(counts.PASS, run.info.era).toBeGreaterThan(0);
      expect(counts.FAIL + counts.ERROR + counts.TIMEOUT + counts.CRASH, run.info.era).toBe(0);
      expect(run.results.every((r) => r.members.length > 0 || r.file.startsWith('spec/infrastructure/'))).toBe(true);
    }
  });
});
