// `net` on the Electron-shaped module: net.fetch and net.resolveHost go
// through the default session (current era); older eras have neither.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type FixtureServer } from '../../../fixtures/servers/index.ts';
import { createReferenceElectron, type ReferenceElectron } from '../../../reference/instance.ts';

let server: FixtureServer;
let electron: ReferenceElectron;
let userData: string;

beforeAll(async () => {
  server = await startHttpServer();
  userData = mkdtempSync(path.join(os.tmpdir(), 'net-module-'));
  electron = createReferenceElectron({ era: 'current', userData });
  await electron.app.whenReady();
});

afterAll(async () => {
  await electron.quit();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

describe('net module', () => {
  it('fetches through the default session', async () => {
    (electron.session.defaultSession as unknown as { setUserAgent(ua: string): void }).setUserAgent('default-session/1');
    const res = await electron.net.fetch!(`${server.url}echo`);
    expect(res.status).toBe(200);
    expect(server.log.requests.at(-1)!.headers['user-agent']).toBe('default-session/1');
  });

  it('resolves hosts through the default session', async () => {
    expect(await electron.net.resolveHost!('127.0.0.1')).toEqual({ endpoints: [{ address: '127.0.0.1', family: 'ipv4' }] });
  });

  it('has neither in older eras', () => {
    const old = createReferenceElectron({ era: 'e17', userData });
    expect(old.net.fetch).toBeUndefined();
    expect(old.net.resolveHost).toBeUndefined();
  });
});
