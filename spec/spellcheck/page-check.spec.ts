// What a page of the session sees underlined (driver spellcheck.check): the
// words no loaded dictionary of the session's languages accepts, minus the
// custom words. Nothing is underlined before a dictionary is loaded, and the
// dictionary used is the one the session downloaded.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  clearDictionaries,
  dictionaryFileName,
  freshSession,
  recordDictionaryEvents,
  tinyHunspell,
  until,
  useDictionaryServer,
  type SpellcheckSession,
} from './spellcheck-support.ts';

export const meta = defineSpec({
  members: [
    'ses.setSpellCheckerLanguages',
    'ses.addWordToSpellCheckerDictionary',
    'ses.removeWordFromSpellCheckerDictionary',
    "ses.on('spellcheck-dictionary-initialized')",
  ],
  eras: '>=e9',
  requires: ['spellcheck', 'network'],
  level: 'must',
  basis: 'chromium',
  summary:
    "A page sees underlined the words none of the session's loaded dictionaries accepts, unless they are custom words; nothing before a dictionary is loaded.",
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
const server = useDictionaryServer(t, meta);

const check = (session: SpellcheckSession, text: string) => t.driver.spellcheck.check({ session, text });

/** A session whose dictionaries for `languages` are loaded. */
async function ready(label: string, languages: string[], persistent = true): Promise<SpellcheckSession> {
  const ses = freshSession(t, label, persistent);
  const events = recordDictionaryEvents(ses);
  ses.setSpellCheckerLanguages(languages);
  await until(() => languages.every((l) => events.includes(`initialized:${l}`)), 'the dictionaries');
  return ses;
}

describe('a page of the session', () => {
  it('sees nothing underlined while its dictionary has not been downloaded', async () => {
    await clearDictionaries(t);
    server.answerNext(dictionaryFileName(t.era, 'en-US').toLowerCase(), { status: 404 });
    const ses = freshSession(t, 'none-yet');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failed download');
    expect(await check(ses, 'Ths typograpy is wrnog')).toEqual([]);
  });

  it('sees every occurrence of every misspelled word underlined, in order, and no correct word', async () => {
    await clearDictionaries(t);
    const ses = await ready('typos', ['en-US']);
    expect(await check(ses, 'Ths is a tst of typograpy; the tst again, with typography spelled right.')).toEqual([
      'Ths',
      'tst',
      'typograpy',
      'tst',
    ]);
  });

  it('checks words with their apostrophes, capitals, ordinals and numbers as Hunspell does', async () => {
    const ses = await ready('forms', ['en-US']);
    expect(await check(ses, "Don't DON'T don’t isn't Typography TYPOGRAPHY 1st 22nd 103rd 123 3.14 1,000")).toEqual([]);
    expect(await check(ses, 'dont wasnt')).toEqual(['dont', 'wasnt']);
  });

  it('skips text in other scripts and does not check words over 64 bytes', async () => {
    const ses = await ready('skips', ['en-US']);
    expect(await check(ses, `привет мир typograpy ${'q'.repeat(65)} ${'q'.repeat(64)}`)).toEqual(['typograpy', 'q'.repeat(64)]);
  });

  it('accepts a word any of its languages accepts', async () => {
    const us = await ready('us', ['en-US']);
    const gb = await ready('gb', ['en-GB']);
    const both = await ready('both', ['en-US', 'en-GB']);
    const text = 'color colour organize organise typograpy';
    expect(await check(us, text)).toEqual(['colour', 'organise', 'typograpy']);
    expect(await check(gb, text)).toEqual(['color', 'organize', 'typograpy']);
    expect(await check(both, text)).toEqual(['typograpy']);
  });

  it('does not underline custom words, matched exactly, and underlines them again once removed', async () => {
    const ses = await ready('custom', ['en-US']);
    expect(ses.addWordToSpellCheckerDictionary('Typograpy')).toBe(true);
    expect(await check(ses, 'Typograpy typograpy')).toEqual(['typograpy']);
    expect(ses.addWordToSpellCheckerDictionary('typograpy')).toBe(true);
    expect(await check(ses, 'Typograpy typograpy')).toEqual([]);
    expect(ses.removeWordFromSpellCheckerDictionary('Typograpy')).toBe(true);
    expect(await check(ses, 'Typograpy typograpy')).toEqual(['Typograpy']);
  });

  it('checks pages of in-memory sessions too', async () => {
    const ses = await ready('memory', ['en-US'], false);
    expect(await check(ses, 'a typograpy')).toEqual(['typograpy']);
  });

  it('stops checking when its languages are emptied', async () => {
    const ses = await ready('emptied', ['en-US']);
    ses.setSpellCheckerLanguages([]);
    expect(await check(ses, 'a typograpy')).toEqual([]);
  });

  t.itInEras(
    'e9',
    'stays unchecked after the languages are set again, as Electron 9 does not turn spell checking back on',
    async () => {
      const ses = await ready('e9-off', ['en-US']);
      ses.setSpellCheckerLanguages([]);
      const events = recordDictionaryEvents(ses);
      ses.setSpellCheckerLanguages(['en-US']);
      await until(() => events.includes('initialized:en-US'), 'the dictionary');
      expect(await check(ses, 'a typograpy')).toEqual([]);
    },
  );

  t.itInEras('>=e12', 'is checked again once languages are set again', async () => {
    const ses = await ready('back-on', ['en-US']);
    ses.setSpellCheckerLanguages([]);
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the dictionary');
    expect(await check(ses, 'a typograpy')).toEqual(['typograpy']);
  });

  it('is checked against the dictionary the session downloaded, affix rules included', async () => {
    await clearDictionaries(t);
    server.answerNext(dictionaryFileName(t.era, 'en-US').toLowerCase(), { dictionary: tinyHunspell(['hello', 'world']) });
    const ses = await ready('downloaded', ['en-US']);
    expect(await check(ses, 'hello worlds and typography')).toEqual(['and', 'typography']);
    await clearDictionaries(t);
  });
});
