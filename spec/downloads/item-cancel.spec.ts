// DownloadItem.cancel: the download ends as 'cancelled', its partial file is
// deleted (nothing is left beside the save path), and its received bytes
// drop to 0 while the total it announced stays.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, filesIn, freshSession, heldDownload, navigateDownload, saveTo, until } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.cancel'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: "cancel() ends a download as 'cancelled' and deletes its partial file.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.cancel', () => {
  it('stops a download under way and deletes its partial file', async () => {
    const { started, gate, dir } = await heldDownload(t, server, 'n=100000', 4000);
    started.item.cancel();
    expect(await started.done).toBe('cancelled');
    expect(started.atDone.getReceivedBytes).toBe(0);
    expect(started.atDone.getTotalBytes).toBe(100_000);
    expect(await filesIn(dir)).toEqual([]);
    server.release(gate);
  });

  it("cancels a download from the 'will-download' listener before anything is written", async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?n=5242&cd=attachment%3B%20filename%3D%22mock.pdf%22`,
      ({ item }) => {
        item.setSavePath(path.join(dir, 'mock.pdf'));
        item.cancel();
      },
    );
    expect(await started.done).toBe('cancelled');
    expect(started.atDone.getState).toBe('cancelled');
    expect(started.atDone.getReceivedBytes).toBe(0);
    expect(started.atDone.getTotalBytes).toBe(5242);
    expect(started.atDone.getFilename).toBe('mock.pdf');
    expect(await filesIn(dir)).toEqual([]);
  });

  t.itInEras('>=e9', 'deletes the partial file an interrupted download kept', async () => {
    const dir = await t.tempDir();
    const url = `${server.url}file?n=50000&chunked=1&drop=9000&key=cancel-${Date.now()}`;
    const started = await navigateDownload(t, freshSession(t), url, saveTo(path.join(dir, 'kept.bin')));
    await until(() => started.item.getState() === 'interrupted', 'the interruption');
    started.item.cancel();
    expect(await started.done).toBe('cancelled');
    expect(await filesIn(dir)).toEqual([]);
  });

  t.itInEras('>=e12', 'leaves a completed download and its file as they are', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'done.bin');
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=300`, saveTo(file));
    await started.done;
    started.item.cancel();
    expect(started.item.getState()).toBe('completed');
    expect((await contentOf(file)).length).toBe(300);
  });
});
