// The stand-in's temporary appData folders: made in the system's temp folder
// with the process id in their name, removed when their app quits, at process
// exit, and when the process is ended by SIGTERM or SIGINT (test runners stop
// their workers that way; the signal is raised again once the folders are gone
// unless someone else handles it). Folders of processes that are gone (killed
// outright) are swept when the next stand-in starts.
// The hooks go on the process itself, once however many copies of this module
// are loaded: jest runs each test file's modules in a vm context whose
// `process` is a copy, and the copy's 'exit' and signal listeners never fire.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { isProcessAlive } from '../storage/process-alive.ts';

const PREFIX = 'session-conformance-app-';
/** Where the process keeps the folders of every copy of this module (jest loads one per test file). */
const SHARED = Symbol.for('session-conformance.temporary-folders');

/** The Node process, also from inside a test runner's vm context (whose `process` may be a copy). */
function hostProcess(): NodeJS.Process {
  const host = runInThisContext('typeof process === "object" ? process : undefined') as NodeJS.Process | undefined;
  return host && typeof host.once === 'function' ? host : process;
}

/**
 * The process's set of folders, with its hooks: made by the first stand-in of
 * the process, so many copies of the module add one set of listeners.
 */
function processFolders(): Set<string> {
  const host = hostProcess() as NodeJS.Process & { [SHARED]?: Set<string> };
  const existing = host[SHARED];
  if (existing) return existing;
  const folders = new Set<string>();
  Object.defineProperty(host, SHARED, { value: folders });
  const removeAll = (): void => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    folders.clear();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    // Another listener decides what the signal means; without one the process ends now.
    if (host.listenerCount(signal) > 0) return;
    removeAll();
    host.kill(host.pid, signal);
  };
  sweepAbandoned();
  host.once('exit', removeAll);
  host.once('SIGTERM', onSignal);
  host.once('SIGINT', onSignal);
  return folders;
}

/** Removes folders left by stand-ins whose process no longer exists. */
export function sweepAbandoned(root: string = os.tmpdir()): number {
  let removed = 0;
  for (const name of readdirSync(root)) {
    const pid = Number(/^session-conformance-app-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isProcessAlive(pid)) continue;
    rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export function createTemporaryFolder(): string {
  const folders = processFolders();
  const folder = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  folders.add(folder);
  return folder;
}

export function removeTemporaryFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  processFolders().delete(folder);
}
