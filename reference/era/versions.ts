// The Electron and Chromium versions the reference reports for each era. They
// feed the default user agent and process.versions-like information; the
// numbers are those of a real release of the era's Electron line.

import type { EraId } from '../../contract/eras/eras.ts';

export interface EraVersions {
  electron: string;
  chrome: string;
}

export const ERA_VERSIONS: Record<EraId, EraVersions> = {
  legacy: { electron: '1.8.8', chrome: '59.0.3071.115' },
  e9: { electron: '9.4.4', chrome: '83.0.4103.122' },
  e12: { electron: '12.2.3', chrome: '89.0.4389.128' },
  e17: { electron: '17.4.11', chrome: '98.0.4758.141' },
  current: { electron: '39.2.7', chrome: '142.0.7444.235' },
};
