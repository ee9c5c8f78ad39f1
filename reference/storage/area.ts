// The storage area: DOM storage that pages of a session write, kept per
// partition and flushed to disk, and the restarts that show it persists.

import type { Area } from '../area.ts';
import { servicesOf } from '../session/binding.ts';

export const storageArea: Area = {
  id: 'storage',
  summary: 'DOM storage of a session, on disk for persistent partitions',
  driver: {
    capabilities: ['storage'],
    commands: {
      'storage.setLocalStorage': ({ session, origin, key, value }) => {
        servicesOf(session as object).domStorage.setItem(origin, key, value);
      },
      'storage.getLocalStorage': ({ session, origin, key }) => servicesOf(session as object).domStorage.getItem(origin, key),
    },
  },
};
