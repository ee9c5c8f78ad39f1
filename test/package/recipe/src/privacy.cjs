// App code (CommonJS): the same, with require('electron').
const { app, session } = require('electron');

async function privateSession(blockedHost) {
  await app.whenReady();
  const ses = session.fromPartition('private');
  ses.setUserAgent('PrivacyApp/1.0');
  ses.webRequest.onBeforeRequest({ urls: [`*://${blockedHost}/*`] }, (_details, callback) => callback({ cancel: true }));
  return ses;
}

module.exports = { privateSession };
