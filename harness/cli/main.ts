// The session-conformance command line: dispatches to harness/cli/commands,
// with the conventions of the test runners its users know: `--help` on any
// command, `--version`, and a one-line message with exit code 2 for bad usage.

import { COMMANDS } from './commands/index.ts';
import type { Command } from './commands/command.ts';
import { UsageError } from './options.ts';
import { PACKAGE_VERSION } from '../runner/paths.ts';

function usage(): string {
  return `usage: session-conformance <command> [options]\n\ncommands:\n${COMMANDS.map((c) => `  ${c.usage.split('\n')[0]}`).join('\n')}\n\n'session-conformance <command> --help' shows a command's options; --version its version.\n`;
}

function commandHelp(command: Command): string {
  return `usage: session-conformance ${command.usage}\n`;
}

const HELP = new Set(['--help', '-h']);

function isUsageError(error: unknown): error is Error {
  return error instanceof UsageError || Boolean((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'));
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(PACKAGE_VERSION);
    return 0;
  }
  if (name === undefined || name === 'help' || HELP.has(name)) {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    console.log(topic ? commandHelp(topic) : usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(
      `session-conformance: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see --help)`,
    );
    return 2;
  }
  // Options end at `--`; a --help after it is an argument.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.some((a) => HELP.has(a))) {
    console.log(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    console.error(`session-conformance ${name}: ${error.message.split('\n')[0]} (see session-conformance ${name} --help)`);
    return 2;
  }
}
