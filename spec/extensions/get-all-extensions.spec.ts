// ses.getAllExtensions: every extension loaded into the session, ordered by
// id (Chromium's ExtensionSet is an ordered map), as fresh Extension
// objects; component extensions such as the built-in PDF viewer are left
// out.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { fixture, manifestOf, persistentSession, writeExtension, type ExtensionInfo } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.getAllExtensions'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'electron',
  summary: 'Lists the loaded extensions in id order, without component extensions, as fresh copies.',
});

const t = useTarget(meta);

describe('ses.getAllExtensions', () => {
  it('is empty in a new session: the component PDF viewer is left out', () => {
    const ses = persistentSession(t);
    expect(ses.getAllExtensions()).toEqual([]);
    expect(ses.getExtension('mhjfbmdgcfjbbpaeojofohoefgiehjai')).not.toBeNull();
  });

  it('lists every loaded extension once, ordered by id whatever the load order', async () => {
    const ses = persistentSession(t);
    const base = await t.tempDir();
    const loaded: ExtensionInfo[] = [];
    for (let i = 0; i < 6; i++)
      loaded.push(await ses.loadExtension(await writeExtension(join(base, `e${i}`), manifestOf(3, { name: `n${i}` }))));
    loaded.push(await ses.loadExtension(fixture('mv3-key')));
    const sorted = [...loaded].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(ses.getAllExtensions()).toEqual(sorted);
  });

  it('returns a new array of new objects on each call', async () => {
    const ses = persistentSession(t);
    await ses.loadExtension(fixture('mv3-plain'));
    const first = ses.getAllExtensions();
    const second = ses.getAllExtensions();
    expect(first).not.toBe(second);
    expect(first[0]).not.toBe(second[0]);
    first.pop();
    expect(ses.getAllExtensions()).toHaveLength(1);
  });
});
