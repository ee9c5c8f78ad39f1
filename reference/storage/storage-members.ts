// The Session members of the storage area, validated as Electron validates
// them (electron_api_session.cc of each era), then handed to one service:
// the HTTP cache (getCacheSize, clearCache), the storage partition
// (clearStorageData, flushStorageData), the blob holders (getBlobData), the
// service worker context (serviceWorkers) and the code cache
// (setCodeCachePath, clearCodeCaches).

import path from 'node:path';
import { argumentError, conversionStyle, requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { servicesOf } from '../session/binding.ts';
import { readBlob } from './blob-registry.ts';
import { clearStorageData, readClearStorageOptions } from './clear-storage-data.ts';
import { codeCache } from './code-cache.ts';
import { httpCacheService } from './http-cache/http-cache-service.ts';
import { SERVICE_WORKERS_OBJECT } from './service-workers/service-workers-object.ts';
import { serviceWorkerContext } from './service-workers/sw-context.ts';
import { STORAGE_ERAS } from './storage-era.ts';
import { stringVector } from '../era/gin-array.ts';

/** std::set<GURL> from `urls`: an array of strings, each canonicalized; undefined when it does not convert. */
function urlSet(value: unknown): Set<string> | undefined {
  const urls = stringVector(value);
  if (!urls) return undefined;
  return new Set(
    urls.map((u) => {
      try {
        return new URL(u).href;
      } catch {
        return u;
      }
    }),
  );
}

export const STORAGE_MEMBERS: MemberTable = {
  'ses.getCacheSize': {
    kind: 'method',
    call() {
      return servicesOf(this).use(httpCacheService).size();
    },
  },
  'ses.clearCache': {
    kind: 'method',
    call() {
      return servicesOf(this).use(httpCacheService).clear();
    },
  },
  'ses.clearStorageData': {
    kind: 'method',
    async call(...args: unknown[]) {
      const services = servicesOf(this);
      await clearStorageData(services, readClearStorageOptions(services.era, args[0]));
    },
  },
  'ses.flushStorageData': {
    kind: 'method',
    call() {
      // StoragePartition::Flush commits DOM storage; the other stores of the
      // session are written as they change.
      servicesOf(this).domStorage.flushSync();
    },
  },
  'ses.getBlobData': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [identifier] = args;
      if (typeof identifier !== 'string') throwArgumentError(0, identifier, conversionStyle(services.era));
      const read = readBlob(identifier);
      if ('bytes' in read) return Promise.resolve(read.bytes);
      if (STORAGE_ERAS[services.era].unknownBlobIsNull) return Promise.resolve(null);
      return Promise.reject(new Error(read.error === 'no-handle' ? 'Could not get blob data handle' : 'Could not get blob data'));
    },
    convertLegacyArguments(args) {
      if (typeof args[0] !== 'string') throw argumentError(0, args[0], 'native_mate');
    },
  },
  'ses.serviceWorkers': {
    kind: 'property',
    get() {
      return servicesOf(this).publicObject(SERVICE_WORKERS_OBJECT, serviceWorkerContext);
    },
  },
  'ses.setCodeCachePath': {
    kind: 'method',
    call(...args: unknown[]) {
      const [value] = args;
      if (typeof value !== 'string' || !path.isAbsolute(value)) {
        throw new TypeError('Absolute path must be provided to store code cache.');
      }
      servicesOf(this).use(codeCache).setPath(value);
    },
  },
  'ses.clearCodeCaches': {
    kind: 'method',
    call(...args: unknown[]) {
      const services = servicesOf(this);
      requireArgument(args, 0);
      const [options] = args;
      if (!isGinDictionary(options)) throwArgumentError(0, options, conversionStyle(services.era));
      const urls = urlSet(options.urls);
      return services.use(codeCache).clear(urls?.size ? urls : null);
    },
  },
};
