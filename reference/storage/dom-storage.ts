// localStorage of one session, per origin. Persistent sessions keep it in one
// JSON file under their storage path, written atomically when flushed (by
// ses.flushStorageData() or a graceful quit); in-memory sessions never touch
// the disk. Unflushed writes are lost if the app is killed, as in Chromium,
// where DOM storage is committed to disk lazily.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file.ts';

const FILE = path.join('Local Storage', 'local-storage.json');

type OriginStore = Map<string, string>;

export class DomStorage {
  readonly #file: string | null;
  readonly #origins = new Map<string, OriginStore>();
  #dirty = false;

  constructor(storagePath: string | null) {
    this.#file = storagePath === null ? null : path.join(storagePath, FILE);
    if (this.#file) this.#load(this.#file);
  }

  #load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const data = JSON.parse(text) as Record<string, Record<string, string>>;
    for (const [origin, entries] of Object.entries(data)) {
      this.#origins.set(origin, new Map(Object.entries(entries)));
    }
  }

  getItem(origin: string, key: string): string | null {
    return this.#origins.get(origin)?.get(key) ?? null;
  }

  setItem(origin: string, key: string, value: string): void {
    let store = this.#origins.get(origin);
    if (!store) this.#origins.set(origin, (store = new Map()));
    store.set(key, value);
    this.#dirty = true;
  }

  removeItem(origin: string, key: string): void {
    if (this.#origins.get(origin)?.delete(key)) this.#dirty = true;
  }

  clearOrigin(origin: string): void {
    if (this.#origins.delete(origin)) this.#dirty = true;
  }

  clearAll(): void {
    if (this.#origins.size) this.#dirty = true;
    this.#origins.clear();
  }

  #serialize(): string {
    const data: Record<string, Record<string, string>> = {};
    for (const [origin, store] of this.#origins) data[origin] = Object.fromEntries(store);
    return JSON.stringify(data);
  }

  async flush(): Promise<void> {
    if (!this.#file || !this.#dirty) return;
    this.#dirty = false;
    await writeFileAtomic(this.#file, this.#serialize());
  }

  flushSync(): void {
    if (!this.#file || !this.#dirty) return;
    this.#dirty = false;
    writeFileAtomicSync(this.#file, this.#serialize());
  }
}
