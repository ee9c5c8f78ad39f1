// Where the HTTP cache keeps its entries: the interface both backends offer
// (memory for in-memory sessions, disk for persistent ones) and the memory
// backend. As in Chromium's backends, an entry takes effect at once (the
// next request finds it) while writing it to disk may finish later; flush()
// waits for those writes. Sizes are what the entries occupy, and the least
// recently used entries go first when the cache outgrows its limit; an entry
// bigger than an eighth of the limit is not kept at all.

import type { CacheEntryMeta } from './cache-entry.ts';

export interface StoredResponse {
  readonly meta: CacheEntryMeta;
  body(): Promise<Uint8Array>;
}

export interface CacheStore {
  get(key: string): Promise<StoredResponse | undefined>;
  /** Stores (or replaces) an entry. */
  put(meta: CacheEntryMeta, body: Uint8Array): Promise<void>;
  /** Rewrites an entry's headers and times (after a 304), keeping its body. */
  update(meta: CacheEntryMeta): Promise<void>;
  /** Notes a use, for eviction. */
  touch(key: string, when: number): void;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  /** Bytes held. */
  size(): Promise<number>;
  /** The largest body the cache keeps. */
  readonly maxEntryBytes: number;
  flush(): Promise<void>;
  close(crash: boolean): Promise<void>;
}

/** What an entry costs besides its body: its key and headers, as a backend records them. */
export function metaBytes(meta: CacheEntryMeta): number {
  return Buffer.byteLength(JSON.stringify(meta));
}

/** Keys of entries to drop, least recently used first, until `total` fits `limit`. */
export function evictionOrder(
  entries: Iterable<{ key: string; bytes: number; lastUsed: number }>,
  total: number,
  limit: number,
): string[] {
  if (total <= limit) return [];
  const sorted = [...entries].sort((a, b) => a.lastUsed - b.lastUsed);
  const out: string[] = [];
  let remaining = total;
  for (const entry of sorted) {
    if (remaining <= limit) break;
    out.push(entry.key);
    remaining -= entry.bytes;
  }
  return out;
}

export class MemoryCacheStore implements CacheStore {
  readonly #entries = new Map<string, { meta: CacheEntryMeta; body: Uint8Array; bytes: number }>();
  readonly #limit: number;
  #total = 0;

  constructor(limitBytes: number) {
    this.#limit = limitBytes;
  }

  get maxEntryBytes(): number {
    return Math.floor(this.#limit / 8);
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const { meta, body } = entry;
    return { meta: structuredClone(meta), body: async () => body };
  }

  async put(meta: CacheEntryMeta, body: Uint8Array): Promise<void> {
    this.#remove(meta.key);
    const bytes = metaBytes(meta) + body.byteLength;
    this.#entries.set(meta.key, { meta: structuredClone(meta), body, bytes });
    this.#total += bytes;
    for (const key of evictionOrder(this.#list(), this.#total, this.#limit)) this.#remove(key);
  }

  #list() {
    return [...this.#entries].map(([key, e]) => ({ key, bytes: e.bytes, lastUsed: e.meta.lastUsed }));
  }

  async update(meta: CacheEntryMeta): Promise<void> {
    const entry = this.#entries.get(meta.key);
    if (entry) await this.put({ ...meta, bodySize: entry.body.byteLength }, entry.body);
  }

  touch(key: string, when: number): void {
    const entry = this.#entries.get(key);
    if (entry) entry.meta.lastUsed = when;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#total -= entry.bytes;
  }

  async delete(key: string): Promise<void> {
    this.#remove(key);
  }

  async clear(): Promise<void> {
    this.#entries.clear();
    this.#total = 0;
  }

  async size(): Promise<number> {
    return this.#total;
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    await this.clear();
  }
}
