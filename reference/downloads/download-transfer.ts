// Moves one answer's body into the partial file, as Chromium's DownloadFile
// and download job do: nothing reaches the file while the download is paused
// (the connection is left open; once the body's buffer is full the server
// is held back by TCP's own backpressure), progress is reported at most every
// 500 ms (DownloadFileImpl's update period) with the current rate, and the
// end of the body, a failure of the request or of the disk is reported once.

import { type NetError, netErrorName, toNetError } from '../net/net-error.ts';
import { FileFailure, type PartialFile } from './download-file.ts';
import type { BodyRead, PrefetchedBody } from './prefetched-body.ts';

const UPDATE_PERIOD_MS = 500;

export type TransferEnd =
  | { kind: 'complete' }
  /** The body ended before its Content-Length (`lengthKnown`) or its chunked framing said. */
  | { kind: 'truncated'; lengthKnown: boolean }
  | { kind: 'network'; error: NetError }
  | { kind: 'file'; failure: FileFailure };

export interface TransferHooks {
  /** Bytes written so far and the current rate (bytes per second). */
  progress(bytes: number, bytesPerSecond: number): void;
  end(end: TransferEnd): void;
}

export class DownloadTransfer {
  readonly file: PartialFile;
  readonly #body: PrefetchedBody;
  readonly #expected: number | null;
  readonly #abortRequest: () => void;
  readonly #hooks: TransferHooks;
  #paused = false;
  #resumeGate: (() => void) | undefined;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;
  #lastTick = { at: Date.now(), bytes: 0 };

  /** `expectedBytes`: how many bytes the body should carry (Content-Length), when known. */
  constructor(
    file: PartialFile,
    body: PrefetchedBody,
    expectedBytes: number | null,
    abortRequest: () => void,
    hooks: TransferHooks,
  ) {
    this.file = file;
    this.#body = body;
    this.#expected = expectedBytes === null ? null : file.size + expectedBytes;
    this.#abortRequest = abortRequest;
    this.#hooks = hooks;
    this.#lastTick = { at: Date.now(), bytes: file.size };
  }

  start(): void {
    void this.#pump();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#resumeGate?.();
    this.#resumeGate = undefined;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Stops reading and ends the request; the owner decides what becomes of the file. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#resumeGate?.();
    this.#abortRequest();
    this.#body.cancel();
  }

  #tick(): void {
    this.#timer = undefined;
    if (this.#stopped) return;
    const now = Date.now();
    const elapsed = Math.max(1, now - this.#lastTick.at);
    const rate = this.#paused ? 0 : Math.round(((this.file.size - this.#lastTick.bytes) * 1000) / elapsed);
    this.#lastTick = { at: now, bytes: this.file.size };
    this.#hooks.progress(this.file.size, rate);
  }

  #schedule(): void {
    if (!this.#timer) this.#timer = setTimeout(() => this.#tick(), UPDATE_PERIOD_MS);
  }

  #finish(end: TransferEnd): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#hooks.end(end);
  }

  /** While paused, nothing more is read, and a chunk read just before the pause waits unwritten. */
  async #whilePaused(): Promise<void> {
    while (this.#paused && !this.#stopped) await new Promise<void>((resolve) => (this.#resumeGate = resolve));
  }

  async #pump(): Promise<void> {
    for (;;) {
      await this.#whilePaused();
      if (this.#stopped) return;
      let chunk: BodyRead;
      try {
        chunk = await this.#body.read();
      } catch (error) {
        this.#finish(this.#failure(error));
        return;
      }
      if (this.#stopped) return;
      if (!chunk.done) await this.#whilePaused();
      if (this.#stopped) return;
      if (chunk.done) {
        const short = this.#expected !== null && this.file.size < this.#expected;
        this.#finish(short ? { kind: 'truncated', lengthKnown: true } : { kind: 'complete' });
        return;
      }
      try {
        await this.file.write(chunk.value);
      } catch (error) {
        this.#finish({ kind: 'file', failure: error instanceof FileFailure ? error : new FileFailure('FILE_FAILED', error) });
        return;
      }
      this.#schedule();
    }
  }

  /** A connection closed early is a truncated body (ERR_CONTENT_LENGTH_MISMATCH or an incomplete chunked one). */
  #failure(error: unknown): TransferEnd {
    const failure = toNetError(error);
    const name = netErrorName(failure.code);
    const closedEarly =
      name === 'ERR_CONNECTION_CLOSED' ||
      name === 'ERR_CONNECTION_RESET' ||
      name === 'ERR_CONTENT_LENGTH_MISMATCH' ||
      name === 'ERR_INCOMPLETE_CHUNKED_ENCODING';
    if (closedEarly) return { kind: 'truncated', lengthKnown: this.#expected !== null && this.file.size < this.#expected };
    return { kind: 'network', error: failure };
  }
}
