// DOM storage written by pages, and the restarts that test its persistence.

import { servicesOf } from '../../../reference/session/binding.ts';
import type { ReferencePart } from './part.ts';

export const storagePart: ReferencePart = {
  capabilities: ['storage', 'restart', 'crash-restart'],
  commands: {
    'storage.setLocalStorage': ({ session, origin, key, value }) => {
      servicesOf(session as object).domStorage.setItem(origin, key, value);
    },
    'storage.getLocalStorage': ({ session, origin, key }) => servicesOf(session as object).domStorage.getItem(origin, key),
  },
};
