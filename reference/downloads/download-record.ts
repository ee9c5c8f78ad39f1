// What one download is at a moment, as Chromium's DownloadItemImpl reports
// it: its data (URL chain, MIME type, sizes, validators, paths, state) and
// the answers computed from it (its public state, its file name, whether it
// is done, how it may resume). DownloadCore (download-core.ts) changes it.

import { generateFilename } from './generated-filename.ts';
import { interruptedIsDone, resumeModeFor, type InterruptReason, type ResumeMode } from './interrupt-reasons.ts';

export const MAX_AUTO_RESUME_ATTEMPTS = 5;

export type InternalState =
  | 'target-pending'
  | 'interrupted-target-pending'
  | 'target-resolved'
  | 'in-progress'
  | 'completing'
  | 'complete'
  | 'interrupted'
  | 'resuming'
  | 'cancelled';

export type PublicState = 'progressing' | 'completed' | 'cancelled' | 'interrupted';

export interface DownloadInit {
  urlChain: string[];
  mimeType: string;
  contentDisposition: string;
  totalBytes: number;
  etag: string;
  lastModified: string;
  /** Seconds since the epoch. */
  startTime: number;
  hasUserGesture: boolean;
  requestHeaders: readonly [string, string][];
}

export abstract class DownloadRecord {
  readonly hasUserGesture: boolean;
  readonly startTime: number;
  readonly requestHeaders: readonly [string, string][];
  urlChain: string[];
  mimeType: string;
  contentDisposition: string;
  totalBytes: number;
  receivedBytes = 0;
  bytesPerSecond = 0;
  etag: string;
  lastModified: string;
  endTime = 0;
  state: InternalState = 'target-pending';
  paused = false;
  lastReason: InterruptReason = 'NONE';
  /** The partial file's path while one is kept ('' for none). */
  currentPath = '';
  targetPath = '';
  autoResumeCount = 0;
  removed = false;

  constructor(init: DownloadInit) {
    this.urlChain = [...init.urlChain];
    this.mimeType = init.mimeType;
    this.contentDisposition = init.contentDisposition;
    this.totalBytes = init.totalBytes;
    this.etag = init.etag;
    this.lastModified = init.lastModified;
    this.startTime = init.startTime;
    this.hasUserGesture = init.hasUserGesture;
    this.requestHeaders = init.requestHeaders;
  }

  get url(): string {
    return this.urlChain[this.urlChain.length - 1] ?? '';
  }

  get publicState(): PublicState {
    switch (this.state) {
      case 'complete':
        return 'completed';
      case 'cancelled':
        return 'cancelled';
      case 'interrupted':
        return 'interrupted';
      default:
        return 'progressing';
    }
  }

  get filename(): string {
    return generateFilename({ url: this.url, contentDisposition: this.contentDisposition, mimeType: this.mimeType });
  }

  isDone(): boolean {
    if (this.state === 'complete' || this.state === 'cancelled') return true;
    return this.state === 'interrupted' && interruptedIsDone(this.url, this.lastReason);
  }

  resumeMode(): ResumeMode {
    const restartRequired = this.currentPath === '' || (this.etag === '' && this.lastModified === '');
    const userActionRequired = this.autoResumeCount >= MAX_AUTO_RESUME_ATTEMPTS || this.paused;
    return resumeModeFor(this.url, this.lastReason, restartRequired, userActionRequired);
  }

  canResume(): boolean {
    if (this.state === 'target-pending' || this.state === 'target-resolved' || this.state === 'in-progress') return this.paused;
    if (this.state !== 'interrupted') return false;
    const mode = this.resumeMode();
    return mode === 'USER_RESTART' || mode === 'USER_CONTINUE';
  }

  percentComplete(): number {
    return this.totalBytes <= 0 ? -1 : Math.floor((this.receivedBytes * 100) / this.totalBytes);
  }

  currentSpeed(): number {
    return this.paused ? 0 : this.bytesPerSecond;
  }
}
