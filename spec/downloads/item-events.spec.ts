// DownloadItem's 'updated' and 'done' events, getState and isDone: 'updated' with
// 'progressing' while the download runs, 'done' once with how it ended, and
// the file on disk with every byte. In 1.x and 9 the item is destroyed a
// task after 'done'; from 12 it keeps answering.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import {
  contentOf,
  filesIn,
  freshSession,
  heldDownload,
  navigateDownload,
  readAndCancel,
  saveTo,
  thrown,
  until,
} from './download-support.ts';

export const meta = defineSpec({
  members: ["downloadItem.on('updated')", "downloadItem.on('done')", 'downloadItem.getState'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary:
    "A download reports 'updated' (progressing) while it runs and 'done' once with its end state, and leaves the whole file on disk.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe("downloadItem.on('done')", () => {
  it("is emitted once with 'completed' when every byte is on disk", async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'a.bin');
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=200000`, saveTo(file));
    expect(await started.done).toBe('completed');
    // In 1.x and 9 the item is destroyed a task after 'done': a driver in
    // another process cannot reach it after awaiting, so read it inside 'done'.
    expect(started.atDone.getState).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(200000))).toBe(true);
    expect(await filesIn(dir)).toEqual(['a.bin']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started.dones).toEqual(['completed']);
  });

  it("is emitted with 'cancelled' when the item is cancelled", async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=4096`, ({ item }) => {
      item.setSavePath(path.join(dir, 'c.bin'));
      item.cancel();
    });
    expect(await started.done).toBe('cancelled');
    expect(await filesIn(dir)).toEqual([]);
  });
});

describe('DownloadItem as an EventEmitter', () => {
  it('calls once() listeners a single time and no listener that removeListener() took off', async () => {
    let onceCalls = 0;
    let removedCalls = 0;
    const removed = () => removedCalls++;
    const { started, gate } = await heldDownload(t, server, 'n=5000', 1000);
    const item = started.item as unknown as {
      once(event: string, listener: (...args: unknown[]) => void): void;
      on(event: string, listener: (...args: unknown[]) => void): void;
      removeListener(event: string, listener: (...args: unknown[]) => void): void;
      pause(): void;
      resume(): void;
    };
    item.once('updated', () => onceCalls++);
    item.on('updated', removed);
    item.removeListener('updated', removed);
    item.pause();
    item.resume();
    server.release(gate);
    expect(await started.done).toBe('completed');
    expect(started.updates.length).toBeGreaterThanOrEqual(2);
    expect([onceCalls, removedCalls]).toEqual([1, 0]);
  });
});

describe("downloadItem.on('updated')", () => {
  it("reports 'progressing' while the body is still coming", async () => {
    const dir = await t.tempDir();
    const gate = `updated-${Date.now()}`;
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?n=100000&first=1000&gate=${gate}`,
      saveTo(path.join(dir, 'u.bin')),
    );
    await until(() => started.updates.length > 0, "an 'updated' event");
    expect(new Set(started.updates)).toEqual(new Set(['progressing']));
    expect(started.item.getState()).toBe('progressing');
    expect(started.dones).toEqual([]);
    server.release(gate);
    expect(await started.done).toBe('completed');
  });
});

// isDone is bound by Electron in every era, though no document lists it.
describe('downloadItem.isDone', () => {
  it("is false while the download runs, true from 'done' on", async () => {
    const { started, gate } = await heldDownload(t, server, 'n=6000', 1000);
    expect(started.item.isDone()).toBe(false);
    server.release(gate);
    expect(await started.done).toBe('completed');
    expect(started.atDone.isDone).toBe(true);
  });

  it('is true for a cancelled download', async () => {
    const { value: before, started } = await readAndCancel(t, `${server.url}file?n=10`, (item) => item.isDone());
    expect(before).toBe(false);
    expect(started.atDone.isDone).toBe(true);
  });

  t.itInEras('>=e9', 'is false for a download interrupted but resumable', async () => {
    const url = `${server.url}file?n=50000&chunked=1&drop=10000&key=is-done-${Date.now()}`;
    const started = await navigateDownload(t, freshSession(t), url, saveTo(path.join(await t.tempDir(), 'i.bin')));
    await until(() => started.item.getState() === 'interrupted', 'the interruption');
    expect(started.item.isDone()).toBe(false);
    started.item.cancel();
    expect(await started.done).toBe('cancelled');
  });
});

describe('downloadItem.getState', () => {
  it("is 'progressing' when will-download is emitted", async () => {
    const { value: state, started } = await readAndCancel(t, `${server.url}file?n=10`, (item) => item.getState());
    expect(state).toBe('progressing');
    expect(started.atDone.getState).toBe('cancelled');
  });

  t.itInEras('legacy,e9', 'throws once the item is destroyed, a task after done', async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=10`, saveTo(path.join(dir, 'd.bin')));
    await started.done;
    // The getters still answered inside 'done' (atDone); a task later the
    // wrapper is gone. A driver in another process sees that moment late,
    // so wait for it rather than count the tasks.
    expect(started.atDone.getState).toBe('completed');
    await until(() => thrown(() => started.item.getState()) !== undefined, 'the item to be destroyed');
    const error = thrown(() => started.item.getState());
    expect(error?.message).toBe('Object has been destroyed');
    expect(error?.constructor.name).toBe(t.era === 'legacy' ? 'Error' : 'TypeError');
  });

  t.itInEras('>=e12', 'keeps answering after done', async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=10`, saveTo(path.join(dir, 'd.bin')));
    await started.done;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started.item.getState()).toBe('completed');
    expect(started.item.getReceivedBytes()).toBe(10);
  });
});
