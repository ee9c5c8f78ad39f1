// `node --import session-conformance/electron/register app.mjs`: `electron`
// answers the stand-in for the process, to import (through a resolve hook,
// resolve-hooks.mjs) and to require (register.cjs). Both give the same module.
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
require('./register.cjs');
// The ES module face of the stand-in sits beside its CommonJS bundle's folder.
const standIn = new URL('../electron.mjs', pathToFileURL(require.resolve('session-conformance/electron'))).href;
register('./resolve-hooks.mjs', { parentURL: import.meta.url, data: { standIn } });
