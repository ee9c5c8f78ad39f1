// A stream protocol handler whose stream pushes without pause (an endless
// in-memory stream): reading its body leaves timers and I/O running, as
// Electron's NodeStreamLoader reads one chunk per task, and a page's fetch
// of it fails once the page has no more room instead of taking the app's
// memory.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceElectron, type ReferenceElectron } from '../../../reference/instance.ts';
import { REFERENCE_DRIVER_COMMANDS } from '../../../reference/testing.ts';

interface AnyRecord {
  [key: string]: any;
}

let electron: ReferenceElectron;
let userData: string;
let ses: AnyRecord;

const endless = () =>
  new Readable({
    read() {
      this.push(Buffer.alloc(16 * 1024, 120));
    },
  });

beforeAll(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'endless-stream-'));
  electron = createReferenceElectron({ era: 'current', userData });
  await electron.app.whenReady();
  ses = electron.session.fromPartition('endless') as unknown as AnyRecord;
  ses.protocol.registerStreamProtocol('endless', (_request: unknown, callback: (answer: unknown) => void) =>
    callback({ statusCode: 200, data: endless() }),
  );
});

afterAll(async () => {
  await electron.quit();
  rmSync(userData, { recursive: true, force: true });
});

describe('an endless stream from a stream protocol handler', () => {
  it('lets timers run while its body is read', async () => {
    const response = (await ses.fetch('endless://host/')) as Response;
    const reader = response.body!.getReader();
    let read = 0;
    let readWhenTimerFired: number | undefined;
    setTimeout(() => (readWhenTimerFired = read), 0);
    while (read < 16 * 1024 * 1024) read += ((await reader.read()).value as Uint8Array).byteLength;
    await reader.cancel();
    expect(readWhenTimerFired).toBeDefined();
    expect(readWhenTimerFired!).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);

  it("fails a page's fetch once the page has no room for more, with net::ERR_INSUFFICIENT_RESOURCES", async () => {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    const failed = await Promise.resolve(REFERENCE_DRIVER_COMMANDS['page.fetch']!({ session: ses, url: 'endless://page/' })).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    clearInterval(ticking);
    expect(failed).toBe('net::ERR_INSUFFICIENT_RESOURCES');
    expect(ticks).toBeGreaterThan(0);
  }, 120_000);
});
