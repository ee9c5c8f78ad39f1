// The HTTP cache of one session, as Electron configures it: on disk under
// the session's directory for persistent sessions, in memory for in-memory
// ones, and none at all when the session was made with `{ cache: false }`
// or (without that option) the app has the `disable-http-cache` switch.
// `disk-cache-size` sets the limit of a persistent session's cache.

import type { SessionService, SessionServices } from '../../session/session-services.ts';
import { MemoryCacheStore, type CacheStore } from './cache-store.ts';
import { DiskCacheStore } from './disk-cache-store.ts';
import { HttpCache } from './http-cache.ts';

/** disk_cache's default size when nothing is configured. */
export const DEFAULT_DISK_CACHE_BYTES = 80 * 1024 * 1024;
/** The in-memory backend's default size. */
export const DEFAULT_MEMORY_CACHE_BYTES = 10 * 1024 * 1024;

export class HttpCacheService implements SessionService {
  /** Null when the session has no HTTP cache. */
  readonly cache: HttpCache | null;
  readonly #store: CacheStore | null;

  constructor(services: SessionServices) {
    const app = services.app;
    const identity = services.identity;
    const enabled = identity.kind === 'default' ? !app.commandLine.hasSwitch('disable-http-cache') : identity.cache;
    if (!enabled) {
      this.#store = null;
    } else if (identity.storagePath === null) {
      this.#store = new MemoryCacheStore(DEFAULT_MEMORY_CACHE_BYTES);
    } else {
      const configured = Number.parseInt(app.commandLine.getSwitchValue('disk-cache-size') ?? '', 10);
      this.#store = new DiskCacheStore(identity.storagePath, configured > 0 ? configured : DEFAULT_DISK_CACHE_BYTES);
    }
    this.cache = this.#store && new HttpCache(this.#store);
  }

  /** Bytes the cache holds (0 without a cache, as Chromium's counter reports). */
  size(): Promise<number> {
    return this.#store ? this.#store.size() : Promise.resolve(0);
  }

  async clear(): Promise<void> {
    await this.#store?.clear();
  }

  async flush(): Promise<void> {
    await this.#store?.flush();
  }

  async shutdown(crash: boolean): Promise<void> {
    await this.#store?.close(crash);
  }
}

export function httpCacheService(services: SessionServices): HttpCacheService {
  return new HttpCacheService(services);
}
