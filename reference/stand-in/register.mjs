// `node --import session-conformance/electron/register app.mjs`: `electron`
// answers the stand-in for the process, to import (through a resolve hook,
// resolve-hooks.mjs) and to require (register.cjs). Both give the same module.
import { createRequire, register } from 'node:module';

createRequire(import.meta.url)('./register.cjs');
register('./resolve-hooks.mjs', import.meta.url);
