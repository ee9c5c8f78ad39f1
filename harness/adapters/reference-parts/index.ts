// The reference adapter's parts, one per area. An area adds its part here.

import type { ReferencePart } from './part.ts';
import { netPart } from './net.ts';
import { proxyPart } from './proxy.ts';
import { storagePart } from './storage.ts';

export const REFERENCE_PARTS: readonly ReferencePart[] = [storagePart, netPart, proxyPart];
