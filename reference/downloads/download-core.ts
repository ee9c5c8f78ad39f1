// One download as Chromium's DownloadItemImpl keeps it: its state machine
// (a new download is target-pending until its path is known, in progress,
// then complete; it may be interrupted, resumed, cancelled), its byte
// counts, validators and URL chain, and the partial file. Observers hear of
// every change (Chromium's UpdateObservers), which the public DownloadItem
// turns into 'updated' and 'done'.
//
// Interruption follows InterruptWithPartialState: a cancellation discards
// the partial file; any other reason keeps it only when the download can
// continue from it (a validator and a file, and a reason that allows
// continuing), and resumes at once when the reason allows that
// (IMMEDIATE_*), up to five times in a row.

import { deletePartial, FileFailure, PartialFile } from './download-file.ts';
import type { DownloadAnswer, DownloadRequest } from './download-request.ts';
import { DownloadTransfer, type TransferEnd } from './download-transfer.ts';
import type { DownloadEra } from './download-era.ts';
import { DownloadRecord, MAX_AUTO_RESUME_ATTEMPTS, type DownloadInit } from './download-record.ts';
import { isCancellation, reasonForRequestFailure, type InterruptReason } from './interrupt-reasons.ts';

export type { DownloadInit, InternalState, PublicState } from './download-record.ts';

export interface DownloadObserver {
  updated(core: DownloadCore): void;
  destroyed(core: DownloadCore): void;
}

/** What a download needs from its session: requests, and where its file goes. */
export interface DownloadHost {
  readonly era: DownloadEra;
  request(request: DownloadRequest): Promise<DownloadAnswer>;
  /** The target path ('' cancels): the save path, or what a save dialog answers. */
  determineTarget(core: DownloadCore): Promise<string>;
}

export class DownloadCore extends DownloadRecord {
  readonly host: DownloadHost;
  #observers = new Set<DownloadObserver>();
  #deferredReason: InterruptReason = 'NONE';
  #strongValidators = false;
  #transfer: DownloadTransfer | undefined;
  #body: { answer: DownloadAnswer } | undefined;
  /** Changes whenever a pending step (request, dialog, file open) is overtaken. */
  #generation = 0;

  constructor(host: DownloadHost, init: DownloadInit) {
    super(init);
    this.host = host;
  }

  /** An item made interrupted from saved state (createInterruptedDownload), as history import makes one. */
  static interrupted(host: DownloadHost, init: DownloadInit, path: string, receivedBytes: number): DownloadCore {
    const core = new DownloadCore(host, init);
    core.state = 'interrupted';
    core.lastReason = 'NETWORK_TIMEOUT';
    core.currentPath = path;
    core.targetPath = path;
    core.receivedBytes = receivedBytes;
    // History items may not resume on their own.
    core.autoResumeCount = MAX_AUTO_RESUME_ATTEMPTS;
    return core;
  }

  observe(observer: DownloadObserver): void {
    this.#observers.add(observer);
  }

  unobserve(observer: DownloadObserver): void {
    this.#observers.delete(observer);
  }

