// The bytes of one download on disk. They go to a partial file beside the
// target (`<target>.crdownload`, Chromium's own intermediate name), and only
// a complete download is fsynced and renamed over the target, so the target
// never holds half a file. A cancelled or failed download deletes its
// partial file; an interrupted one that can be resumed keeps it, and a
// resumption appends to it (after cutting it to the offset it resumes from).
// A resumption may also start from a partial file at the target itself, as
// Electron leaves one for createInterruptedDownload: it is moved aside first.

import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../storage/atomic-file.ts';
import { reasonForFileError, type InterruptReason } from './interrupt-reasons.ts';

export class FileFailure extends Error {
  readonly reason: InterruptReason;
  constructor(reason: InterruptReason, cause?: unknown) {
    super(`download file: ${reason}`, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}

export function partialPathFor(target: string): string {
  return `${target}.crdownload`;
}

export class PartialFile {
  readonly path: string;
  readonly target: string;
  readonly #handle: fs.FileHandle;
  #position: number;
  #closed = false;

  private constructor(target: string, partial: string, handle: fs.FileHandle, position: number) {
    this.target = target;
    this.path = partial;
    this.#handle = handle;
    this.#position = position;
  }

  /**
   * Opens the partial file for `target`: empty for a fresh start, or the
   * bytes of `resume.from` cut to `resume.offset` (FILE_TOO_SHORT when there
   * are fewer).
   */
  static async open(target: string, resume?: { from: string; offset: number }): Promise<PartialFile> {
    const partial = partialPathFor(target);
    try {
      if (!resume || resume.offset === 0) {
        const handle = await fs.open(partial, 'w', 0o644);
        return new PartialFile(target, partial, handle, 0);
      }
      if (resume.from !== partial) await fs.rename(resume.from, partial);
      const handle = await fs.open(partial, 'r+');
      const { size } = await handle.stat();
      if (size < resume.offset) {
        await handle.close();
        throw new FileFailure('FILE_TOO_SHORT');
      }
      await handle.truncate(resume.offset);
      return new PartialFile(target, partial, handle, resume.offset);
    } catch (error) {
      if (error instanceof FileFailure) throw error;
      if ((error as { code?: unknown }).code === 'ENOENT' && resume && resume.offset > 0)
        throw new FileFailure('FILE_TOO_SHORT', error);
      throw new FileFailure(reasonForFileError(error), error);
    }
  }

  get size(): number {
    return this.#position;
  }

  /** Appends `chunks` (one system call for all of them, as a rule). */
  async write(chunks: readonly Uint8Array[]): Promise<void> {
    let pending = chunks.filter((c) => c.byteLength > 0);
    try {
      while (pending.length) {
        const { bytesWritten } = await this.#handle.writev(pending, this.#position);
        this.#position += bytesWritten;
        let skip = bytesWritten;
        const rest: Uint8Array[] = [];
        for (const chunk of pending) {
          if (skip >= chunk.byteLength) skip -= chunk.byteLength;
          else {
            rest.push(chunk.subarray(skip));
            skip = 0;
          }
        }
        pending = rest;
      }
    } catch (error) {
      throw new FileFailure(reasonForFileError(error), error);
    }
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#handle.close().catch(() => undefined);
  }

  /** fsync, rename over the target, fsync the directory. */
  async complete(): Promise<void> {
    try {
      await this.#handle.sync();
      await this.#close();
      await fs.rename(this.path, this.target);
      await fsyncDirectory(path.dirname(this.target));
    } catch (error) {
      await this.#close();
      throw new FileFailure(reasonForFileError(error), error);
    }
  }

  /** Keeps the bytes for a later resumption. */
  async detach(): Promise<void> {
    await this.#handle.sync().catch(() => undefined);
    await this.#close();
  }

  /**
   * Deletes the partial file at once (its name may be reused by the next
   * attempt before the handle is closed) and then closes the handle.
   */
  async discard(): Promise<void> {
    deletePartial(this.path);
    await this.#close();
  }
}

/**
 * Deletes a partial file at once, so it is gone when 'done' says cancelled;
 * a write still pending on it lands in the unlinked file.
 */
export function deletePartial(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Already gone, or a directory the user named: nothing of ours to delete.
  }
}
