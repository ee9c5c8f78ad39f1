// The target serves its era's API shape: members another era documents but
// this one does not are absent from the objects, not stubs that throw.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { membersOf } from '../../contract/eras/inventory.ts';

export const meta = defineSpec({
  members: [],
  eras: '*',
  requires: [],
  level: 'should',
  basis: 'documented',
  summary: 'Members documented only in other eras are absent from the session module and Session objects.',
});

const t = useTarget(meta);

function foreignMembers(owner: 'module' | 'session'): string[] {
  const own = new Set(membersOf(t.era).map((m) => m.name));
  const names = new Set<string>();
  for (const era of ERA_IDS) {
    for (const m of membersOf(era)) if (m.owner === owner && m.kind !== 'event' && !own.has(m.name)) names.add(m.name);
  }
  return [...names].sort();
}

describe('era shape', () => {
  it('the session module has no member of another era only', () => {
    const present = foreignMembers('module').filter((name) => name.slice('session.'.length) in t.session);
    expect(present).toEqual([]);
  });

  it('a Session has no member of another era only', () => {
    const ses = t.session.defaultSession as unknown as Record<string, unknown>;
    const present = foreignMembers('session').filter((name) => ses[name.slice('ses.'.length)] !== undefined);
    expect(present).toEqual([]);
  });

  it('constructing a Session with new throws', () => {
    const Session = (t.session.defaultSession as object).constructor as new () => unknown;
    expect(() => new Session()).toThrow("Session objects cannot be created with 'new'");
  });
});
