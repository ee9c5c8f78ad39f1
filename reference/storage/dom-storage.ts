// localStorage of one session, per origin. Persistent sessions keep it in one
// JSON file under their storage path, written atomically when flushed (by
// ses.flushStorageData() or a graceful quit); in-memory sessions never touch
// the disk. Unflushed writes are lost if the app is killed, as in Chromium,
// where DOM storage is committed to disk lazily. A damaged file is kept aside
// and the store starts empty (storage/store-file.ts).

import path from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-file.ts';
import { openStoreFile, warnStoreWrite } from './store-file.ts';

const FILE = path.join('Local Storage', 'local-storage.json');

type OriginStore = Map<string, string>;

/** The file's document: origins, each a map of string keys to string values; anything else is damage. */
function parseDomStorage(text: string): Map<string, OriginStore> {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not a local storage document');
  const origins = new Map<string, OriginStore>();
  for (const [origin, entries] of Object.entries(data as Record<string, unknown>)) {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new Error(`bad entries for ${origin}`);
    const store: OriginStore = new Map();
    for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof value !== 'string') throw new Error(`bad value for ${origin} ${key}`);
      store.set(key, value);
    }
    origins.set(origin, store);
  }
  return origins;
}

export class DomStorage {
  readonly #file: string | null;
  readonly #origins = new Map<string, OriginStore>();
  #dirty = false;

  constructor(storagePath: string | null) {
    this.#file = storagePath === null ? null : path.join(storagePath, FILE);
    if (this.#file) this.#load(this.#file);
  }

  #load(file: string): void {
    const opened = openStoreFile(file, parseDomStorage);
    if (opened.kind === 'loaded') for (const [origin, store] of opened.value) this.#origins.set(origin, store);
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

  /** Writes what changed; a file system that refuses keeps it in memory (and dirty), as Chromium's stores do. */
  async flush(): Promise<void> {
    const file = this.#file;
    if (!file || !this.#dirty) return;
    this.#dirty = false;
    try {
      await writeFileAtomic(file, this.#serialize());
    } catch (error) {
      this.#dirty = true;
      warnStoreWrite(file, error);
    }
  }

  flushSync(): void {
    const file = this.#file;
    if (!file || !this.#dirty) return;
    this.#dirty = false;
    try {
      writeFileAtomicSync(file, this.#serialize());
    } catch (error) {
      this.#dirty = true;
      warnStoreWrite(file, error);
    }
  }
}
