// `coverage`: documented members with and without specs, per era.

import { parseArgs } from 'node:util';
import { ERA_IDS } from '../../../contract/eras/eras.ts';
import { formatCoverage } from '../../report/console.ts';
import { computeCoverage, loadPending } from '../../runner/coverage.ts';
import { listSpecFiles } from '../../runner/spec-files.ts';
import { parseEras } from '../options.ts';
import type { Command } from './command.ts';

function coverage(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { era: { type: 'string' } } });
  const coverage = computeCoverage(listSpecFiles(), loadPending(), parseEras(values.era, [...ERA_IDS]));
  console.log(formatCoverage(coverage));
  const broken = coverage.eras.some((e) => e.missing.length) || coverage.stalePending.length || coverage.unknownMembers.length;
  return broken ? 1 : 0;
}


export const coverageCommand: Command = {
  name: 'coverage',
  usage: 'coverage   members specced per era                     [--era <id>|all]',
  run: coverage,
};
