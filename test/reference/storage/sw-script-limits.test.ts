// Service-worker scripts are untrusted code from the network, run where PAC
// scripts run: on the script thread, with a memory ceiling, a stack limit and
// a time limit, never on the app's event loop. A script that hoards memory,
// loops or recurses fails its registration with Chromium's errors within its
// budget; the app's event loop keeps turning, the process does not grow by
// what the script asked for, and the next registration works. A worker's
// script is not failed for another script's failure on the shared thread.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startHttpServer } from '../../../fixtures/servers/index.ts';
import type { RouteHandler } from '../../../fixtures/servers/routes.ts';
import { PacResolver } from '../../../reference/proxy/pac/pac-resolver.ts';
import { type ConsoleMessage, WorkerSandbox } from '../../../reference/storage/service-workers/sw-sandbox.ts';
import { launchReference, REFERENCE_DRIVER_COMMANDS, type ReferenceElectron } from '../../../reference/testing.ts';
import { watchStalls } from '../../support/loop-stalls.ts';

const SCRIPTS: Record<string, string> = {
  hoard: 'var keep = []; for (;;) keep.push(new Array(1 << 20).join("x") + keep.length);',
  loop: 'for (;;) {}',
  recurse: 'function deeper(n) { return deeper(n + 1) + 1; }\ndeeper(0);',
  sort: 'var a = []; for (var i = 0; i < 3e6; i++) a.push(Math.random()); a.sort();',
  fine: 'self.addEventListener("install", function () { console.log("installed"); });',
};

const routes: Record<string, RouteHandler> = {};
for (const [name, source] of Object.entries(SCRIPTS)) {
  routes[`/${name}.js`] = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(source);
  };
}

let server: FixtureServer;
let electron: ReferenceElectron;
let userData: string;

beforeAll(async () => {
  server = await startHttpServer({ routes });
  userData = mkdtempSync(path.join(os.tmpdir(), 'sw-limits-'));
  electron = launchReference({ era: 'current', userDataDir: userData });
  await electron.app.whenReady();
});

afterAll(async () => {
  await electron.quit();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

async function register(name: string): Promise<string> {
  const session = electron.session.fromPartition(`persist:sw-limits-${name}`);
  const registering = async () =>
    REFERENCE_DRIVER_COMMANDS['serviceWorkers.register']!({
      session,
      scriptURL: `${server.origin}/${name}.js`,
      scope: `${server.origin}/${name}/`,
    });
  return registering().then(
    () => 'registered',
    (error: Error) => `${error.name}: ${error.message.replace(/^.*\): /, '')}`,
  );
}

describe('service-worker scripts under limits', () => {
  for (const [name, expected] of [
    [
      'hoard',
      /^TypeError: ServiceWorker script evaluation failed$|^AbortError: Timed out while trying to start the Service Worker\.$/,
    ],
    ['loop', /^AbortError: Timed out while trying to start the Service Worker\.$/],
    ['recurse', /^TypeError: ServiceWorker script evaluation failed$/],
    [
      'sort',
      /^TypeError: ServiceWorker script evaluation failed$|^AbortError: Timed out while trying to start the Service Worker\.$|^registered$/,
    ],
  ] as const) {
    it(`a script that does '${name}' settles its registration in time, with Chromium's error, the event loop turning`, async () => {
      const rss = process.memoryUsage().rss;
      const watch = watchStalls();
      const started = Date.now();
      const outcome = await register(name);
      const stalls = await watch.stop();
      expect(outcome).toMatch(expected);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(stalls).toEqual([]);
      expect(process.memoryUsage().rss - rss).toBeLessThan(512 * 1024 * 1024);
      expect(await register('fine')).toBe('registered');
    }, 60_000);
  }

  it("loads a good script again when a PAC script's failure replaced the shared thread under it", async () => {
    const pac = await PacResolver.create(
      'function deeper(n) { return deeper(n + 1) + 1; }\nfunction FindProxyForURL() { return deeper(0); }',
      {
        hostResolver: { lookup: async () => [], myAddresses: async () => [] },
      },
    );
    try {
      const messages: ConsoleMessage[] = [];
      const sandbox = await WorkerSandbox.start('https://sw.test/good.js', (m) => messages.push(m), 2000);
      // The PAC request is queued first: its stack overflow gets the thread replaced with the worker's load behind it.
      const [failed, loaded] = await Promise.all([
        pac.findProxyForUrl('http://deep.test/', 'deep.test').then(
          () => 'answered',
          () => 'failed',
        ),
        sandbox.evaluate('console.log("up");'),
      ]);
      sandbox.dispose();
      expect(failed).toBe('failed');
      expect(loaded).toEqual({ kind: 'ok' });
      expect(messages.map((m) => m.message)).toEqual(['up']);
    } finally {
      pac.dispose();
    }
  });
});
