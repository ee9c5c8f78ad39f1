// DownloadItem.setSaveDialogOptions / getSaveDialogOptions (Electron 9+):
// the options of the save dialog a download without a save path opens.
// Each call replaces every option: keys of the right type are kept, the rest
// keep their defaults; getSaveDialogOptions reports Electron's set of keys
// (window, title, message, buttonLabel, nameFieldLabel, defaultPath,
// filters, showsTagField, securityScopedBookmarks). The dialog takes the
// URL as title and the download directory as default path only where the
// options leave them empty.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { dialogsShown, freshSession, navigateDownload, readAndCancel, thrown, type Item } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.setSaveDialogOptions', 'downloadItem.getSaveDialogOptions'],
  eras: '>=e9',
  requires: ['network', 'downloads', 'downloads.dialog'],
  level: 'must',
  basis: 'electron',
  summary: "The save dialog's options: Electron's defaults, the keys it keeps, and the dialog opened with them.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

const DEFAULTS = {
  window: null,
  title: '',
  message: '',
  buttonLabel: '',
  nameFieldLabel: '',
  defaultPath: '',
  filters: [],
  showsTagField: true,
  securityScopedBookmarks: false,
};

/** What the item's listener code gets back, read inside 'will-download'. */
async function inListener<T>(run: (item: Item) => T): Promise<T> {
  return (await readAndCancel(t, `${server.url}file?n=10`, run)).value;
}

describe('downloadItem.getSaveDialogOptions', () => {
  it("has Electron's defaults before any option is set", async () => {
    expect(await inListener((item) => item.getSaveDialogOptions())).toEqual(DEFAULTS);
  });
});

describe('downloadItem.setSaveDialogOptions', () => {
  it('keeps every option it knows, as given', async () => {
    const options = {
      window: null,
      title: 'title',
      message: 'message',
      buttonLabel: 'buttonLabel',
      nameFieldLabel: 'nameFieldLabel',
      defaultPath: '/',
      filters: [
        { name: '1', extensions: ['.1', '.2'] },
        { name: '2', extensions: ['.3', '.4', '.5'] },
      ],
      showsTagField: true,
      securityScopedBookmarks: true,
    };
    expect(
      await inListener((item) => {
        item.setSaveDialogOptions(options);
        return item.getSaveDialogOptions();
      }),
    ).toEqual(options);
  });

  it('replaces every option at each call, drops unknown keys and values of the wrong type', async () => {
    const read = await inListener((item) => {
      item.setSaveDialogOptions({ title: 'first', message: 'kept?' });
      item.setSaveDialogOptions({
        title: 5,
        buttonLabel: 'ok',
        filters: [{ name: 'x' }],
        showsTagField: 'no',
        properties: ['openFile'],
        other: 1,
      });
      return item.getSaveDialogOptions();
    });
    expect(read).toEqual({ ...DEFAULTS, buttonLabel: 'ok' });
  });

  it('throws a TypeError for options that are no object', async () => {
    const errors = await inListener((item) => [
      thrown(() => item.setSaveDialogOptions('x')),
      thrown(() => item.setSaveDialogOptions()),
    ]);
    expect(errors.map((e) => [e?.name, e?.message])).toEqual([
      ['TypeError', 'Error processing argument at index 0, conversion failure from x'],
      ['TypeError', 'Insufficient number of arguments.'],
    ]);
  });

  it('opens the save dialog with them, the URL as title and the download directory only where they are empty', async () => {
    const ses = freshSession(t);
    const dir = await t.tempDir();
    ses.setDownloadPath(dir);
    const url = `${server.url}file?n=10&cd=attachment%3B%20filename%3Dsaved.txt`;
    const started = await navigateDownload(t, ses, url, ({ item }) => {
      item.setSaveDialogOptions({ message: 'Where to?', filters: [{ name: 'Text', extensions: ['txt'] }] });
    });
    const [shown] = await dialogsShown(t, ses);
    expect(shown).toEqual({
      ...DEFAULTS,
      title: url,
      message: 'Where to?',
      defaultPath: path.join(dir, 'saved.txt'),
      filters: [{ name: 'Text', extensions: ['txt'] }],
    });
    await t.driver.downloads.answerSaveDialog({ session: ses, cancel: true });
    expect(await started.done).toBe('cancelled');
  });

  it('keeps a title and default path of its own in the dialog', async () => {
    const ses = freshSession(t);
    const started = await navigateDownload(t, ses, `${server.url}file?n=10`, ({ item }) => {
      item.setSaveDialogOptions({ title: 'Save the thing', defaultPath: '/elsewhere/thing.bin' });
    });
    const [shown] = await dialogsShown(t, ses);
    expect([shown!.title, shown!.defaultPath]).toEqual(['Save the thing', '/elsewhere/thing.bin']);
    await t.driver.downloads.answerSaveDialog({ session: ses, cancel: true });
    await started.done;
  });
});
