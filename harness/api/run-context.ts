// What the runner hands to every spec worker (through vitest's provide/inject):
// which adapter to build, the expectations, where to put temp data. The era
// is not in it: one vitest run holds every era, and a spec file's era is in
// the id the runner gives that run of the file (eraModuleId below).

import { isEraId, type EraId } from '../../contract/eras/eras.ts';
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

/**
 * One era's run of a spec file: the file's path with `?era=<id>`. Vitest
 * takes it as a module of its own, so the same file runs once per era in one
 * vitest run, in workers that serve every era.
 */
export function eraModuleId(file: string, era: EraId): string {
  return `${file}?era=${era}`;
}

/** The file and era of an id made by eraModuleId; undefined for a plain path. */
export function parseEraModuleId(id: string): { file: string; era: EraId } | undefined {
  const match = /^(.*)\?era=([^?&]+)$/.exec(id);
  if (!match || !isEraId(match[2])) return undefined;
  return { file: match[1]!, era: match[2] };
}
