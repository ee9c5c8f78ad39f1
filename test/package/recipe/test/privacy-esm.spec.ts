// Recipe: vitest, ES module (TypeScript) app code, `electron` mocked with the stand-in.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { privateSession } from '../src/privacy.js';
import { userAgentServer } from './server.mjs';

vi.mock('electron', () => import('session-conformance/electron'));

let server: Awaited<ReturnType<typeof userAgentServer>>;
beforeAll(async () => {
  server = await userAgentServer();
});
afterAll(() => server.close());

it('sends the app user agent and blocks the host (vitest, ES modules)', async () => {
  const ses = await privateSession('blocked.test');
  expect(await (await ses.fetch(server.url)).text()).toBe('PrivacyApp/1.0');
  await expect(ses.fetch('http://blocked.test/')).rejects.toThrow('net::ERR_BLOCKED_BY_CLIENT');
});
