// The commands of the CLI. An area adds its command here.

import type { Command } from './command.ts';
import { coverageCommand } from './coverage.ts';
import { diffCommand } from './diff.ts';
import { listCommand } from './list.ts';
import { proxyCheckCommand } from './proxy-check.ts';
import { mergeCommand } from './merge.ts';
import { runCommand } from './run.ts';
import { smokeCommand } from './smoke.ts';
import { updateExpectationsCommand } from './update-expectations.ts';

export const COMMANDS: readonly Command[] = [
  runCommand,
  listCommand,
  coverageCommand,
  smokeCommand,
  mergeCommand,
  diffCommand,
  updateExpectationsCommand,
  proxyCheckCommand,
];
