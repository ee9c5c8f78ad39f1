// Builds the adapter a run asks for.

import type { Adapter } from '../api/target.ts';
import type { AdapterSpec } from '../api/run-context.ts';
import { ReferenceAdapter } from './reference-adapter.ts';

export function createAdapter(spec: AdapterSpec): Adapter {
  switch (spec.kind) {
    case 'reference':
      return new ReferenceAdapter();
    case 'remote':
    case 'attach':
      throw new Error(`the ${spec.kind} adapter arrives with the out-of-process agent protocol (issue 7)`);
  }
}
