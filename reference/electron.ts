// `session-conformance/electron`: an Electron-shaped module for unit tests of
// main-process code, e.g. `vi.mock('electron', () => import('session-conformance/electron'))`.
// One reference app per process, in the current era, with userData in a
// fresh temporary directory (never the user's real profile) unless the
// SESSION_CONFORMANCE_USER_DATA environment variable names one.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReferenceElectron } from './instance.ts';

const userData =
  process.env.SESSION_CONFORMANCE_USER_DATA ?? mkdtempSync(path.join(os.tmpdir(), 'session-conformance-app-'));

const electron = createReferenceElectron({ era: 'current', userData });

export const app = electron.app;
export const session = electron.session;
export const net = electron.net;
export const protocol = electron.protocol;
export { createReferenceElectron } from './instance.ts';
export type { ReferenceElectron, ReferenceOptions } from './instance.ts';
export default { app, session, net, protocol };
