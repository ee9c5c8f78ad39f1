// What one area of the reference contributes to its adapter: the
// capabilities it makes true and the driver commands it implements.

import type { Capability } from '../../api/capabilities.ts';
import type { DriverImplementation } from '../../api/driver.ts';

export interface ReferencePart {
  capabilities: Capability[];
  commands: DriverImplementation;
}
