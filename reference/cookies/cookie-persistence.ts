// When a session's cookies reach the disk. Like Chromium's persistent cookie
// store, changes are batched: they are written 30 seconds after the first
// unwritten change, or at once when 512 have piled up; flushStore() and a
// graceful quit write immediately. A crash writes nothing more, so what is
// on disk is the last complete write. Writes never overlap.

import type { Cookie } from 'tough-cookie';
import { warnStoreWrite } from '../storage/store-file.ts';
import type { CookieFile } from './cookie-file.ts';

export const COMMIT_INTERVAL_MS = 30_000;
export const COMMIT_BATCH_SIZE = 512;

export class CookiePersistence {
  readonly #file: CookieFile | null;
  readonly #snapshot: () => Cookie[];
  #pending = 0;
  #timer: NodeJS.Timeout | undefined;
  #writes: Promise<void> = Promise.resolve();
  #closed = false;

  /** `file` is null for in-memory sessions: nothing is ever written. */
  constructor(file: CookieFile | null, snapshot: () => Cookie[]) {
    this.#file = file;
    this.#snapshot = snapshot;
  }

  get pendingChanges(): number {
    return this.#pending;
  }

  noteChange(): void {
    if (!this.#file || this.#closed) return;
    this.#pending++;
    if (this.#pending >= COMMIT_BATCH_SIZE) {
      this.flush().catch(() => undefined);
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => this.flush().catch(() => undefined), COMMIT_INTERVAL_MS);
      this.#timer.unref();
    }
  }

  /** Resolves when the writes already started have ended, without starting one. */
  settled(): Promise<void> {
    return this.#writes.catch(() => undefined);
  }

  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const file = this.#file;
    if (!file || this.#closed) return this.#writes;
    const write = async () => {
      const pending = this.#pending;
      if (!pending) return;
      this.#pending = 0;
      try {
        await file.write(this.#snapshot());
      } catch (error) {
        // Chromium's store reports nothing to the page or the app: the changes stay in memory and pending.
        this.#pending += pending;
        warnStoreWrite(file.path, error);
      }
    };
    this.#writes = this.#writes.then(write, write);
    return this.#writes;
  }

  /** A graceful quit writes what is pending; a crash only lets a write already under way finish. */
  async shutdown(crash: boolean): Promise<void> {
    if (!crash) await this.flush();
    clearTimeout(this.#timer);
    this.#closed = true;
    await this.#writes.catch(() => undefined);
  }
}
