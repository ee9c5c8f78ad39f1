// DownloadItem.getStartTime: when the download started, in seconds since
// the epoch (with a fraction).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { freshSession, navigateDownload } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getStartTime'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: 'getStartTime is when the download started, in seconds since the epoch.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.getStartTime', () => {
  it('is a time in seconds between the request and the announcement', async () => {
    const before = Math.floor(Date.now() / 1000);
    let start: unknown;
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=10`, ({ item }) => {
      start = item.getStartTime();
      item.cancel();
    });
    const after = Date.now() / 1000;
    await started.done;
    expect(typeof start).toBe('number');
    expect(start as number).toBeGreaterThanOrEqual(before);
    expect(start as number).toBeLessThanOrEqual(after);
  });
});
