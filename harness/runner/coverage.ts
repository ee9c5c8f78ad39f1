// Members x eras: which documented members have a spec that applies in that
// era. The meta-test and `session-conformance coverage` both use this. Both
// levels of the inventory count: first-level members (`ses.setProxy`) and the
// members of `ses.cookies`, `ses.webRequest` and `ses.protocol`
// (`cookies.get`, see contract/eras/sub-inventory.ts).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERA_IDS, erasInRange, type EraId } from '../../contract/eras/eras.ts';
import { hasMember, membersOf } from '../../contract/eras/inventory.ts';
import { hasSubMember, subMembersOf } from '../../contract/eras/sub-inventory.ts';
import type { SpecFile } from './spec-files.ts';
import { REPO_ROOT } from './paths.ts';

/** Members without a spec yet, each with the issue expected to spec it. */
export interface PendingList {
  members: Record<string, string>;
}

export function loadPending(root: string = REPO_ROOT): PendingList {
  return JSON.parse(readFileSync(path.join(root, 'contract/eras/pending.json'), 'utf8')) as PendingList;
}

/** Every documented name of an era, first level then second level. */
export function documentedNames(era: EraId): string[] {
  return [...membersOf(era).map((m) => m.name), ...subMembersOf(era).map((m) => m.name)];
}

function isDocumented(era: EraId, member: string): boolean {
  return hasMember(era, member) || hasSubMember(era, member);
}

export interface EraCoverage {
  era: EraId;
  documented: number;
  specced: number;
  pending: number;
  /** Documented, no applicable spec, not pending. */
  missing: string[];
}

export interface CoverageResult {
  eras: EraCoverage[];
  /** Pending members that do have a spec. */
  stalePending: string[];
  /** `file: member (era)` for spec members absent from an era the spec claims. */
  unknownMembers: string[];
  /** Spec files per member, for docs and the `list` command. */
  specsByMember: Map<string, string[]>;
}

export function computeCoverage(
  specs: readonly SpecFile[],
  pending: PendingList,
  eras: readonly EraId[] = ERA_IDS,
): CoverageResult {
  const speccedIn = new Map<EraId, Set<string>>(ERA_IDS.map((e) => [e, new Set()]));
  const unknownMembers: string[] = [];
  const specsByMember = new Map<string, string[]>();
  for (const { file, meta } of specs) {
    for (const member of meta.members) {
      specsByMember.set(member, [...(specsByMember.get(member) ?? []), file]);
      for (const era of erasInRange(meta.eras)) {
        if (isDocumented(era, member)) speccedIn.get(era)!.add(member);
        else unknownMembers.push(`${file}: ${member} (${era})`);
      }
    }
  }
  const pendingNames = new Set(Object.keys(pending.members));
  const stalePending = [...pendingNames].filter((m) => specsByMember.has(m)).sort();
  const result: EraCoverage[] = eras.map((era) => {
    const documented = documentedNames(era);
    const specced = speccedIn.get(era)!;
    const missing = documented.filter((m) => !specced.has(m) && !pendingNames.has(m));
    return {
      era,
      documented: documented.length,
      specced: documented.filter((m) => specced.has(m)).length,
      pending: documented.filter((m) => !specced.has(m) && pendingNames.has(m)).length,
      missing,
    };
  });
  return { eras: result, stalePending, unknownMembers, specsByMember };
}
