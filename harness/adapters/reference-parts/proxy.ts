// Proxy configuration: PAC scripts and system (environment) mode are real in
// the reference; `chromium` tells differential specs a real Chromium is
// installed to compare against.

import { findChromium } from '../../chromium/find-chromium.ts';
import type { ReferencePart } from './part.ts';

export const proxyPart: ReferencePart = {
  capabilities: ['proxy.pac', 'proxy.system', ...(findChromium() ? (['chromium'] as const) : [])],
  commands: {},
};
