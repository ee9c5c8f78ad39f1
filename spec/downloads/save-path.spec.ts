// DownloadItem.setSavePath / getSavePath: a save path set in the
// 'will-download' listener is where the file goes, straight, without a
// dialog; the path is a string (null is the empty path), checked as
// Electron's FilePath converter checks it. A path in a directory that does
// not exist interrupts the download.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, filesIn, freshSession, navigateDownload, readAndCancel, thrown, until } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.setSavePath', 'downloadItem.getSavePath'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: 'The save path set in will-download is where the file is written; getSavePath reports it.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.setSavePath', () => {
  it('writes the file to the path set in the listener, and only there', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'chosen name.dat');
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?n=70000&cd=attachment%3B%20filename%3Dserver.bin`,
      ({ item }) => {
        item.setSavePath(file);
      },
    );
    expect(await started.done).toBe('completed');
    expect(await filesIn(dir)).toEqual(['chosen name.dat']);
    expect((await contentOf(file)).equals(patternBytes(70000))).toBe(true);
  });

  it('replaces a file already at the path once the download is complete', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'old.bin');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'previous content');
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=300`, ({ item }) => item.setSavePath(file));
    await started.done;
    expect((await contentOf(file)).equals(patternBytes(300))).toBe(true);
  });

  it('interrupts the download when the directory does not exist', async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=300`, ({ item }) =>
      item.setSavePath(path.join(dir, 'missing', 'x.bin')),
    );
    await until(() => started.item.getState() === 'interrupted', 'the interruption');
    expect(started.item.getReceivedBytes()).toBe(0);
    expect(await filesIn(dir)).toEqual([]);
    started.item.cancel();
  });

  it('throws a TypeError for a path that is no string', async () => {
    const { value: errors } = await readAndCancel(t, `${server.url}file?n=10`, (item) => [
      thrown(() => item.setSavePath(5)),
      thrown(() => item.setSavePath()),
    ]);
    const detail = t.era === 'legacy' || t.era === 'e9' ? '5' : '';
    expect(errors.map((e) => [e?.name, e?.message])).toEqual([
      ['TypeError', `Error processing argument at index 0, conversion failure from ${detail}`],
      ['TypeError', 'Insufficient number of arguments.'],
    ]);
  });
});

describe('downloadItem.getSavePath', () => {
  it("is '' until a path is set, then that path; null sets the empty path", async () => {
    const { value: seen } = await readAndCancel(t, `${server.url}file?n=10`, (item) => {
      const read = [item.getSavePath()];
      item.setSavePath('/some/where/file.bin');
      read.push(item.getSavePath());
      item.setSavePath(null);
      read.push(item.getSavePath());
      return read;
    });
    expect(seen).toEqual(['', '/some/where/file.bin', '']);
  });
});
