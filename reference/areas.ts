// The registry of areas, in the order their members are defined on Session
// and their driver capabilities listed. The session class, the composition root
// (session/compose.ts), the adapters, the agents and the Electron stand-in all
// loop over this list; a new area is one folder and one line here.

import type { Area } from './area.ts';
import { cookiesArea } from './cookies/area.ts';
import { devicesArea } from './devices/area.ts';
import { downloadsArea } from './downloads/area.ts';
import { extensionsArea } from './extensions/area.ts';
import { netArea } from './net/area.ts';
import { permissionsArea } from './permissions/area.ts';
import { protocolArea } from './protocol/area.ts';
import { proxyArea } from './proxy/area.ts';
import { sessionArea } from './session/area.ts';
import { spellcheckArea } from './spellcheck/area.ts';
import { storageArea } from './storage/area.ts';
import { webRequestArea } from './web-request/area.ts';

export const AREAS: readonly Area[] = [
  sessionArea,
  netArea,
  cookiesArea,
  webRequestArea,
  protocolArea,
  proxyArea,
  storageArea,
  downloadsArea,
  permissionsArea,
  devicesArea,
  spellcheckArea,
  extensionsArea,
];
