// Recipe: plain Node, require().
const assert = require('node:assert');
const { existsSync } = require('node:fs');
const { app, session, BrowserWindow } = require('session-conformance/electron');

app.whenReady().then(async () => {
  const ses = session.fromPartition('persist:plain');
  await ses.cookies.set({ url: 'https://a.test/', name: 'n', value: 'v' });
  assert.deepStrictEqual(
    (await ses.cookies.get({})).map((c) => c.name),
    ['n'],
  );
  assert.throws(() => new BrowserWindow(), /does not model electron\.BrowserWindow/);
  const appData = app.getPath('appData');
  app.on('quit', () => {
    assert.ok(!existsSync(appData), 'the temporary appData is removed when the app quits');
    console.log('plain require: ok');
  });
  app.quit();
});
