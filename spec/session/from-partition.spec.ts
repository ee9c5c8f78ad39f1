// session.fromPartition: identity per key, persistence from the `persist:`
// prefix, the default session for '' and 'persist:', argument errors.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.fromPartition'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'Returns one Session per partition string; persist: makes it persistent; empty names give the default session.',
});

const t = useTarget(meta);

describe('session.fromPartition', () => {
  it('returns the same object for the same partition string', () => {
    expect(t.session.fromPartition('same')).toBe(t.session.fromPartition('same'));
    expect(t.session.fromPartition('persist:same')).toBe(t.session.fromPartition('persist:same'));
  });

  it('returns different objects for different partition strings', () => {
    const a = t.session.fromPartition('alpha');
    expect(t.session.fromPartition('beta')).not.toBe(a);
    expect(t.session.fromPartition('persist:alpha')).not.toBe(a);
  });

  it('treats partition strings case-sensitively', () => {
    expect(t.session.fromPartition('persist:Case')).not.toBe(t.session.fromPartition('persist:case'));
    expect(t.session.fromPartition('Case')).not.toBe(t.session.fromPartition('case'));
  });

  it("returns the default session for '' and for 'persist:'", () => {
    expect(t.session.fromPartition('')).toBe(t.session.defaultSession);
    expect(t.session.fromPartition('persist:')).toBe(t.session.defaultSession);
  });

  it('returns a working session for a persist: name too long for the file system', async () => {
    const ses = t.session.fromPartition(`persist:${'n'.repeat(300)}`);
    await t.invoke(ses.cookies, 'cookies.set', { url: 'https://long-name.example/', name: 'kept', value: 'in-memory' });
    const cookies = (await t.invoke(ses.cookies, 'cookies.get', { name: 'kept' })) as { value: string }[];
    expect(cookies.map((c) => c.value)).toEqual(['in-memory']);
  });

  it('ignores options when the session already exists', () => {
    const first = t.session.fromPartition('with-options', { cache: false });
    expect(t.session.fromPartition('with-options', { cache: true })).toBe(first);
  });

  it('ignores options that are not objects', () => {
    expect(() => t.session.fromPartition('odd-options', 42 as never)).not.toThrow();
    expect(() => t.session.fromPartition('odd-options-2', 'x' as never)).not.toThrow();
  });

  it('throws a TypeError naming argument 0 for a non-string partition', () => {
    for (const bad of [1, {}, null, undefined, true]) {
      expect(() => t.session.fromPartition(bad as never)).toThrow(TypeError);
      expect(() => t.session.fromPartition(bad as never)).toThrow(
        /^Error processing argument at index 0, conversion failure from/,
      );
    }
  });

  it('reports a missing argument as insufficient arguments', () => {
    expect(() => (t.session.fromPartition as () => unknown)()).toThrow(TypeError);
    expect(() => (t.session.fromPartition as () => unknown)()).toThrow('Insufficient number of arguments.');
  });

  t.itInEras('>=e12', 'describes a non-string value as gin does (string, undefined, null, or nothing)', () => {
    expect(() => t.session.fromPartition(1 as never)).toThrow(/^Error processing argument at index 0, conversion failure from $/);
    expect(() => t.session.fromPartition(null as never)).toThrow(/conversion failure from null$/);
  });
});
