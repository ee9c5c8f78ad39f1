// Capabilities that belong to the machine a run is on, not to an
// implementation: a real Chromium installed here, for differential specs.

import type { Capability } from '../../contract/capabilities.ts';
import { findChromium } from '../chromium/find-chromium.ts';

export function machineCapabilities(): Capability[] {
  return findChromium() ? ['chromium'] : [];
}
