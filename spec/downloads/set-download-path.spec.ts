// ses.setDownloadPath and the save dialog it seeds: a download without a
// save path opens a save dialog whose default path is the session's download
// directory (created if missing; app.getPath('downloads') by default) plus
// the generated file name, titled with the URL. The user's choice becomes
// the save path; a cancel cancels the download. Electron 12+ start the next
// dialog in the directory last chosen; 1.x and 9 make it the download
// directory itself.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import {
  contentOf,
  dialogsShown,
  freshSession,
  navigateDownload,
  thrown,
  type Session,
  type Started,
} from './download-support.ts';

export const meta = defineSpec({
  members: ['ses.setDownloadPath'],
  eras: '*',
  requires: ['network', 'downloads', 'downloads.dialog'],
  level: 'must',
  basis: 'electron',
  summary: 'A download without a save path opens a save dialog in the download directory; the choice is where the file goes.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });
const NAMED = 'cd=attachment%3B%20filename%3Dreport.txt';

async function dialogDownload(session: Session, query = NAMED): Promise<{ started: Started; dialog: Record<string, unknown> }> {
  const before = (await t.driver.downloads.saveDialogs({ session })).shown.length;
  const started = await navigateDownload(t, session, `${server.url}file?n=1200&${query}`);
  return { started, dialog: (await dialogsShown(t, session, before + 1))[before]! };
}

/** A download whose dialog the user answers with a file in a new directory: that directory. */
async function chooseDirectoryInDialog(session: Session): Promise<string> {
  const { started } = await dialogDownload(session);
  const chosenDir = await t.tempDir();
  await t.driver.downloads.answerSaveDialog({ session, filePath: path.join(chosenDir, 'one.txt') });
  await started.done;
  return chosenDir;
}

/** The default path of the dialog the next download opens; the user cancels it. */
async function nextDialogDefaultPath(session: Session): Promise<unknown> {
  const { started, dialog } = await dialogDownload(session);
  await t.driver.downloads.answerSaveDialog({ session, cancel: true });
  await started.done;
  return dialog.defaultPath;
}

describe('ses.setDownloadPath', () => {
  it('is where the save dialog of a download without a save path opens, with the generated name and the URL as title', async () => {
    const ses = freshSession(t);
    const dir = path.join(await t.tempDir(), 'not', 'yet');
    ses.setDownloadPath(dir);
    const { started, dialog } = await dialogDownload(ses);
    expect(dialog.defaultPath).toBe(path.join(dir, 'report.txt'));
    expect(dialog.title).toBe(`${server.url}file?n=1200&${NAMED}`);
    expect(existsSync(dir)).toBe(true);
    await t.driver.downloads.answerSaveDialog({ session: ses, cancel: true });
    expect(await started.done).toBe('cancelled');
  });

  it("defaults to app.getPath('downloads') for a session made after it is set", async () => {
    const dir = path.join(await t.tempDir(), 'downloads-dir');
    t.app.setPath('downloads', dir);
    const ses = freshSession(t);
    const { started, dialog } = await dialogDownload(ses);
    expect(dialog.defaultPath).toBe(path.join(dir, 'report.txt'));
    await t.driver.downloads.answerSaveDialog({ session: ses, cancel: true });
    expect(await started.done).toBe('cancelled');
  });

  it('writes the file where the dialog answer points, which becomes the save path', async () => {
    const ses = freshSession(t);
    ses.setDownloadPath(await t.tempDir());
    const { started } = await dialogDownload(ses);
    const chosen = path.join(await t.tempDir(), 'picked.txt');
    expect(await t.driver.downloads.answerSaveDialog({ session: ses, filePath: chosen })).toBe(true);
    expect(await started.done).toBe('completed');
    expect(started.atDone.getSavePath).toBe(chosen);
    expect((await contentOf(chosen)).equals(patternBytes(1200))).toBe(true);
  });

  it('opens no dialog for a download whose save path is set', async () => {
    const ses = freshSession(t);
    const file = path.join(await t.tempDir(), 'direct.bin');
    const started = await navigateDownload(t, ses, `${server.url}file?n=50`, ({ item }) => item.setSavePath(file));
    await started.done;
    expect(await t.driver.downloads.saveDialogs({ session: ses })).toEqual({ shown: [], pending: 0 });
  });

  t.itInEras('>=e12', 'is overridden by the directory last chosen in a dialog while that exists', async () => {
    const ses = freshSession(t);
    ses.setDownloadPath(await t.tempDir());
    const chosenDir = await chooseDirectoryInDialog(ses);
    ses.setDownloadPath(await t.tempDir());
    expect(await nextDialogDefaultPath(ses)).toBe(path.join(chosenDir, 'report.txt'));
  });

  t.itInEras('legacy,e9', 'is replaced by the directory chosen in a dialog, and can be set again', async () => {
    const ses = freshSession(t);
    ses.setDownloadPath(await t.tempDir());
    const chosenDir = await chooseDirectoryInDialog(ses);
    expect(await nextDialogDefaultPath(ses)).toBe(path.join(chosenDir, 'report.txt'));
    const later = await t.tempDir();
    ses.setDownloadPath(later);
    expect(await nextDialogDefaultPath(ses)).toBe(path.join(later, 'report.txt'));
  });

  it('throws a TypeError for a path that is no string', () => {
    const ses = freshSession(t);
    const detail = t.era === 'legacy' || t.era === 'e9' ? 'true' : '';
    expect(thrown(() => ses.setDownloadPath(true))).toMatchObject({
      name: 'TypeError',
      message: `Error processing argument at index 0, conversion failure from ${detail}`,
    });
    expect(thrown(() => ses.setDownloadPath())).toMatchObject({
      name: 'TypeError',
      message: 'Insufficient number of arguments.',
    });
  });
});
