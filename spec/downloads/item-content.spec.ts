// DownloadItem.getMimeType / getContentDisposition: the answer's MIME type
// (lower case, without parameters; sniffed from the body when it sends none,
// see item-mime-sniffing.spec.ts) and its Content-Disposition header as sent
// ('' when absent).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { readAndCancel, type Started } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getMimeType', 'downloadItem.getContentDisposition'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: "getMimeType is the answer's MIME type without parameters; getContentDisposition its header as sent.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

async function downloadOf(query: string): Promise<Started> {
  return (await readAndCancel(t, `${server.url}file?n=10&${query}`)).started;
}

describe('downloadItem.getMimeType', () => {
  it('is the Content-Type without its parameters, in lower case', async () => {
    const started = await downloadOf(`type=${encodeURIComponent('Application/PDF; charset=binary')}`);
    expect(started.atDone.getMimeType).toBe('application/pdf');
  });

  it('is sniffed from the body when the answer has no Content-Type (text here)', async () => {
    expect((await downloadOf('type=none&cd=attachment')).atDone.getMimeType).toBe('text/plain');
  });
});

describe('downloadItem.getContentDisposition', () => {
  it('is the header as the server sent it', async () => {
    const header = 'attachment; filename="Report 2024.txt"; filename*=UTF-8\'\'Report%202024.txt';
    expect((await downloadOf(`cd=${encodeURIComponent(header)}`)).atDone.getContentDisposition).toBe(header);
  });

  it("is '' when the answer has none", async () => {
    expect((await downloadOf('no-cd=1')).atDone.getContentDisposition).toBe('');
  });
});
