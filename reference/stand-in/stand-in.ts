// The apps of `session-conformance/electron`: reference Electrons whose
// appData (and so userData) is a fresh temporary folder, never the user's real
// profile, unless the caller names one. The folder is removed when the app
// quits, and at process exit for an app that never did.

import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createReferenceElectron, type ReferenceElectron, type ReferenceOptions } from '../instance.ts';
import { notModelled } from './unmodelled.ts';

const temporaryFolders = new Set<string>();
let exitHookInstalled = false;

function temporaryAppData(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'session-conformance-app-'));
  temporaryFolders.add(folder);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const left of temporaryFolders) rmSync(left, { recursive: true, force: true });
    });
  }
  return folder;
}

export function createStandIn(options: ReferenceOptions = {}): ReferenceElectron {
  if (options.userData || options.appData) return createReferenceElectron(options);
  const appData = temporaryAppData();
  const electron = createReferenceElectron({ ...options, appData });
  electron.app.quitSequence.onShutdown(async () => {
    await rm(appData, { recursive: true, force: true });
    temporaryFolders.delete(appData);
  });
  return electron;
}

export interface NetLogModule {
  startLogging(path: string, options?: object): Promise<void>;
  stopLogging(): Promise<void>;
  readonly currentlyLogging: boolean;
}

/** Electron's `netLog` module: the default session's netLog (lib/browser/api/net-log.ts). */
export function createNetLogModule(electron: ReferenceElectron): NetLogModule {
  const netLog = (): NetLogModule => {
    const own = (electron.session.defaultSession as unknown as { netLog?: NetLogModule }).netLog;
    if (!own) throw notModelled(`netLog in era ${electron.app.era}`);
    return own;
  };
  return Object.freeze({
    startLogging: (file: string, options?: object) => netLog().startLogging(file, options),
    stopLogging: () => netLog().stopLogging(),
    get currentlyLogging() {
      return netLog().currentlyLogging;
    },
  });
}
