// How the storage area differs per era, as one typed table: the names
// clearStorageData knows (Electron's GetStorageMask and GetQuotaMask at each
// era's tag), how getBlobData answers a blob it cannot find, and what the
// ServiceWorkerContext binding emits, and which sessions get an HTTP cache.

import type { EraId } from '../../contract/eras/eras.ts';

export interface StorageEra {
  /** Storage names clearStorageData's `storages` accepts. */
  readonly storageNames: readonly string[];
  /** Quota names its `quotas` accepts. */
  readonly quotaNames: readonly string[];
  /** 1.x passed null to getBlobData's callback; later lines reject. */
  readonly unknownBlobIsNull: boolean;
  /** 'registration-completed' (Electron 17+). */
  readonly registrationCompletedEvent: boolean;
  /** 'running-status-changed' (Electron 33+). */
  readonly runningStatusEvent: boolean;
  /** getFromVersionID warns that getInfoFromVersionID replaces it. */
  readonly getFromVersionIdDeprecated: boolean;
  /**
   * Which sessions have an HTTP cache. 'brightray' (1.x): an in-memory
   * partition always has a memory cache; a persistent session has none
   * when made with `{ cache: false }` or when the app has the
   * disable-http-cache switch, which `{ cache: true }` does not override
   * (AtomBrowserContext::CreateHttpCacheBackendFactory is only asked for
   * on-disk contexts). 'per-session' (9+): the `cache` option, else the
   * absence of the switch, for every session.
   */
  readonly cacheChoice: 'brightray' | 'per-session';
  /**
   * getCacheSize of a session without a cache: 1.x found no backend and
   * passed net::ERR_FAILED (-2); the network service's counter reports 0.
   */
  readonly sizeWithoutCache: number;
  /**
   * The webRequest resourceType of a service worker's script fetch: up to
   * Electron 10 a type webRequest did not name ("other"); from 12 on
   * extensions' WebRequestResourceType, where a worker's script is a script.
   */
  readonly workerScriptResourceType: 'other' | 'script';
}

/** Every quota name of any era (REMOVE_DATA_MASK_ALL's quotas). */
export const ALL_QUOTA_NAMES = ['temporary', 'persistent', 'syncable'];
/** Every storage name of any era: REMOVE_DATA_MASK_ALL (1.x cleared Cache Storage without naming it). */
export const ALL_STORAGE_NAMES = [
  'appcache',
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'websql',
  'serviceworkers',
  'cachestorage',
];

const E9: StorageEra = {
  storageNames: ALL_STORAGE_NAMES,
  quotaNames: ALL_QUOTA_NAMES,
  unknownBlobIsNull: false,
  registrationCompletedEvent: false,
  runningStatusEvent: false,
  getFromVersionIdDeprecated: false,
  cacheChoice: 'per-session',
  sizeWithoutCache: 0,
  workerScriptResourceType: 'other',
};

export const STORAGE_ERAS: Readonly<Record<EraId, StorageEra>> = {
  legacy: {
    ...E9,
    storageNames: ALL_STORAGE_NAMES.filter((n) => n !== 'cachestorage'),
    unknownBlobIsNull: true,
    cacheChoice: 'brightray',
    sizeWithoutCache: -2,
  },
  e9: E9,
  e12: { ...E9, workerScriptResourceType: 'script' },
  e17: {
    ...E9,
    storageNames: ALL_STORAGE_NAMES.filter((n) => n !== 'appcache'),
    registrationCompletedEvent: true,
    workerScriptResourceType: 'script',
  },
  current: {
    storageNames: ['cookies', 'filesystem', 'indexdb', 'localstorage', 'shadercache', 'serviceworkers', 'cachestorage'],
    quotaNames: ['temporary'],
    unknownBlobIsNull: false,
    registrationCompletedEvent: true,
    runningStatusEvent: true,
    getFromVersionIdDeprecated: true,
    cacheChoice: 'per-session',
    sizeWithoutCache: 0,
    workerScriptResourceType: 'script',
  },
};
