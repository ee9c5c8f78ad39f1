// Metadata every spec file exports as `export const meta = defineSpec({...})`.
// It is a plain object literal so tools read it without running the file
// (see harness/runner/read-meta.ts), the way test262 reads its frontmatter.

import type { Capability } from '../../contract/capabilities.ts';

export type Level = 'must' | 'should' | 'info';
export type Basis = 'documented' | 'electron' | 'chromium';

export interface SpecMeta {
  /** Canonical member names from contract/eras/inventory.json, e.g. `ses.setProxy`. */
  members: string[];
  /** Era range, e.g. `*`, `>=e12`, `e9..e17`, `legacy,>=e17`. */
  eras: string;
  /** Capabilities the target must have; otherwise every test is NOT_APPLICABLE. */
  requires: Capability[];
  level: Level;
  /** Where the expected behaviour comes from. */
  basis: Basis;
  /** What the file checks, in this project's own words. */
  summary: string;
  /** Doc anchor in the seed of the newest era that has the first member, if not derivable. */
  anchor?: string;
  /**
   * Why this file needs a process of its own. Spec files share worker
   * processes by default (each builds a fresh Target, which isolates the
   * specs); a file that changes process-wide state that a Target does not own
   * says so here, and runs alone in a fresh process.
   */
  isolate?: string;
}

/** Identity at runtime; it exists so spec files get type checking of their metadata. */
export function defineSpec<const M extends SpecMeta>(meta: M): M {
  return meta;
}
