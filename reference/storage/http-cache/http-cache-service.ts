// The HTTP cache of one session, as Electron configures it: on disk under
// the session's directory for persistent sessions, in memory for in-memory
// ones, and none at all when the session was made with `{ cache: false }`
// or (without that option) the app has the `disable-http-cache` switch.
// Electron 1.x decided differently (storage-era.ts: cacheChoice).
// `disk-cache-size` sets the limit of a persistent session's cache.

import type { SessionIdentity } from '../../session/identity.ts';
import type { SessionService, SessionServices } from '../../session/session-services.ts';
import { STORAGE_ERAS, type StorageEra } from '../storage-era.ts';
import { MemoryCacheStore, type CacheStore } from './cache-store.ts';
import { DiskCacheStore } from './disk-cache-store.ts';
import { HttpCache } from './http-cache.ts';

/** disk_cache's default size when nothing is configured. */
export const DEFAULT_DISK_CACHE_BYTES = 80 * 1024 * 1024;
/** The in-memory backend's default size. */
export const DEFAULT_MEMORY_CACHE_BYTES = 10 * 1024 * 1024;

/** Whether a session has an HTTP cache (`identity.cache` is the option, or the switch's absence without one). */
function hasCache(era: StorageEra, identity: SessionIdentity, disabledBySwitch: boolean): boolean {
  if (era.cacheChoice === 'brightray') return identity.storagePath === null || (identity.cache && !disabledBySwitch);
  return identity.kind === 'default' ? !disabledBySwitch : identity.cache;
}

export class HttpCacheService implements SessionService {
  /** Null when the session has no HTTP cache. */
  readonly cache: HttpCache | null;
  readonly #store: CacheStore | null;
  readonly #era: StorageEra;

  constructor(services: SessionServices) {
    const app = services.app;
    const identity = services.identity;
    this.#era = STORAGE_ERAS[services.era];
    if (!hasCache(this.#era, identity, app.commandLine.hasSwitch('disable-http-cache'))) {
      this.#store = null;
    } else if (identity.storagePath === null) {
      this.#store = new MemoryCacheStore(DEFAULT_MEMORY_CACHE_BYTES);
    } else {
      const configured = Number.parseInt(app.commandLine.getSwitchValue('disk-cache-size') ?? '', 10);
      this.#store = new DiskCacheStore(identity.storagePath, configured > 0 ? configured : DEFAULT_DISK_CACHE_BYTES);
    }
    this.cache = this.#store && new HttpCache(this.#store);
  }

  /** Bytes the cache holds; without a cache, what the era reports (0 from Chromium's counter). */
  size(): Promise<number> {
    return this.#store ? this.#store.size() : Promise.resolve(this.#era.sizeWithoutCache);
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
