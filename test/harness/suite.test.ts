// The main job, as the README runs it: the whole suite against the bundled
// reference in every era, through the CLI, must have no unexpected result and
// write a well-formed report.json. The run itself happens once, in
// test/reference-suite.setup.ts, for every test that needs it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { countStatuses, validateReport } from '../../harness/report/model.ts';

describe('the conformance suite against the reference', () => {
  it('passes in every era with no unexpected result and writes report.json', () => {
    const cli = inject('referenceSuite');
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
  }, 600_000);
});
