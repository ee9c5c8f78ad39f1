// DownloadItem.savePath (Electron 9+): the same save path as
// setSavePath/getSavePath, as a read-write property.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, freshSession, navigateDownload, readAndCancel, thrown } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.savePath'],
  eras: '>=e9',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: 'savePath reads and writes the save path; a file is written where it points.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.savePath', () => {
  it('writes the file where the property points', async () => {
    const file = path.join(await t.tempDir(), 'prop.bin');
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=2000`, ({ item }) => {
      item.savePath = file;
    });
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(2000))).toBe(true);
  });

  it('is the path setSavePath sets, and the other way round', async () => {
    const { value: seen } = await readAndCancel(t, `${server.url}file?n=10`, (item) => {
      const read = [item.savePath];
      item.setSavePath('/a/b.bin');
      read.push(item.savePath);
      item.savePath = '/c/d.bin';
      read.push(item.getSavePath());
      return read;
    });
    expect(seen).toEqual(['', '/a/b.bin', '/c/d.bin']);
  });

  it('throws a TypeError when set to a value that is no path', async () => {
    const { value: error } = await readAndCancel(t, `${server.url}file?n=10`, (item) =>
      thrown(() => {
        item.savePath = 5;
      }),
    );
    const detail = t.era === 'e9' ? '5' : '';
    expect([error?.name, error?.message]).toEqual([
      'TypeError',
      `Error processing argument at index 0, conversion failure from ${detail}`,
    ]);
  });
});
