// DownloadItem.getTotalBytes / getReceivedBytes: the total is the answer's
// Content-Length (0 when unknown, then the size once every byte is in), the
// received count what has reached the file.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { heldDownload, readAndCancel } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getTotalBytes', 'downloadItem.getReceivedBytes'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: 'getTotalBytes is the Content-Length (0 when unknown); getReceivedBytes counts what reached the file.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.getTotalBytes', () => {
  it("is the answer's Content-Length from 'will-download' on", async () => {
    const { value: inListener } = await readAndCancel(t, `${server.url}file?n=12345`, (item) => item.getTotalBytes());
    expect(inListener).toBe(12345);
  });

  it('is 0 while the size is unknown, then the size once the download is complete', async () => {
    const { started, gate } = await heldDownload(t, server, 'n=6000&chunked=1', 500);
    expect(started.item.getTotalBytes()).toBe(0);
    server.release(gate);
    await started.done;
    expect(started.atDone.getTotalBytes).toBe(6000);
  });
});

describe('downloadItem.getReceivedBytes', () => {
  it('counts the bytes written so far, and every byte at the end', async () => {
    const { started, gate } = await heldDownload(t, server, 'n=9000', 3000);
    server.release(gate);
    expect(await started.done).toBe('completed');
    expect([started.atDone.getReceivedBytes, started.atDone.getTotalBytes]).toEqual([9000, 9000]);
  });

  it("is 0 in 'will-download'", async () => {
    const { value: inListener } = await readAndCancel(t, `${server.url}file?n=100`, (item) => item.getReceivedBytes());
    expect(inListener).toBe(0);
  });
});
