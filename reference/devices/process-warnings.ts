// The process warnings the main process emits (process.on('warning')), as
// the app would see them: the device choosers report an unknown device id
// this way. The driver collects them for specs that run the implementation
// in another process, where the spec cannot listen itself.

interface WarningRecord {
  name: string;
  message: string;
}

const seen: WarningRecord[] = [];
let listening = false;

/** Starts listening (once per process). */
export function watchProcessWarnings(): void {
  if (listening) return;
  listening = true;
  process.on('warning', (warning: Error) => {
    seen.push({ name: warning.name, message: warning.message });
    // Only the recent past matters to a spec.
    if (seen.length > 100) seen.shift();
  });
}

/** The warnings since the last call, oldest first (after those still queued: process.emitWarning emits on the next tick). */
export async function takeProcessWarnings(): Promise<WarningRecord[]> {
  await new Promise((resolve) => setImmediate(resolve));
  return seen.splice(0);
}
