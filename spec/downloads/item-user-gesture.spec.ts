// DownloadItem.hasUserGesture: whether a user gesture started the
// navigation that became the download; false for downloads the app starts.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { freshSession, readAndCancel, urlDownload } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.hasUserGesture'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: 'hasUserGesture tells whether a user gesture started the download.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.hasUserGesture', () => {
  it('is true for a navigation a user gesture started, false otherwise', async () => {
    for (const gesture of [true, false]) {
      const { value: seen } = await readAndCancel(
        t,
        `${server.url}file?n=10&gesture=${gesture}`,
        (item) => item.hasUserGesture(),
        gesture,
      );
      expect(seen, String(gesture)).toBe(gesture);
    }
  });

  t.itInEras('>=e9', 'is false for ses.downloadURL', async () => {
    let seen: unknown;
    const started = await urlDownload(freshSession(t), `${server.url}file?n=10`, ({ item }) => {
      seen = item.hasUserGesture();
      item.cancel();
    });
    await started.done;
    expect(seen).toBe(false);
  });
});
