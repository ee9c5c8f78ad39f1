// Install warnings reach the app as a process warning of type
// ExtensionLoadWarning (node's process.emitWarning, as Electron's
// util::EmitWarning calls it). The driver command that reports them reads
// the process's own 'warning' events, as an agent in Electron's main
// process would; the log starts with the first load of the process.

export const LOAD_WARNING_TYPE = 'ExtensionLoadWarning';

const log: { type: string; message: string }[] = [];
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  process.on('warning', (warning) => {
    if (warning.name === LOAD_WARNING_TYPE) log.push({ type: warning.name, message: warning.message });
  });
}

export function emitLoadWarning(message: string): void {
  listen();
  process.emitWarning(message, LOAD_WARNING_TYPE);
}

/** The ExtensionLoadWarnings emitted since the last call, oldest first. */
export async function takeLoadWarnings(): Promise<{ type: string; message: string }[]> {
  listen();
  // process.emitWarning delivers on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  return log.splice(0, log.length);
}
