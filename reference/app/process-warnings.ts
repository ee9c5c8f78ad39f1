// The process warnings the main process emits (process.on('warning')), as
// the app would see them: the device choosers report an unknown device id
// this way, extension loading its install warnings. Driver commands read
// them for specs that run the implementation in another process, where the
// spec cannot listen itself. Each reader keeps its own queue of the
// warnings it wants, so one area's reads never take another's.

export interface ProcessWarning {
  name: string;
  message: string;
}

export interface ProcessWarningReader {
  /** The warnings since the last call, oldest first (after those still queued: process.emitWarning emits on the next tick). */
  take(): Promise<ProcessWarning[]>;
}

/** Only the recent past matters to a spec. */
const KEPT = 100;
const readers = new Set<(warning: Error) => void>();
let listening = false;

/** A reader of the warnings `wanted` accepts, from now on. */
export function processWarningReader(wanted: (warning: Error) => boolean = () => true): ProcessWarningReader {
  if (!listening) {
    listening = true;
    process.on('warning', (warning: Error) => {
      for (const read of readers) read(warning);
    });
  }
  const queue: ProcessWarning[] = [];
  readers.add((warning) => {
    if (!wanted(warning)) return;
    queue.push({ name: warning.name, message: warning.message });
    if (queue.length > KEPT) queue.shift();
  });
  return {
    async take() {
      await new Promise((resolve) => setImmediate(resolve));
      return queue.splice(0);
    },
  };
}
