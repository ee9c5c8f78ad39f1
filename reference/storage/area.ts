// The storage area: what a session keeps for its pages and how it is
// cleared. The HTTP cache (a stage of the URL loader, on disk for persistent
// sessions), DOM storage, IndexedDB, Cache Storage, service workers
// (`ses.serviceWorkers`), the code cache, blobs of request bodies, and the
// members that size, clear and flush them.

import type { Area } from '../area.ts';
import { httpCacheService } from './http-cache/http-cache-service.ts';
import { httpCacheStage } from './http-cache/http-cache-stage.ts';
import { SERVICE_WORKERS_OBJECT } from './service-workers/service-workers-object.ts';
import { STORAGE_DRIVER_COMMANDS } from './storage-driver.ts';
import { STORAGE_MEMBERS } from './storage-members.ts';

export const storageArea: Area = {
  id: 'storage',
  summary: 'HTTP cache, DOM storage, IndexedDB, Cache Storage, service workers, code cache and blobs of a session',
  sessionMembers: STORAGE_MEMBERS,
  objects: [SERVICE_WORKERS_OBJECT],
  network(_hooks, services, network) {
    network.stages.join(
      httpCacheStage(() => services.use(httpCacheService)),
      'innermost',
    );
  },
  driver: { capabilities: ['storage', 'service-workers'], commands: STORAGE_DRIVER_COMMANDS },
};
