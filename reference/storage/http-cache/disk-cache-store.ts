// The HTTP cache of a persistent session, on disk in `<storagePath>/Cache/
// Cache_Data` as Chromium lays it out: one file per entry (its headers as
// JSON, then the body), named by a hash of the key. Each file is written
// whole to a temporary name, fsynced and renamed over the old one, so a
// crash leaves an entry either complete or absent; a file that does not
// parse (or whose body is short) is dropped on the next start. The index is
// the directory itself, read when the session opens the cache.
//
// Writes are queued and run one at a time in the background; an entry is
// served from memory until its file is written. A crash loses entries whose
// write had not finished, as Chromium's simple cache loses its pending ones.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file.ts';
import type { CacheEntryMeta } from './cache-entry.ts';
import { evictionOrder, type CacheStore, type StoredResponse } from './cache-store.ts';

export const CACHE_DIRECTORY = path.join('Cache', 'Cache_Data');
const MAGIC = Buffer.from('SCHC0001');
const SUFFIX = '_0';

interface IndexEntry {
  meta: CacheEntryMeta;
  file: string;
  /** The file's size once written. */
  bytes: number;
  /** The body while its file is being written. */
  pending?: Uint8Array;
}

function fileNameOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16) + SUFFIX;
}

function encode(meta: CacheEntryMeta, body: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json, body]);
}

/** The entry a file holds, or undefined for a file that is not one of ours or is damaged. */
function decodeHead(data: Buffer): { meta: CacheEntryMeta; bodyOffset: number } | undefined {
  if (data.length < MAGIC.length + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = data.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (data.length < start + length) return undefined;
  let meta: CacheEntryMeta;
  try {
    meta = JSON.parse(data.subarray(start, start + length).toString('utf8')) as CacheEntryMeta;
  } catch {
    return undefined;
  }
  if (typeof meta?.key !== 'string' || data.length - start - length !== meta.bodySize) return undefined;
  return { meta, bodyOffset: start + length };
}

export class DiskCacheStore implements CacheStore {
  readonly #dir: string;
  readonly #limit: number;
  readonly #index = new Map<string, IndexEntry>();
  readonly #ready: Promise<void>;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  /** After a crash nothing more reaches the disk. */
  #crashed = false;

  constructor(storagePath: string, limitBytes: number) {
    this.#dir = path.join(storagePath, CACHE_DIRECTORY);
    this.#limit = limitBytes;
    this.#ready = this.#load();
  }

  get maxEntryBytes(): number {
    return Math.floor(this.#limit / 8);
  }

  async #load(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const file = path.join(this.#dir, name);
      // Temporary files of writes a crash interrupted.
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await fs.rm(file, { force: true });
        continue;
      }
      if (!name.endsWith(SUFFIX)) continue;
      const data = await fs.readFile(file).catch(() => undefined);
      const head = data && decodeHead(data);
      if (!head || fileNameOf(head.meta.key) !== name) {
        await fs.rm(file, { force: true });
        continue;
      }
      this.#index.set(head.meta.key, { meta: head.meta, file, bytes: data.length });
    }
  }

  /** Runs `task` after every write queued before it. */
  #enqueue(task: () => Promise<void>): Promise<void> {
    const guarded = () => (this.#crashed ? Promise.resolve() : task());
    const run = this.#queue.then(guarded, guarded);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    await this.#ready;
    const entry = this.#index.get(key);
    if (!entry) return undefined;
    const meta = structuredClone(entry.meta);
    const pending = entry.pending;
    return {
      meta,
      body: async () => {
        if (pending) return pending;
        const data = await fs.readFile(entry.file);
        const head = decodeHead(data);
        if (!head) throw new Error('cache entry damaged');
        return data.subarray(head.bodyOffset);
      },
    };
  }

  async put(meta: CacheEntryMeta, body: Uint8Array): Promise<void> {
    await this.#ready;
    if (this.#closed) return;
    const data = encode(meta, body);
    const entry: IndexEntry = {
      meta: structuredClone(meta),
      file: path.join(this.#dir, fileNameOf(meta.key)),
      bytes: data.length,
      pending: body,
    };
    this.#index.set(meta.key, entry);
    void this.#enqueue(async () => {
      if (this.#index.get(meta.key) !== entry) return;
      await writeFileAtomic(entry.file, data);
      delete entry.pending;
    }).catch(() => {
      // A write that fails leaves no entry behind.
      if (this.#index.get(meta.key) === entry) this.#index.delete(meta.key);
    });
    await this.#evict();
  }

  async #evict(): Promise<void> {
    const entries = [...this.#index].map(([key, e]) => ({ key, bytes: e.bytes, lastUsed: e.meta.lastUsed }));
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    for (const key of evictionOrder(entries, total, this.#limit)) await this.delete(key);
  }

  async update(meta: CacheEntryMeta): Promise<void> {
    await this.#ready;
    const stored = await this.get(meta.key);
    if (!stored) return;
    const body = await stored.body().catch(() => undefined);
    if (body) await this.put({ ...meta, bodySize: body.byteLength }, body);
  }

  touch(key: string, when: number): void {
    const entry = this.#index.get(key);
    if (entry) entry.meta.lastUsed = when;
  }

  async delete(key: string): Promise<void> {
    await this.#ready;
    const entry = this.#index.get(key);
    if (!entry) return;
    this.#index.delete(key);
    await this.#enqueue(async () => {
      if (!this.#index.has(key)) await fs.rm(entry.file, { force: true });
    });
  }

  async clear(): Promise<void> {
    await this.#ready;
    this.#index.clear();
    await this.#enqueue(async () => {
      const names = await fs.readdir(this.#dir).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => n.endsWith(SUFFIX)).map((n) => fs.rm(path.join(this.#dir, n), { force: true })));
    });
  }

  async size(): Promise<number> {
    await this.#ready;
    let total = 0;
    for (const entry of this.#index.values()) total += entry.bytes;
    return total;
  }

  async flush(): Promise<void> {
    await this.#ready;
    await this.#enqueue(async () => undefined);
  }

  async close(crash: boolean): Promise<void> {
    if (crash) this.#crashed = true;
    else await this.flush();
    this.#closed = true;
  }
}
