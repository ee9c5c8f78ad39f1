// The Session's 'will-download' event: emitted when a download is created,
// with an Electron event, the DownloadItem and the webContents it comes
// from (a page's navigation) or null. preventDefault() cancels the download
// and destroys the item: in 12+ its members then throw 'DownloadItem used
// after being destroyed' except the save path and dialog options it holds
// itself; in 1.x and 9 the whole object is destroyed. A navigation to an
// answer the page shows is no download.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { filesIn, freshSession, ITEM_METHODS, navigateDownload, readAndCancel, thrown } from './download-support.ts';

export const meta = defineSpec({
  members: ["ses.on('will-download')"],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary: "'will-download' hands out each new DownloadItem with its webContents; preventDefault() cancels and destroys it.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe("ses.on('will-download')", () => {
  it('is emitted with an event, a DownloadItem and the navigating page', async () => {
    const ses = freshSession(t);
    const started = await navigateDownload(t, ses, `${server.url}file?n=10`, ({ item }) => item.cancel());
    expect(typeof started.event.preventDefault).toBe('function');
    expect((started.item as { constructor: { name: string } }).constructor.name).toBe('DownloadItem');
    expect(started.webContents).toBeTruthy();
    expect((started.webContents as { session: unknown }).session).toBe(ses);
    await started.done;
  });

  it('gives every download its own item', async () => {
    const ses = freshSession(t);
    const first = await navigateDownload(t, ses, `${server.url}file?n=10&first-item=1`, ({ item }) => item.cancel());
    const second = await navigateDownload(t, ses, `${server.url}file?n=10&second-item=1`, ({ item }) => item.cancel());
    expect(first.item).not.toBe(second.item);
    await Promise.all([first.done, second.done]);
  });

  it("comes from a page's request that passed the session's webRequest and carried its cookies", async () => {
    const ses = freshSession(t);
    await t.invoke(ses.cookies, 'cookies.set', { url: server.url, name: 'page', value: 'cookie' });
    const seen: string[] = [];
    ses.webRequest.onBeforeSendHeaders!((details: { url: string }, callback: (r: object) => void) => {
      seen.push(details.url);
      callback({});
    });
    const url = `${server.url}file?n=10&page-request=1`;
    const started = await navigateDownload(t, ses, url, ({ item }) => item.cancel());
    await started.done;
    expect(seen).toContain(url);
    const request = server.log.requests.find((r) => r.url.includes('page-request=1'))!;
    expect(request.headers.cookie).toBe('page=cookie');
  });

  it('is not emitted for a navigation to an answer the page shows', async () => {
    const ses = freshSession(t);
    let emitted = false;
    ses.on('will-download', () => (emitted = true));
    for (const type of ['text/html', 'text/plain', 'image/png', 'application/json']) {
      const { download } = await t.driver.downloads.navigate({
        session: ses,
        url: `${server.url}file?n=10&type=${encodeURIComponent(type)}`,
      });
      expect(download, type).toBe(false);
    }
    expect(emitted).toBe(false);
  });

  it('is emitted for an answer the page would show when it is an attachment', async () => {
    const { started } = await readAndCancel(t, `${server.url}file?n=10&type=text%2Fhtml&cd=attachment`);
    expect(started.atDone.getMimeType).toBe('text/html');
  });

  it("cancels the download on preventDefault(): 'done' says cancelled and nothing is written", async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=1024`, ({ event, item }) => {
      item.setSavePath(path.join(dir, 'prevented.bin'));
      event.preventDefault();
    });
    expect(await started.done).toBe('cancelled');
    expect(await filesIn(dir)).toEqual([]);
  });

  t.itInEras('>=e12', 'destroys the item on preventDefault(): its members throw, its save path still answers', async () => {
    let inListener: unknown;
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?n=1024&cd=inline%3B%20filename%3D%22mockFile.txt%22`,
      ({ event, item }) => {
        event.preventDefault();
        inListener = [item.getURL(), item.getFilename()];
        item.setSavePath('/tmp/kept-on-the-object');
      },
    );
    expect(inListener).toEqual([`${server.url}file?n=1024&cd=inline%3B%20filename%3D%22mockFile.txt%22`, 'mockFile.txt']);
    await new Promise((resolve) => setImmediate(resolve));
    for (const call of [() => started.item.getURL(), () => started.item.getState(), () => started.item.cancel()]) {
      const error = thrown(call);
      expect([error?.constructor.name, error?.message]).toEqual(['Error', 'DownloadItem used after being destroyed']);
    }
    expect(started.item.getSavePath()).toBe('/tmp/kept-on-the-object');
  });

  t.itInEras('>=e12', 'after preventDefault() every member throws except the save path and dialog options', async () => {
    const dialog = { title: 'kept', defaultPath: '/tmp/kept.bin' };
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=1024&all-members=1`, ({ event, item }) => {
      event.preventDefault();
      item.setSaveDialogOptions(dialog);
    });
    await new Promise((resolve) => setImmediate(resolve));
    const item = started.item as unknown as Record<string, (...args: unknown[]) => unknown>;
    const kept = new Set(['setSavePath', 'getSavePath', 'setSaveDialogOptions', 'getSaveDialogOptions']);
    const members = ITEM_METHODS.filter((name) => !kept.has(name) && typeof item[name] === 'function');
    expect(members.length).toBeGreaterThanOrEqual(18);
    for (const name of members) {
      const error = thrown(() => item[name]!());
      expect([name, error?.constructor.name, error?.message]).toEqual([name, 'Error', 'DownloadItem used after being destroyed']);
    }
    expect(started.item.getSaveDialogOptions()).toMatchObject(dialog);
    started.item.savePath = '/tmp/set-after.bin';
    expect(started.item.getSavePath()).toBe('/tmp/set-after.bin');
  });

  t.itInEras('legacy,e9', 'destroys the whole item on preventDefault(): every member throws', async () => {
    const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=1024`, ({ event }) => event.preventDefault());
    await new Promise((resolve) => setImmediate(resolve));
    for (const call of [() => started.item.getURL(), () => started.item.getSavePath()]) {
      const error = thrown(call);
      expect([error?.constructor.name, error?.message]).toEqual([
        t.era === 'legacy' ? 'Error' : 'TypeError',
        'Object has been destroyed',
      ]);
    }
  });
});
