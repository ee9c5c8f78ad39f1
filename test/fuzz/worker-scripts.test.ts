// The fuzzer's hostile service worker scripts, registered one by one through
// the reference's driver command on a real loopback fixture: the benign one
// installs; every hostile one is refused with a registration error of
// Electron's form (or installs, if the sandbox survived it), within the
// worker time limit, with no process-level error and no blocked event loop.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';
import { createReferenceElectron } from '../../reference/instance.ts';
import { REFERENCE_DRIVER_COMMANDS } from '../../reference/testing.ts';
import { wrongForm } from '../../fuzz/error-form.ts';
import { watchStalls } from '../support/loop-stalls.ts';
import { WORKER_SCRIPT_NAMES, workerScriptPath, workerScriptRoutes } from '../../fuzz/worker-scripts.ts';

type Register = (args: { session: object; scriptURL: string; scope?: string }) => Promise<{ versionId: number }>;
const register = (REFERENCE_DRIVER_COMMANDS as unknown as Record<string, Register>)['serviceWorkers.register']!;

let server: FixtureServer;
let dir: string;
let instance: ReturnType<typeof createReferenceElectron>;

beforeAll(async () => {
  server = await startHttpServer({ routes: workerScriptRoutes() });
  dir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-sw-'));
  instance = createReferenceElectron({ era: 'current', userData: dir });
  await instance.app.whenReady();
});

afterAll(async () => {
  await instance.quit();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile service worker scripts', () => {
  it('serves one benign and the hostile kinds', () => {
    expect(WORKER_SCRIPT_NAMES).toEqual(
      expect.arrayContaining(['benign', 'loop', 'recursion', 'hoard', 'throw', 'console-spam', 'syntax-error', 'missing-apis']),
    );
  });

  it.each(WORKER_SCRIPT_NAMES)(
    '%s: settles in time, refused in Electron form or installed, the loop turning',
    async (name) => {
      const session = instance.session.fromPartition(`sw-${name}`) as object;
      const watch = watchStalls();
      const scriptURL = `${server.url.replace(/\/$/, '')}${workerScriptPath(name)}`;
      const outcome = await register({ session, scriptURL }).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      const stalls = await watch.stop();
      if (name === 'benign') expect(outcome).toEqual({ value: expect.objectContaining({ versionId: expect.any(Number) }) });
      if ('error' in outcome) {
        expect(wrongForm(outcome.error)).toBeUndefined();
        expect(String((outcome.error as Error).message)).toMatch(/^Failed to register a ServiceWorker for scope/);
      }
      expect(stalls).toEqual([]);
    },
    30_000,
  );
});