  notify(): void {
    for (const observer of [...this.#observers]) observer.updated(this);
  }

  // ---- starting: Start(), target determination, OnTargetResolved() ----

  /** Start(): the answer of a new request (a new download, or a resumption). */
  start(answer: DownloadAnswer): void {
    if (this.state === 'cancelled') {
      answer.abort();
      return;
    }
    if (answer.result !== 'NONE') {
      answer.abort();
      this.#deferredReason = answer.result;
      this.state = 'interrupted-target-pending';
      setImmediate(() => void this.#determineTarget());
      return;
    }
    if (this.state === 'resuming') {
      this.urlChain.push(...answer.urlChain.slice(1));
      this.etag = answer.etag;
      this.lastModified = answer.lastModified;
      this.contentDisposition = answer.contentDisposition;
      this.mimeType = answer.mimeType;
      if (this.totalBytes === 0 && answer.totalBytes > 0) this.totalBytes = answer.totalBytes;
      // The server sent the whole entity: start over.
      if (answer.offset === 0) this.receivedBytes = 0;
    }
    this.#strongValidators = answer.strongValidators;
    this.#body = { answer };
    this.state = 'target-pending';
    setImmediate(() => void this.#determineTarget());
  }

  /** A step that started at `generation` was overtaken (cancel, interruption, a new attempt). */
  #overtaken(generation: number): boolean {
    return generation !== this.#generation || this.state === 'cancelled';
  }

  async #determineTarget(): Promise<void> {
    const generation = this.#generation;
    const target = await this.host.determineTarget(this);
    if (this.#overtaken(generation)) return;
    if (!target) {
      this.cancel(true);
      return;
    }
    this.targetPath = target;
    if (this.state === 'interrupted-target-pending' || !this.#body) {
      this.#targetResolved();
      return;
    }
    const { answer } = this.#body;
    this.#body = undefined;
    const resumeFrom =
      this.receivedBytes > 0 && this.currentPath ? { from: this.currentPath, offset: this.receivedBytes } : undefined;
    let file: PartialFile;
    try {
      file = await PartialFile.open(target, resumeFrom);
    } catch (error) {
      answer.abort();
      if (this.#overtaken(generation)) return;
      // The partial file is unusable (too short, or no file could be made at all).
      this.currentPath = '';
      this.receivedBytes = 0;
      this.#deferredReason = error instanceof FileFailure ? error.reason : 'FILE_FAILED';
      this.state = 'interrupted-target-pending';
      this.#targetResolved();
      return;
    }
    if (this.#overtaken(generation)) {
      answer.abort();
      await file.discard();
      return;
    }
    this.currentPath = file.path;
    this.#transfer = new DownloadTransfer(
      file,
      answer.body!,
      answer.totalBytes > 0 ? answer.totalBytes : null,
      () => answer.abort(),
      {
        progress: (bytes, rate) => this.#progress(bytes, rate),
        end: (end) => this.#transferEnded(end),
      },
    );
    this.#targetResolved();
  }

  #targetResolved(): void {
    this.state = 'target-resolved';
    if (this.#deferredReason !== 'NONE') {
      const reason = this.#deferredReason;
      this.#deferredReason = 'NONE';
      this.#interrupt(this.receivedBytes, reason);
      this.notify();
      return;
    }
    this.state = 'in-progress';
    this.notify();
    if (this.state !== 'in-progress') return;
    if (this.paused) this.#transfer?.pause();
    this.#transfer?.start();
  }

  // ---- data: DestinationUpdate, DestinationCompleted, DestinationError ----

  #progress(bytes: number, rate: number): void {
    const changed = bytes !== this.receivedBytes;
    this.receivedBytes = bytes;
    this.bytesPerSecond = rate;
    if (this.totalBytes > 0 && bytes > this.totalBytes) this.totalBytes = 0;
    if (this.paused && !changed) return;
    this.notify();
  }

  #transferEnded(end: TransferEnd): void {
    const transfer = this.#transfer;
    if (!transfer) return;
    this.receivedBytes = transfer.file.size;
    if (end.kind === 'complete' || (end.kind === 'truncated' && this.#truncationCompletes(end.lengthKnown))) {
      void this.#allDataSaved(transfer);
      return;
    }
    const reason =
      end.kind === 'file'
        ? end.failure.reason
        : end.kind === 'truncated'
          ? end.lengthKnown
            ? 'SERVER_CONTENT_LENGTH_MISMATCH'
            : 'NETWORK_FAILED'
          : reasonForRequestFailure(end.error, false);
    this.#interrupt(transfer.file.size, reason);
    this.notify();
  }

  #truncationCompletes(lengthKnown: boolean): boolean {
    const rule = this.host.era.truncatedBody;
    if (rule === 'completes') return true;
    if (rule === 'completes-without-validators') return lengthKnown && !this.#strongValidators;
    return false;
  }

