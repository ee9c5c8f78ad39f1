// One CLI command.

export interface Command {
  name: string;
  /** Usage lines, the first starting with the command name. */
  usage: string;
  run(argv: string[]): number | Promise<number>;
}
