// A child process for callbackify.test.ts: a legacy-era reference whose
// cookies.get callback throws. It prints which process event reported the
// exception (Electron 1.x: an uncaught exception) and exits.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createReferenceElectron } from '../../../reference/instance.ts';

process.on('uncaughtException', (error) => {
  console.log(`uncaughtException ${error.message}`);
  process.exit(0);
});
process.on('unhandledRejection', (reason) => {
  console.log(`unhandledRejection ${(reason as Error).message}`);
  process.exit(0);
});

const electron = createReferenceElectron({ era: 'legacy', userData: mkdtempSync(path.join(os.tmpdir(), 'legacy-throws-')) });
await electron.app.whenReady();
const cookies = electron.session.defaultSession.cookies as unknown as { get(filter: object, callback: () => void): void };
cookies.get({}, () => {
  throw new Error('thrown by the callback');
});
