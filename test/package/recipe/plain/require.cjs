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
  // A PAC script runs in its worker thread, started from the package's build.
  const pac = 'function FindProxyForURL(url, host) { return "PROXY proxy.test:8080"; }';
  await ses.setProxy({ pacScript: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}` });
  assert.strictEqual(await ses.resolveProxy('http://a.test/'), 'PROXY proxy.test:8080');
  const appData = app.getPath('appData');
  app.on('quit', () => {
    assert.ok(!existsSync(appData), 'the temporary appData is removed when the app quits');
    console.log('plain require: ok');
  });
  app.quit();
});
