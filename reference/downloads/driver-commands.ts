// The driver's downloads commands: a page of the session navigates to a URL
// whose answer the browser would not render (Content-Disposition:
// attachment, or a type no page shows), which becomes a download with the
// page's webContents; and the user's side of the save dialog: what each
// dialog was opened with, and an answer for the oldest one still open.

import type { DriverImplementation } from '../../contract/driver-commands.ts';
import { openPage } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { parseContentDisposition } from '../net/http/content-disposition.ts';
import { requestDownload, type DownloadAnswer } from './download-request.ts';
import { downloadService } from './download-service.ts';
import { isRenderedMimeType } from './rendered-types.ts';

/** Chromium's IsDownload for a navigation's answer. */
function becomesDownload(answer: DownloadAnswer): boolean {
  if (answer.status === 0 && answer.body === null) return false;
  if (answer.contentDisposition && parseContentDisposition(answer.contentDisposition).type === 'attachment') return true;
  if (answer.status === 204 || answer.status === 205) return false;
  if (isRenderedMimeType(answer.mimeType)) return false;
  return Math.floor(answer.status / 100) === 2;
}

export const DOWNLOAD_DRIVER_COMMANDS: DriverImplementation = {
  'downloads.navigate': async ({ session, url, hasUserGesture }) => {
    const services = servicesOf(session as object);
    const answer = await requestDownload(services.network, {
      url,
      headers: [],
      offset: 0,
      etag: '',
      lastModified: '',
      navigation: true,
    });
    if (!becomesDownload(answer)) {
      answer.abort();
      return { download: false };
    }
    services
      .use(downloadService)
      // The page that navigated (the stand-in pages of app/web-contents.ts): a navigation
      // that becomes a download never commits, so the page keeps its blank start.
      .adoptNavigation(answer, {
        webContents: openPage(session, 'about:blank').webContents,
        hasUserGesture: hasUserGesture ?? false,
      });
    return { download: true };
  },
  'downloads.saveDialogs': ({ session }) => {
    const dialogs = servicesOf(session as object).use(downloadService).dialogs;
    return { shown: dialogs.shown(), pending: dialogs.pendingCount() };
  },
  'downloads.answerSaveDialog': ({ session, filePath, cancel }) => {
    const dialogs = servicesOf(session as object).use(downloadService).dialogs;
    return dialogs.answer(cancel || filePath === undefined ? { canceled: true } : { filePath });
  },
};
