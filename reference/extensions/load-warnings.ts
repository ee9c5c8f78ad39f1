// Install warnings reach the app as a process warning of type
// ExtensionLoadWarning (node's process.emitWarning, as Electron's
// util::EmitWarning calls it). The driver command that reports them reads
// the process's own 'warning' events, as an agent in Electron's main
// process would; the log starts with the first load of the process.

import { processWarningReader, type ProcessWarningReader } from '../app/process-warnings.ts';

export const LOAD_WARNING_TYPE = 'ExtensionLoadWarning';

/** Read from the first load of the process on (a reader sees only what comes after it). */
let reader: ProcessWarningReader | undefined;
const listen = () => (reader ??= processWarningReader((warning) => warning.name === LOAD_WARNING_TYPE));

export function emitLoadWarning(message: string): void {
  listen();
  process.emitWarning(message, LOAD_WARNING_TYPE);
}

/** The ExtensionLoadWarnings emitted since the last call, oldest first. */
export async function takeLoadWarnings(): Promise<{ type: string; message: string }[]> {
  return (await listen().take()).map(({ name, message }) => ({ type: name, message }));
}
