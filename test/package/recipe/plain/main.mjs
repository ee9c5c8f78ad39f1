// Recipe: plain Node running app code that imports and requires `electron`:
//   node --import session-conformance/electron/register plain/main.mjs
import assert from 'node:assert';
import { createRequire } from 'node:module';
import { app, session } from 'electron';

assert.strictEqual(createRequire(import.meta.url)('electron').session, session);
await app.whenReady();
assert.match(session.defaultSession.getUserAgent(), /Electron\//);
console.log('plain register: ok');
