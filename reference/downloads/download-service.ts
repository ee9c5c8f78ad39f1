// The downloads of one session (Chromium's DownloadManager with Electron's
// download manager delegate): starting them from downloadURL, from a page's
// navigation or from saved state (createInterruptedDownload), announcing
// each with 'will-download' (preventDefault cancels and removes it), and
// deciding where each goes: the item's save path when the app set one,
// otherwise a save dialog opened on the download directory plus the
// generated file name. Obtain it with `services.use(downloadService)`.

import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createElectronEvent } from '../events/electron-event.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { DownloadCore, type DownloadHost, type DownloadInit } from './download-core.ts';
import { DOWNLOAD_ERAS, type DownloadEra } from './download-era.ts';
import { DownloadItemBinding } from './download-item-binding.ts';
import { requestDownload, type DownloadAnswer, type DownloadRequest } from './download-request.ts';
import { defaultDialogSettings, SaveDialogs } from './save-dialog.ts';

/** Who a download comes from: a page (its webContents, whether a user gesture started it) or the app. */
export interface DownloadOrigin {
  webContents: object | null;
  hasUserGesture: boolean;
}

export interface InterruptedDownloadOptions {
  path: string;
  urlChain: string[];
  mimeType: string;
  offset: number;
  length: number;
  lastModified: string;
  eTag: string;
  startTime: number;
}

export class DownloadService implements SessionService {
  readonly era: DownloadEra;
  readonly dialogs = new SaveDialogs();
  /** The session's download directory (Chromium's download.default_directory pref). */
  downloadPath: string;
  readonly #services: SessionServices;
  readonly #bindings = new WeakMap<DownloadCore, DownloadItemBinding>();
  readonly #cores = new Set<DownloadCore>();
  readonly #host: DownloadHost;
  #lastSavedDirectory = '';
  #shutDown = false;

  constructor(services: SessionServices) {
    this.#services = services;
    this.era = DOWNLOAD_ERAS[services.era];
    this.downloadPath = services.app.getPath('downloads');
    this.#host = {
      era: this.era,
      request: (request) => requestDownload(services.network, request),
      determineTarget: (core) => this.#determineTarget(core),
    };
  }

  setDownloadPath(directory: string): void {
    this.downloadPath = directory;
  }

  /** ses.downloadURL: the request goes out now; 'will-download' follows its answer. */
  downloadUrl(url: string, headers: readonly [string, string][]): void {
    const request: DownloadRequest = { url, headers, offset: 0, etag: '', lastModified: '' };
    void this.#host
      .request(request)
      .then((answer) => this.#fromAnswer(answer, headers, { webContents: null, hasUserGesture: false }));
  }

  /** A download from an answer a page's navigation got (the driver's downloads.navigate). */
  adoptNavigation(answer: DownloadAnswer, origin: DownloadOrigin): void {
    this.#fromAnswer(answer, [], origin);
  }

  /** ses.createInterruptedDownload: the item is announced before this returns. */
  createInterrupted(options: InterruptedDownloadOptions): void {
    const init: DownloadInit = {
      urlChain: options.urlChain,
      mimeType: options.mimeType,
      contentDisposition: '',
      totalBytes: options.length,
      etag: options.eTag,
      lastModified: options.lastModified,
      startTime: options.startTime,
      hasUserGesture: false,
      requestHeaders: [],
    };
    const core = DownloadCore.interrupted(this.#host, init, options.path, options.offset);
    const binding = this.#bind(core);
    binding.savePath = options.path;
    this.#announce(core, binding, null);
  }

  #fromAnswer(answer: DownloadAnswer, headers: readonly [string, string][], origin: DownloadOrigin): void {
    if (this.#shutDown) {
      answer.abort();
      return;
    }
    const core = new DownloadCore(this.#host, {
      urlChain: answer.urlChain,
      mimeType: answer.mimeType,
      contentDisposition: answer.contentDisposition,
      totalBytes: answer.totalBytes,
      etag: answer.etag,
      lastModified: answer.lastModified,
      startTime: Date.now() / 1000,
      hasUserGesture: origin.hasUserGesture,
      requestHeaders: headers,
    });
    // Chromium starts the item before it tells observers, so cancel() works in the listener.
    core.start(answer);
    this.#announce(core, this.#bind(core), origin.webContents);
  }

  #bind(core: DownloadCore): DownloadItemBinding {
    const binding = new DownloadItemBinding(core, this.#services.era);
    this.#bindings.set(core, binding);
    this.#cores.add(core);
    core.observe({ updated: () => undefined, destroyed: () => this.#cores.delete(core) });
    return binding;
  }

  #announce(core: DownloadCore, binding: DownloadItemBinding, webContents: object | null): void {
    const event = createElectronEvent();
    this.#services.session.emit('will-download', event, binding.object, webContents);
    if (event.defaultPrevented) {
      core.cancel(true);
      core.remove();
    }
  }

  /**
   * The directory a save dialog starts in, the download path created if
   * missing: CreateDownloadPath, which Electron runs off the main thread
   * (here on libuv's pool), so it always ends in a later task.
   */
  async #dialogDirectory(): Promise<string> {
    const last = this.#lastSavedDirectory;
    const downloadPath = this.downloadPath;
    if (this.era.dialogDirectory === 'last-saved-directory' && last) {
      const exists = await access(last).then(
        () => true,
        () => false,
      );
      if (exists) return last;
    }
    try {
      await mkdir(downloadPath, { recursive: true });
    } catch {
      // The dialog opens on it anyway; a file that cannot be made there interrupts the download.
    }
    return downloadPath;
  }

  /** ElectronDownloadManagerDelegate::DetermineDownloadTarget and its save dialog. */
  async #determineTarget(core: DownloadCore): Promise<string> {
    const binding = this.#bindings.get(core);
    if (binding?.savePath) return binding.savePath;
    const defaultPath = path.join(await this.#dialogDirectory(), core.filename);
    // OnDownloadPathGenerated asks the item again: the app may have set a path while the directory was made.
    if (binding?.savePath) return binding.savePath;
    if (this.#shutDown) return '';
    const settings = binding ? { ...binding.dialogOptions } : defaultDialogSettings();
    if (!settings.title) settings.title = core.url;
    if (!settings.defaultPath) settings.defaultPath = defaultPath;
    const answer = await this.dialogs.show(settings);
    if ('canceled' in answer || !answer.filePath) return '';
    const directory = path.dirname(answer.filePath);
    if (this.era.dialogDirectory === 'download-path') this.downloadPath = directory;
    else this.#lastSavedDirectory = directory;
    if (binding && !binding.wrapperDestroyed) binding.savePath = answer.filePath;
    return answer.filePath;
  }

  shutdown(crash: boolean): void {
    this.#shutDown = true;
    this.dialogs.cancelAll();
    for (const core of this.#cores) core.shutdown(crash);
    this.#cores.clear();
  }
}

export const downloadService = (services: SessionServices): DownloadService => new DownloadService(services);
