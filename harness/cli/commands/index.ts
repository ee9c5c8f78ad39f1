// The commands of the CLI. An area adds its command here.

import type { Command } from './command.ts';
import { coverageCommand } from './coverage.ts';
import { listCommand } from './list.ts';
import { proxyCheckCommand } from './proxy-check.ts';
import { runCommand } from './run.ts';

export const COMMANDS: readonly Command[] = [runCommand, listCommand, coverageCommand, proxyCheckCommand];
