// How the storage area differs per era, as one typed table: the names
// clearStorageData knows (Electron's GetStorageMask and GetQuotaMask at each
// era's tag), how getBlobData answers a blob it cannot find, and what the
// ServiceWorkerContext binding emits.

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
};

export const STORAGE_ERAS: Readonly<Record<EraId, StorageEra>> = {
  legacy: { ...E9, storageNames: ALL_STORAGE_NAMES.filter((n) => n !== 'cachestorage'), unknownBlobIsNull: true },
  e9: E9,
  e12: E9,
  e17: { ...E9, storageNames: ALL_STORAGE_NAMES.filter((n) => n !== 'appcache'), registrationCompletedEvent: true },
  current: {
    storageNames: ['cookies', 'filesystem', 'indexdb', 'localstorage', 'shadercache', 'serviceworkers', 'cachestorage'],
    quotaNames: ['temporary'],
    unknownBlobIsNull: false,
    registrationCompletedEvent: true,
    runningStatusEvent: true,
    getFromVersionIdDeprecated: true,
  },
};
