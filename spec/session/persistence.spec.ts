// ses.isPersistent: true for the default session, `persist:` partitions and
// fromPath sessions; false for in-memory partitions. The prefix is
// case-sensitive and must be at the very start.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['ses.isPersistent'],
  eras: '>=e9',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'isPersistent() is true exactly for the default session, persist: partitions and fromPath sessions.',
});

const t = useTarget(meta);

describe('ses.isPersistent', () => {
  it('is true for the default session', () => {
    expect(t.session.defaultSession.isPersistent()).toBe(true);
    expect(t.session.fromPartition('').isPersistent()).toBe(true);
    expect(t.session.fromPartition('persist:').isPersistent()).toBe(true);
  });

  it('is true for persist: partitions', () => {
    for (const name of ['persist:one', 'persist:Two', 'persist:with space', 'persist:persist:', 'persist:日本']) {
      expect(t.session.fromPartition(name).isPersistent(), name).toBe(true);
    }
  });

  it('is false for partitions without the persist: prefix', () => {
    for (const name of ['in-memory', 'one', 'persist', 'persist-x', 'x:persist:y', ' persist:x']) {
      expect(t.session.fromPartition(name).isPersistent(), name).toBe(false);
    }
  });

  it('treats the prefix case-sensitively', () => {
    for (const name of ['Persist:x', 'PERSIST:x', 'persisT:x']) {
      expect(t.session.fromPartition(name).isPersistent(), name).toBe(false);
    }
  });

  it('gives different answers for the persist: and in-memory sessions of the same name', () => {
    expect(t.session.fromPartition('same-name').isPersistent()).toBe(false);
    expect(t.session.fromPartition('persist:same-name').isPersistent()).toBe(true);
  });

  it('returns a boolean and the same answer on every call', () => {
    const ses = t.session.fromPartition('stable');
    const answers = [ses.isPersistent(), ses.isPersistent(), t.session.fromPartition('stable').isPersistent()];
    expect(answers).toEqual([false, false, false]);
  });

  t.itInEras('current', 'is true for fromPath sessions', async () => {
    const dir = await t.tempDir();
    expect(t.session.fromPath!(dir).isPersistent()).toBe(true);
  });
});
