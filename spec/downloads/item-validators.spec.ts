// DownloadItem.getETag / getLastModifiedTime: the answer's validators, kept
// (and used to resume) only when they are strong by HTTP's rules: an ETag
// that is not weak, or a Last-Modified at least a minute before the
// answer's Date. Weak validators are dropped, both of them.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { readAndCancel, type Started } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getETag', 'downloadItem.getLastModifiedTime'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: 'getETag and getLastModifiedTime report the validators of the answer when they are strong, and nothing otherwise.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

async function downloadOf(query: string): Promise<{ started: Started }> {
  return readAndCancel(t, `${server.url}file?n=10&${query}`);
}

describe('downloadItem.getETag', () => {
  it('is a strong ETag as sent', async () => {
    const { started } = await downloadOf('etag=strong&modified=none');
    expect(started.atDone.getETag).toBe(downloads.etagFor(10));
  });

  it("is '' for a weak ETag without a strong Last-Modified", async () => {
    const { started } = await downloadOf('etag=weak&modified=new');
    expect([started.atDone.getETag, started.atDone.getLastModifiedTime]).toEqual(['', '']);
  });

  it("is '' when the answer has none", async () => {
    const { started } = await downloadOf('etag=none&modified=none');
    expect(started.atDone.getETag).toBe('');
  });
});

describe('downloadItem.getLastModifiedTime', () => {
  it('is a Last-Modified a day older than Date, as sent', async () => {
    const { started } = await downloadOf('etag=none&modified=old');
    const value = started.atDone.getLastModifiedTime as string;
    expect(Date.parse(value)).toBeLessThan(Date.now() - 23 * 60 * 60 * 1000);
    expect(value).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it("is '' for a Last-Modified equal to Date and no ETag", async () => {
    const { started } = await downloadOf('etag=none&modified=new');
    expect(started.atDone.getLastModifiedTime).toBe('');
  });

  it('is kept beside a strong ETag even when it is recent', async () => {
    const { started } = await downloadOf('etag=strong&modified=new');
    expect(started.atDone.getETag).toBe(downloads.etagFor(10));
    expect(started.atDone.getLastModifiedTime).not.toBe('');
  });
});
