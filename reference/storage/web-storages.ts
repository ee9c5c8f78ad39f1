// The storages pages of a session write besides localStorage, as far as
// clearStorageData and persistence can tell them apart: IndexedDB (per
// origin, database, object store and key) and Cache Storage (per origin,
// cache name and request URL). Both live under the session's directory where
// Chromium keeps them (`IndexedDB/`, `Service Worker/CacheStorage/`) and
// are written as each operation completes: a put resolves once its write
// is on disk, as the page's transaction completes after Chromium's commit.

import path from 'node:path';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { OriginFiles } from './origin-files.ts';

type IndexedDbData = Record<string, Record<string, Record<string, unknown>>>;

export interface CachedResponseRecord {
  status: number;
  headers: [string, string][];
  /** The body, base64. */
  body: string;
}

type CacheStorageData = Record<string, Record<string, CachedResponseRecord>>;

export class WebStorages implements SessionService {
  readonly indexedDB: OriginFiles<IndexedDbData>;
  readonly cacheStorage: OriginFiles<CacheStorageData>;

  constructor(storagePath: string | null) {
    this.indexedDB = new OriginFiles(storagePath && path.join(storagePath, 'IndexedDB'), '.indexeddb.json');
    this.cacheStorage = new OriginFiles(
      storagePath && path.join(storagePath, 'Service Worker', 'CacheStorage'),
      '.cachestorage.json',
    );
  }

  idbPut(origin: string, database: string, store: string, key: string, value: unknown): Promise<void> {
    const data = structuredClone(this.indexedDB.get(origin) ?? {});
    ((data[database] ??= {})[store] ??= {})[key] = value;
    return this.indexedDB.set(origin, data);
  }

  idbGet(origin: string, database: string, store: string, key: string): unknown {
    const value = this.indexedDB.get(origin)?.[database]?.[store]?.[key];
    return value === undefined ? null : structuredClone(value);
  }

  cachePut(origin: string, cacheName: string, url: string, response: CachedResponseRecord): Promise<void> {
    const data = structuredClone(this.cacheStorage.get(origin) ?? {});
    (data[cacheName] ??= {})[url] = response;
    return this.cacheStorage.set(origin, data);
  }

  cacheMatch(origin: string, cacheName: string, url: string): CachedResponseRecord | null {
    return this.cacheStorage.get(origin)?.[cacheName]?.[url] ?? null;
  }

  async flush(): Promise<void> {
    await Promise.all([this.indexedDB.flush(), this.cacheStorage.flush()]);
  }

  async shutdown(crash: boolean): Promise<void> {
    await Promise.all([this.indexedDB.shutdown(crash), this.cacheStorage.shutdown(crash)]);
  }
}

export function webStorages(services: SessionServices): WebStorages {
  return new WebStorages(services.identity.storagePath);
}
