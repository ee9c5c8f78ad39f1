// The apps of `session-conformance/electron`: reference Electrons whose
// appData (and so userData) is a fresh temporary folder, never the user's real
// profile, unless the caller names one (temporary-folders.ts removes them).

import { createReferenceElectron, type ReferenceElectron, type ReferenceOptions } from '../instance.ts';
import { createTemporaryFolder, removeTemporaryFolder } from './temporary-folders.ts';
import { notModelled } from './unmodelled.ts';

export function createStandIn(options: ReferenceOptions = {}): ReferenceElectron {
  if (options.userData || options.appData) return createReferenceElectron(options);
  const appData = createTemporaryFolder();
  const electron = createReferenceElectron({ ...options, appData });
  electron.app.quitSequence.onShutdown(async () => removeTemporaryFolder(appData));
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
