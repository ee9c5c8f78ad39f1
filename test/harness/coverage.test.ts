// The coverage meta-test: every documented member of every era (both
// inventory levels: Session members and the members of ses.cookies,
// ses.webRequest, ses.protocol) has a spec that applies in that era or is
// listed as pending; pending entries are not stale; specs name only members
// their eras document.

import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { allMemberNames, membersOf } from '../../contract/eras/inventory.ts';
import { allSubMemberNames, OWNER_PROPERTY, subMembersOf } from '../../contract/eras/sub-inventory.ts';
import { computeCoverage, documentedNames, loadPending } from '../../harness/runner/coverage.ts';
import { listSpecFiles } from '../../harness/runner/spec-files.ts';

const specs = listSpecFiles();
const pending = loadPending();
const coverage = computeCoverage(specs, pending);

describe('coverage of the inventory', () => {
  for (const era of ERA_IDS) {
    it(`every member of ${era} has an applicable spec or is pending`, () => {
      expect(coverage.eras.find((e) => e.era === era)!.missing).toEqual([]);
    });
  }

  it('no pending member already has a spec', () => {
    expect(coverage.stalePending).toEqual([]);
  });

  it('specs name only members documented in every era they claim', () => {
    expect(coverage.unknownMembers).toEqual([]);
  });

  it('counts the second level of the inventory as documented members', () => {
    for (const era of ERA_IDS) {
      const names = documentedNames(era);
      expect(names.length).toBe(membersOf(era).length + subMembersOf(era).length);
      expect(coverage.eras.find((e) => e.era === era)!.documented).toBe(names.length);
      expect(names).toContain('cookies.get');
    }
  });

  it("every sub-member's owner property is documented in the same era", () => {
    for (const era of ERA_IDS) {
      const first = new Set(membersOf(era).map((m) => m.name));
      const orphans = subMembersOf(era).filter((m) => !first.has(OWNER_PROPERTY[m.owner]));
      expect(orphans.map((m) => `${era}: ${m.name}`)).toEqual([]);
    }
  });

  it('pending names are real members', () => {
    const known = new Set([...allMemberNames(), ...allSubMemberNames()]);
    expect(Object.keys(pending.members).filter((m) => !known.has(m))).toEqual([]);
  });

  it('every spec outside spec/infrastructure names at least one member', () => {
    const bare = specs.filter((s) => !s.file.startsWith('spec/infrastructure/') && s.meta.members.length === 0);
    expect(bare.map((s) => s.file)).toEqual([]);
  });

  it('no spec skips tests itself (a skip is never done)', async () => {
    const { readFileSync } = await import('node:fs');
    const offenders = specs.filter((s) => /\b(?:it|test|describe)\.(?:skip|todo)\b/.test(readFileSync(s.file, 'utf8')));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });
});
