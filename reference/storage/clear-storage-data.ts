// ses.clearStorageData([options]): the options as Electron converts them in
// each era, and the clearing itself as Chromium's StoragePartition::ClearData
// does it. A non-object argument, or a field that does not convert (an
// `origin` that is no string, `storages`/`quotas` that are not arrays of
// strings) leaves the default: everything. Names match case-insensitively;
// unknown ones add nothing, so a list of unknown names clears nothing.
//
// With an origin, cookies go only if they are host cookies of its host
// (domain cookies stay), the rest only for that origin. Quota-managed
// storages (IndexedDB, Cache Storage, service workers) are all of the
// temporary quota type, so they go only when `quotas` includes 'temporary'.
// The HTTP cache is not storage data: clearCache() empties it.

import type { EraId } from '../../contract/eras/eras.ts';
import { cookieService } from '../cookies/cookie-service.ts';
import type { SessionServices } from '../session/session-services.ts';
import { originOf } from './origin-files.ts';
import { ALL_QUOTA_NAMES, ALL_STORAGE_NAMES, STORAGE_ERAS } from './storage-era.ts';
import { serviceWorkerContext } from './service-workers/sw-context.ts';
import { webStorages } from './web-storages.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { stringVector } from '../era/gin-array.ts';

export interface ClearStorageOptions {
  /**
   * The origin whose data goes, or null for every origin (also when the
   * option names no origin: Chromium's opaque origin matches everything).
   */
  origin: string | null;
  storages: ReadonlySet<string>;
  quotas: ReadonlySet<string>;
}
/** Nothing named: REMOVE_DATA_MASK_ALL, every name of any era (`every`); else the names the era knows. */
function mask(known: readonly string[], every: readonly string[], names: string[] | undefined): Set<string> {
  if (!names) return new Set(every);
  return new Set(names.map((n) => n.toLowerCase()).filter((n) => known.includes(n)));
}

export function readClearStorageOptions(era: EraId, value: unknown): ClearStorageOptions {
  const dict = isGinDictionary(value) ? value : {};
  const origin = typeof dict.origin === 'string' ? originOf(dict.origin) : null;
  return {
    origin,
    storages: mask(STORAGE_ERAS[era].storageNames, ALL_STORAGE_NAMES, stringVector(dict.storages)),
    quotas: mask(STORAGE_ERAS[era].quotaNames, ALL_QUOTA_NAMES, stringVector(dict.quotas)),
  };
}

export async function clearStorageData(services: SessionServices, options: ClearStorageOptions): Promise<void> {
  const { origin, storages } = options;
  const ofOrigin = (candidate: string) => origin === null || candidate === origin;
  if (storages.has('cookies')) {
    const host = origin === null ? null : new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
    services.use(cookieService).deleteWhere((cookie) => host === null || (cookie.hostOnly === true && cookie.domain === host));
  }
  if (storages.has('localstorage')) {
    if (origin === null) services.domStorage.clearAll();
    else services.domStorage.clearOrigin(origin);
    // A deletion is committed at once, not at the next lazy flush.
    await services.domStorage.flush();
  }
  if (!options.quotas.has('temporary')) return;
  // ClearData reports back once the deletions are done, on disk too.
  const web = services.use(webStorages);
  const deletions: Promise<void>[] = [];
  if (storages.has('indexdb')) for (const o of web.indexedDB.origins()) if (ofOrigin(o)) deletions.push(web.indexedDB.delete(o));
  if (storages.has('cachestorage'))
    for (const o of web.cacheStorage.origins()) if (ofOrigin(o)) deletions.push(web.cacheStorage.delete(o));
  if (storages.has('serviceworkers')) {
    const workers = services.use(serviceWorkerContext);
    workers.clear(ofOrigin);
    deletions.push(workers.flush());
  }
  await Promise.all(deletions);
}
