// ses.getExtension: the loaded extension with that id as a fresh Extension
// object on each call, or null; ids must be strings. The built-in PDF viewer
// is a component extension of every persistent session: getExtension finds
// it by its id, in-memory sessions have none.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { fixture, inMemorySession, persistentSession, thrown } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.getExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'electron',
  summary: 'Returns a fresh copy of the loaded extension with that id, or null; ids must be strings.',
});

const t = useTarget(meta);

const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

describe('ses.getExtension', () => {
  it('returns the loaded extension, equal to what the load resolved with', async () => {
    const ses = persistentSession(t);
    const loaded = await ses.loadExtension(fixture('mv2-basic'));
    expect(ses.getExtension(loaded.id)).toEqual(loaded);
  });

  it('returns a new object on each call: changing one changes nothing else', async () => {
    const ses = persistentSession(t);
    const loaded = await ses.loadExtension(fixture('mv2-basic'));
    const first = ses.getExtension(loaded.id)!;
    const second = ses.getExtension(loaded.id)!;
    expect(first).not.toBe(second);
    expect(first.manifest).not.toBe(second.manifest);
    first.name = 'changed';
    (first.manifest.permissions as string[]).push('changed');
    expect(ses.getExtension(loaded.id)).toEqual(loaded);
  });

  it('returns null for an id that is not loaded', async () => {
    const ses = persistentSession(t);
    expect(ses.getExtension('abcdefghijklmnopabcdefghijklmnop')).toBeNull();
    expect(ses.getExtension('')).toBeNull();
    const loaded = await ses.loadExtension(fixture('mv3-plain'));
    expect(ses.getExtension(loaded.id.toUpperCase())).toBeNull();
  });

  it('finds the built-in PDF viewer in a persistent session, not in an in-memory one', () => {
    const viewer = persistentSession(t).getExtension(PDF_VIEWER_ID);
    expect(viewer).toMatchObject({ id: PDF_VIEWER_ID, url: `chrome-extension://${PDF_VIEWER_ID}/`, name: 'Chromium PDF Viewer' });
    expect(inMemorySession(t).getExtension(PDF_VIEWER_ID)).toBeNull();
  });

  it('throws a TypeError for an id that is not a string, or none', () => {
    const ses = persistentSession(t);
    const error = thrown(() => ses.getExtension(null));
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toBe('Error processing argument at index 0, conversion failure from null');
    expect(thrown(() => ses.getExtension())?.message).toBe('Insufficient number of arguments.');
  });
});
