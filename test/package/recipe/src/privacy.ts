// App code (TypeScript, ES module) typed against Electron's own declarations:
// a private partition that blocks a host and sends the app's user agent.
import { app, type Session, session } from 'electron';

export async function privateSession(blockedHost: string): Promise<Session> {
  await app.whenReady();
  const ses = session.fromPartition('private');
  ses.setUserAgent('PrivacyApp/1.0');
  ses.webRequest.onBeforeRequest({ urls: [`*://${blockedHost}/*`] }, (_details, callback) => callback({ cancel: true }));
  return ses;
}
