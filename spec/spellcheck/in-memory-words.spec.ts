// What an in-memory session's custom dictionary holds: Electron gives
// in-memory sessions the session data directory as their profile path, so
// their spell checker reads the default session's Custom Dictionary.txt when
// it starts, while adding and removing words stays refused.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, sessionOf, until, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.listWordsInSpellCheckerDictionary', 'ses.addWordToSpellCheckerDictionary'],
  eras: '>=e9',
  requires: [],
  level: 'info',
  basis: 'electron',
  summary:
    "An in-memory session lists the custom words the default session had saved when the in-memory session's spell checker started, and still cannot change them.",
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
useDictionaryServer(t, meta);

describe('custom words of an in-memory session', () => {
  it("are the default session's saved words", async () => {
    const file = path.join(t.app.getPath('userData'), 'Custom Dictionary.txt');
    expect(sessionOf(t, '').addWordToSpellCheckerDictionary('shared')).toBe(true);
    await until(() => existsSync(file) && readFileSync(file, 'utf8').startsWith('shared\n'), 'the saved word');
    const memory = freshSession(t, 'reader', false);
    expect(await t.invoke(memory, 'ses.listWordsInSpellCheckerDictionary')).toEqual(['shared']);
    expect(memory.addWordToSpellCheckerDictionary('other')).toBe(false);
    expect(memory.removeWordFromSpellCheckerDictionary('shared')).toBe(false);
    expect(await t.invoke(memory, 'ses.listWordsInSpellCheckerDictionary')).toEqual(['shared']);
  });
});
