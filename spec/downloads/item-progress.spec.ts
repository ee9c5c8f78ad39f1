// DownloadItem.getPercentComplete, getCurrentBytesPerSecond and getEndTime
// (Electron 30+): the percentage of the known total (-1 while it is
// unknown), the current rate (0 while paused and once complete), and when
// the download completed (0 until then), in seconds.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { heldDownload } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getPercentComplete', 'downloadItem.getCurrentBytesPerSecond', 'downloadItem.getEndTime'],
  eras: 'current',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: 'Progress as a percentage, the current rate, and the end time of a download.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });
const partly = (query: string, first: number) => heldDownload(t, server, query, first);

describe('downloadItem.getPercentComplete', () => {
  it('is the share of the total received, rounded down, and 100 at the end', async () => {
    const { started, gate } = await partly('n=3000', 1000);
    expect(started.item.getPercentComplete()).toBe(33);
    server.release(gate);
    await started.done;
    expect(started.atDone.getPercentComplete).toBe(100);
  });

  it('is -1 while the total is unknown', async () => {
    const { started, gate } = await partly('n=3000&chunked=1', 1000);
    expect(started.item.getPercentComplete()).toBe(-1);
    server.release(gate);
    await started.done;
  });
});

describe('downloadItem.getCurrentBytesPerSecond', () => {
  it('is 0 while paused and once the download is complete', async () => {
    const { started, gate } = await partly('n=3000', 1000);
    started.item.pause();
    expect(started.item.getCurrentBytesPerSecond()).toBe(0);
    started.item.resume();
    server.release(gate);
    await started.done;
    expect(started.atDone.getCurrentBytesPerSecond).toBe(0);
  });
});

describe('downloadItem.getEndTime', () => {
  it('is 0 until the download completes, then a time after its start, in seconds', async () => {
    const { started, gate } = await partly('n=3000', 1000);
    expect(started.item.getEndTime()).toBe(0);
    server.release(gate);
    await started.done;
    const end = started.atDone.getEndTime as number;
    expect(end).toBeGreaterThanOrEqual(started.atDone.getStartTime as number);
    expect(end).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  });
});
