// DownloadItem.getURL / getURLChain: the chain holds every URL the request
// went through, redirects included; getURL is its last.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { readAndCancel } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getURL', 'downloadItem.getURLChain'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: 'getURLChain lists every URL through redirects; getURL is the last of them.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('downloadItem.getURLChain', () => {
  it('is the one URL of a download that was not redirected', async () => {
    const url = `${server.url}file?n=10&plain=1`;
    const { started } = await readAndCancel(t, url);
    expect(started.atDone.getURLChain).toEqual([url]);
  });

  it('lists every URL through redirects, in order', async () => {
    const final = `${server.url}file?n=10&final=1`;
    const middle = `${server.url}redirect?code=301&to=${encodeURIComponent(final)}`;
    const first = `${server.url}redirect?code=302&to=${encodeURIComponent(middle)}`;
    const { started } = await readAndCancel(t, first);
    expect(started.atDone.getURLChain).toEqual([first, middle, final]);
  });
});

describe('downloadItem.getURL', () => {
  it('is the last URL of the chain', async () => {
    const final = `${server.url}file?n=10&last=1`;
    const first = `${server.url}redirect?to=${encodeURIComponent(final)}`;
    const { value: inListener, started } = await readAndCancel(t, first, (item) => item.getURL());
    expect(inListener).toBe(final);
    expect(started.atDone.getURL).toBe(final);
  });
});
