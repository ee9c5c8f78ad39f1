// The session-conformance command line: dispatches to harness/cli/commands.

import { COMMANDS } from './commands/index.ts';
import { UsageError } from './options.ts';

function usage(): string {
  return `usage: session-conformance <command> [options]\n\ncommands:\n${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`session-conformance: ${(error as Error).message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}
