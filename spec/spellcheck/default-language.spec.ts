// The language a session starts with: Electron fills an empty list from the
// app locale (here set with the `lang` switch) each time a session starts,
// mapped through Chromium's language table.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, pointAt, sessionOf, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.getSpellCheckerLanguages', 'ses.setSpellCheckerLanguages'],
  eras: '>=e9',
  requires: ['restart'],
  level: 'should',
  basis: 'electron',
  summary:
    'A session starts with the spell-check language of the app locale, and gets it back at the next start when its list was emptied.',
});

const t = useTarget(meta, { switches: { lang: 'fr' } });
const server = useDictionaryServer(t, meta);

describe('the starting spell-check language', () => {
  it("is the app locale's language, for persistent and in-memory sessions alike", () => {
    expect(freshSession(t, 'starts').getSpellCheckerLanguages()).toEqual(['fr']);
    expect(freshSession(t, 'starts-memory', false).getSpellCheckerLanguages()).toEqual(['fr']);
    expect(sessionOf(t, '').getSpellCheckerLanguages()).toEqual(['fr']);
  });

  it('is kept across a restart once set, and refilled at the next start when emptied', async () => {
    sessionOf(t, 'persist:kept').setSpellCheckerLanguages(['en-GB', 'es']);
    sessionOf(t, 'persist:emptied').setSpellCheckerLanguages([]);
    expect(sessionOf(t, 'persist:emptied').getSpellCheckerLanguages()).toEqual([]);
    await t.target.restart();
    pointAt(t, server.url);
    expect(sessionOf(t, 'persist:kept').getSpellCheckerLanguages()).toEqual(['en-GB', 'es']);
    expect(sessionOf(t, 'persist:emptied').getSpellCheckerLanguages()).toEqual(['fr']);
  });

  it('is not kept for an in-memory session', async () => {
    sessionOf(t, 'memory-langs').setSpellCheckerLanguages(['es']);
    await t.target.restart();
    pointAt(t, server.url);
    expect(sessionOf(t, 'memory-langs').getSpellCheckerLanguages()).toEqual(['fr']);
  });
});
