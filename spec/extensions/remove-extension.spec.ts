// ses.removeExtension: unloads the extension with that id from the session
// at once (getExtension and getAllExtensions stop listing it), returns
// nothing, ignores an id that is not loaded, and wants a string.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { fixture, persistentSession, thrown } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.removeExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'electron',
  summary:
    'Removing unloads that id from the session at once and returns undefined; unknown ids are ignored; ids must be strings.',
});

const t = useTarget(meta);

describe('ses.removeExtension', () => {
  it('unloads the extension at once and returns undefined', async () => {
    const ses = persistentSession(t);
    const a = await ses.loadExtension(fixture('mv2-basic'));
    const b = await ses.loadExtension(fixture('mv3-plain'));
    expect(ses.removeExtension(a.id)).toBeUndefined();
    expect(ses.getExtension(a.id)).toBeNull();
    expect(ses.getAllExtensions()).toEqual([b]);
  });

  it('ignores an id that is not loaded, or already removed', async () => {
    const ses = persistentSession(t);
    const loaded = await ses.loadExtension(fixture('mv3-plain'));
    expect(ses.removeExtension('abcdefghijklmnopabcdefghijklmnop')).toBeUndefined();
    expect(ses.removeExtension('')).toBeUndefined();
    ses.removeExtension(loaded.id);
    expect(ses.removeExtension(loaded.id)).toBeUndefined();
    expect(ses.getAllExtensions()).toEqual([]);
  });

  it('only affects its own session', async () => {
    const a = persistentSession(t, 'rm-a');
    const b = persistentSession(t, 'rm-b');
    const inA = await a.loadExtension(fixture('mv3-plain'));
    const inB = await b.loadExtension(fixture('mv3-plain'));
    a.removeExtension(inA.id);
    expect(b.getExtension(inB.id)).toEqual(inB);
  });

  it('lets the folder be loaded again afterwards', async () => {
    const ses = persistentSession(t);
    const first = await ses.loadExtension(fixture('mv3-key'));
    ses.removeExtension(first.id);
    const again = await ses.loadExtension(fixture('mv3-key'));
    expect(again).toEqual(first);
    expect(ses.getAllExtensions()).toEqual([first]);
  });

  it('throws a TypeError for an id that is not a string, or none', () => {
    const ses = persistentSession(t);
    const error = thrown(() => ses.removeExtension(42));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toBe(`Error processing argument at index 0, conversion failure from ${t.era === 'e9' ? '42' : ''}`);
    expect(thrown(() => ses.removeExtension())?.message).toBe('Insufficient number of arguments.');
  });
});
