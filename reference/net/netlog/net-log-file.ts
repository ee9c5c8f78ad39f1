// Writes one NetLog capture as Chromium's JSON file: `{"constants": ...,
// "events": [...], "polledData": {}}`. Events go to a temporary file beside
// the target while logging runs; stopping writes the finished file
// atomically, so the log at `path` is never half written. With a maximum
// size, events stop being recorded once their bytes would exceed it (the
// docs' "logging will automatically stop"); the file stays valid JSON.

import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../../storage/atomic-file.ts';
import type { CaptureMode, NetLogEntry, NetLogObserver } from './net-log-bus.ts';

const FLUSH_BYTES = 64 * 1024;

/**
 * base::File::ErrorToString of the error opening a log hits, with errno read
 * as base::File::OSErrorToFileError reads it (a directory is ACCESS_DENIED).
 */
function fileErrorString(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EISDIR':
    case 'EROFS':
    case 'EPERM':
      return 'FILE_ERROR_ACCESS_DENIED';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'FILE_ERROR_IN_USE';
    case 'EEXIST':
      return 'FILE_ERROR_EXISTS';
    case 'EIO':
      return 'FILE_ERROR_IO';
    case 'ENOENT':
      return 'FILE_ERROR_NOT_FOUND';
    case 'ENFILE':
    case 'EMFILE':
      return 'FILE_ERROR_TOO_MANY_OPENED';
    case 'ENOMEM':
      return 'FILE_ERROR_NO_MEMORY';
    case 'ENOSPC':
      return 'FILE_ERROR_NO_SPACE';
    case 'ENOTDIR':
      return 'FILE_ERROR_NOT_A_DIRECTORY';
    default:
      return 'FILE_ERROR_FAILED';
  }
}

/**
 * Fails as Chromium's open of the log (CREATE_ALWAYS | WRITE) fails on what is
 * already at `file`: a directory or a file that may not be written. Nothing is
 * created or truncated here; the finished log replaces the file at the end.
 */
function checkWritable(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new Error(fileErrorString(error as NodeJS.ErrnoException));
  }
  closeSync(fd);
}

export class NetLogFile implements NetLogObserver {
  readonly mode: CaptureMode;
  readonly path: string;
  readonly #maxBytes: number;
  readonly #temp: string;
  readonly #fd: number;
  readonly #constants: Record<string, unknown>;
  #pending: string[] = [];
  #pendingBytes = 0;
  #eventBytes = 0;
  #count = 0;
  #full = false;

  /** Throws Error(base::File error string) when the file cannot be created. */
  constructor(file: string, mode: CaptureMode, maxBytes: number, constants: Record<string, unknown>) {
    this.path = file;
    this.mode = mode;
    this.#maxBytes = maxBytes;
    this.#constants = constants;
    this.#temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.netlog-events`);
    checkWritable(file);
    try {
      this.#fd = openSync(this.#temp, 'wx', 0o600);
    } catch (error) {
      throw new Error(fileErrorString(error as NodeJS.ErrnoException));
    }
  }

  onEntry(entry: NetLogEntry): void {
    if (this.#full) return;
    const text = JSON.stringify(entry);
    const bytes = Buffer.byteLength(text) + (this.#count ? 2 : 0);
    if (this.#eventBytes + bytes > this.#maxBytes) {
      this.#full = true;
      return;
    }
    this.#pending.push(this.#count ? `,\n${text}` : text);
    this.#count++;
    this.#eventBytes += bytes;
    this.#pendingBytes += bytes;
    if (this.#pendingBytes >= FLUSH_BYTES) this.#flush();
  }

  #flush(): void {
    if (!this.#pending.length) return;
    writeSync(this.#fd, this.#pending.join(''));
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /**
   * Writes the finished log to `path` and removes the temporary file. A write
   * that fails (the path became a directory meanwhile, the disk filled) loses
   * the log without an error, as Chromium's FileNetLogObserver ignores its
   * failed writes and stopLogging still resolves.
   */
  async finish(): Promise<void> {
    this.#flush();
    closeSync(this.#fd);
    try {
      const events = readFileSync(this.#temp, 'utf8');
      const text = `{"constants":${JSON.stringify(this.#constants)},\n"events": [\n${events}${events ? '\n' : ''}],\n"polledData": {}\n}\n`;
      await writeFileAtomic(this.path, text).catch(() => undefined);
    } finally {
      rmSync(this.#temp, { force: true });
    }
  }

  /** A killed app leaves no finished log; the partial events file is dropped too. */
  abandon(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // Already closed.
    }
    rmSync(this.#temp, { force: true });
  }
}
