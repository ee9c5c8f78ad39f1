// What the runner hands to every spec worker (through vitest's provide/inject):
// which adapter to build, the era, the expectations, where to put temp data.

import type { EraId } from '../../contract/eras/eras.ts';
import type { ExpectationSet } from '../expectations/expectations.ts';

export type AdapterSpec =
  | { kind: 'reference' }
  /**
   * `validateProtocol`: check every agent protocol message against its JSON Schema.
   * `pool`: set by the runner when the agent can be pooled (harness/protocol/agent-pool.ts).
   */
  | { kind: 'remote'; command: string[]; validateProtocol?: boolean; pool?: string }
  | { kind: 'attach'; address: string; validateProtocol?: boolean };

export interface RunContext {
  adapter: AdapterSpec;
  era: EraId;
  expectations: ExpectationSet;
  /** Directory for per-target userData directories; removed after the run. */
  workDir: string;
  /** Repository root; spec ids are paths relative to it. */
  root: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: RunContext;
  }
}

export function adapterLabel(spec: AdapterSpec): string {
  switch (spec.kind) {
    case 'reference':
      return 'reference';
    case 'remote':
      return `remote:${spec.command.join(' ')}`;
    case 'attach':
      return `attach:${spec.address}`;
  }
}
