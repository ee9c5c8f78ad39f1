// `coverage`: documented members with and without specs, per era; `--json`
// for tools (the same numbers, and which spec files cover each member).

import { parseArgs } from 'node:util';
import { ERA_IDS } from '../../../contract/eras/eras.ts';
import { formatCoverage } from '../../report/console.ts';
import { computeCoverage, type CoverageResult, loadPending } from '../../runner/coverage.ts';
import { listSpecFiles } from '../../runner/spec-files.ts';
import { parseEras } from '../options.ts';
import type { Command } from './command.ts';

export function coverageJson(coverage: CoverageResult): unknown {
  return {
    eras: coverage.eras,
    stalePending: coverage.stalePending,
    unknownMembers: coverage.unknownMembers,
    specsByMember: Object.fromEntries([...coverage.specsByMember].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function coverage(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const coverage = computeCoverage(listSpecFiles(), loadPending(), parseEras(values.era, [...ERA_IDS]));
  console.log(values.json ? JSON.stringify(coverageJson(coverage), null, 2) : formatCoverage(coverage));
  const broken = coverage.eras.some((e) => e.missing.length) || coverage.stalePending.length || coverage.unknownMembers.length;
  return broken ? 1 : 0;
}

export const coverageCommand: Command = {
  name: 'coverage',
  usage: `coverage   members specced per era (exit 1 when a member has neither spec nor pending note)
             --era <id>|all             eras to count (default: all)
             --json                     machine-readable output`,
  run: coverage,
};
