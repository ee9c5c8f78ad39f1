// Data a session keeps per origin (IndexedDB databases, Cache Storage
// caches): one JSON file per origin in a directory of the session, or memory
// only for in-memory sessions. Chromium commits these before it tells the
// page a transaction or cache operation completed, so every change is
// written out at once (queued, one write at a time, each atomic) and the
// caller can wait for its write; a crash loses at most the writes still
// queued and never leaves a torn file.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';

/** `http://127.0.0.1:8080` -> `http_127.0.0.1_8080` (Chromium's origin identifier shape). */
export function originFileStem(origin: string): string {
  const url = new URL(origin);
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '0');
  return `${url.protocol.replace(':', '')}_${url.hostname}_${port}`;
}

/** The serialized origin of a URL or origin string, or null when it has none. */
export function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export class OriginFiles<T> {
  readonly #dir: string | null;
  readonly #suffix: string;
  readonly #data = new Map<string, T>();
  #queue: Promise<void> = Promise.resolve();
  #crashed = false;

  constructor(dir: string | null, suffix: string) {
    this.#dir = dir;
    this.#suffix = suffix;
    if (dir) this.#load(dir);
  }

  #load(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        rmSync(file, { force: true });
        continue;
      }
      if (!name.endsWith(this.#suffix)) continue;
      try {
        const record = JSON.parse(readFileSync(file, 'utf8')) as { origin: string; data: T };
        if (typeof record.origin === 'string') this.#data.set(record.origin, record.data);
      } catch {
        // A file that does not parse is not ours to keep.
        rmSync(file, { force: true });
      }
    }
  }

  #fileOf(origin: string): string {
    return path.join(this.#dir!, originFileStem(origin) + this.#suffix);
  }

  origins(): string[] {
    return [...this.#data.keys()];
  }

  get(origin: string): T | undefined {
    return this.#data.get(origin);
  }

  /** Replaces the origin's data; resolves once it is written out. */
  set(origin: string, data: T): Promise<void> {
    this.#data.set(origin, data);
    return this.#write(origin);
  }

  /** Drops the origin's data; resolves once its file is gone. */
  delete(origin: string): Promise<void> {
    return this.#data.delete(origin) ? this.#write(origin) : Promise.resolve();
  }

  #write(origin: string): Promise<void> {
    if (!this.#dir) return Promise.resolve();
    const file = this.#fileOf(origin);
    const task = async () => {
      if (this.#crashed) return;
      const data = this.#data.get(origin);
      if (data === undefined) await fs.rm(file, { force: true });
      else await writeFileAtomic(file, JSON.stringify({ origin, data }));
    };
    this.#queue = this.#queue.then(task, task).catch(() => undefined);
    return this.#queue;
  }

  /** Resolves once every change so far is on disk. */
  flush(): Promise<void> {
    return this.#queue;
  }

  async shutdown(crash: boolean): Promise<void> {
    if (crash) this.#crashed = true;
    else await this.flush();
  }
}