  async #allDataSaved(transfer: DownloadTransfer): Promise<void> {
    this.#transfer = undefined;
    this.totalBytes = transfer.file.size;
    this.receivedBytes = transfer.file.size;
    this.bytesPerSecond = 0;
    this.notify();
    if (this.state !== 'in-progress') return;
    this.state = 'completing';
    try {
      await transfer.file.complete();
    } catch (error) {
      if (this.state !== 'completing') return;
      await transfer.file.discard();
      this.currentPath = '';
      this.state = 'in-progress';
      this.#interrupt(0, error instanceof FileFailure ? error.reason : 'FILE_FAILED');
      this.notify();
      return;
    }
    if (this.state !== 'completing') return;
    this.currentPath = this.targetPath;
    this.endTime = Date.now() / 1000;
    this.state = 'complete';
    this.notify();
  }

  // ---- interruptions and cancellation ----

  /** InterruptWithPartialState. */
  #interrupt(bytes: number, reason: InterruptReason): void {
    switch (this.state) {
      case 'cancelled':
      case 'completing':
      case 'complete':
        return;
      case 'target-pending':
      case 'interrupted-target-pending':
        if (!isCancellation(reason)) {
          this.receivedBytes = bytes;
          this.#deferredReason = reason;
          this.state = 'interrupted-target-pending';
          return;
        }
        this.lastReason = reason;
        this.#release(true);
        break;
      case 'in-progress':
      case 'target-resolved': {
        this.lastReason = reason;
        const mode = this.resumeMode();
        this.#release(mode !== 'IMMEDIATE_CONTINUE' && mode !== 'USER_CONTINUE');
        break;
      }
      case 'resuming':
      case 'interrupted':
        if (!isCancellation(reason)) return;
        this.lastReason = reason;
        if (this.currentPath) deletePartial(this.currentPath);
        this.currentPath = '';
        break;
    }
    this.#generation++;
    this.#body?.answer.abort();
    this.#body = undefined;
    this.receivedBytes = this.currentPath ? bytes : 0;
    this.bytesPerSecond = 0;
    if (isCancellation(reason)) {
      this.state = 'cancelled';
      return;
    }
    this.state = 'interrupted';
    this.#autoResume();
  }

  /** ReleaseDownloadFile: ends the transfer; the partial file is deleted or kept. */
  #release(destroy: boolean): void {
    const transfer = this.#transfer;
    this.#transfer = undefined;
    transfer?.stop();
    if (destroy) {
      if (transfer) void transfer.file.discard();
      else if (this.currentPath) deletePartial(this.currentPath);
      this.currentPath = '';
    } else if (transfer) {
      void transfer.file.detach();
    }
  }

  #autoResume(): void {
    const mode = this.resumeMode();
    if (mode !== 'IMMEDIATE_RESTART' && mode !== 'IMMEDIATE_CONTINUE') return;
    this.autoResumeCount++;
    this.#resumeInterrupted();
  }

  /** ResumeInterruptedDownload: a new request for the rest (or all) of the file. */
  #resumeInterrupted(): void {
    if (this.state !== 'interrupted') return;
    const mode = this.resumeMode();
    if (mode === 'IMMEDIATE_RESTART' || mode === 'USER_RESTART') {
      this.receivedBytes = 0;
      this.lastModified = '';
      this.etag = '';
    }
    this.state = 'resuming';
    const generation = ++this.#generation;
    void this.host
      .request({
        url: this.url,
        headers: this.requestHeaders,
        offset: this.receivedBytes,
        etag: this.etag,
        lastModified: this.lastModified,
      })
      .then((answer) => {
        if (generation !== this.#generation || this.state !== 'resuming') {
          answer.abort();
          return;
        }
        this.start(answer);
      });
  }

  // ---- what the public DownloadItem asks ----

  pause(): void {
    if (this.paused || this.state === 'cancelled' || this.state === 'complete' || this.state === 'completing') return;
    this.paused = true;
    this.#transfer?.pause();
    this.notify();
  }

  resume(): void {
    switch (this.state) {
      case 'target-pending':
      case 'target-resolved':
      case 'in-progress':
        if (!this.paused) return;
        this.paused = false;
        this.#transfer?.resume();
        this.autoResumeCount = 0;
        this.notify();
        return;
      case 'interrupted':
        this.paused = false;
        this.autoResumeCount = 0;
        this.#resumeInterrupted();
        this.notify();
        return;
      default:
        return;
    }
  }

  cancel(user: boolean): void {
    this.#interrupt(0, user ? 'USER_CANCELED' : 'USER_SHUTDOWN');
    this.notify();
  }

  /** Remove(): cancelled, observers told once more, then gone. */
  remove(): void {
    this.#interrupt(0, 'USER_CANCELED');
    this.notify();
    this.removed = true;
    for (const observer of [...this.#observers]) observer.destroyed(this);
    this.#observers.clear();
  }

  /**
   * Quit. A graceful one cancels what is unfinished (Chromium's shutdown
   * cancels in-progress downloads, deleting their partial files); a crash
   * only lets go of the connection, leaving files as they are. Nobody is told.
   */
  shutdown(crash: boolean): void {
    this.#observers.clear();
    if (this.state === 'complete' || this.state === 'cancelled') return;
    if (!crash) {
      this.#interrupt(0, 'USER_SHUTDOWN');
      return;
    }
    this.#generation++;
    this.#body?.answer.abort();
    this.#transfer?.stop();
  }
}
