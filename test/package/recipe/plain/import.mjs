// Recipe: plain Node, import.
import assert from 'node:assert';
import electron, { app, session } from 'session-conformance/electron';

assert.strictEqual(electron.session, session);
await app.whenReady();
assert.strictEqual(session.defaultSession.isPersistent(), true);
console.log('plain import: ok');
