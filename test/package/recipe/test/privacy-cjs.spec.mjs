// Recipe: vitest, CommonJS app code: `require('electron')` answers the stand-in
// through the register setup file (vitest.config.mjs), the same instance tests import.
import { session } from 'session-conformance/electron';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { privateSession } from '../src/privacy.cjs';
import { userAgentServer } from './server.mjs';

let server;
beforeAll(async () => {
  server = await userAgentServer();
});
afterAll(() => server.close());

it('sends the app user agent and blocks the host (vitest, CommonJS app code)', async () => {
  const ses = await privateSession('blocked.test');
  expect(ses).toBe(session.fromPartition('private'));
  expect(await (await ses.fetch(server.url)).text()).toBe('PrivacyApp/1.0');
  await expect(ses.fetch('http://blocked.test/')).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
});
