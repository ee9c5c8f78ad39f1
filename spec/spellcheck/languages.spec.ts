// ses.setSpellCheckerLanguages / ses.getSpellCheckerLanguages: every code
// goes through Chromium's language table (the code itself, or the language a
// dictionary region belongs to); an unknown code throws and stores nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, thrown, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.setSpellCheckerLanguages', 'ses.getSpellCheckerLanguages'],
  eras: '>=e9',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    "The languages set are the ones reported, each mapped through Chromium's language table; an unknown code throws and leaves the list as it was.",
});

const t = useTarget(meta, { switches: { lang: 'en-US' } });
useDictionaryServer(t, meta);

describe('ses.setSpellCheckerLanguages', () => {
  it('stores the codes it is given, in order, and getSpellCheckerLanguages returns a copy', () => {
    const ses = freshSession(t, 'langs');
    ses.setSpellCheckerLanguages(['fr', 'en-US', 'es']);
    const first = ses.getSpellCheckerLanguages();
    expect(first).toEqual(['fr', 'en-US', 'es']);
    first.push('de');
    expect(ses.getSpellCheckerLanguages()).toEqual(['fr', 'en-US', 'es']);
  });

  it('keeps duplicates and accepts an empty list', () => {
    const ses = freshSession(t, 'dups');
    ses.setSpellCheckerLanguages(['en-US', 'en-US']);
    expect(ses.getSpellCheckerLanguages()).toEqual(['en-US', 'en-US']);
    ses.setSpellCheckerLanguages([]);
    expect(ses.getSpellCheckerLanguages()).toEqual([]);
  });

  it('maps a dictionary region to the language it belongs to', () => {
    const ses = freshSession(t, 'regions');
    ses.setSpellCheckerLanguages(['hi-IN', 'nb-NO', 'es-ES', 'af-ZA']);
    expect(ses.getSpellCheckerLanguages()).toEqual(['hi', 'nb', 'es-ES', 'af']);
  });

  t.itInEras('e9', 'maps de-DE, fr-FR and it-IT to de, fr and it (Chromium 83 lists only the bare codes)', () => {
    const ses = freshSession(t, 'regions-83');
    ses.setSpellCheckerLanguages(['de-DE', 'fr-FR', 'it-IT', 'pt-BR']);
    expect(ses.getSpellCheckerLanguages()).toEqual(['de', 'fr', 'it', 'pt-BR']);
    expect(thrown(() => ses.setSpellCheckerLanguages(['pt']))?.message).toBe(
      'Invalid language code provided: "pt" is not a valid language code',
    );
  });

  t.itInEras('>=e12', 'keeps de-DE, fr-FR, it-IT and the bare pt, which later tables list', () => {
    const ses = freshSession(t, 'regions-89');
    ses.setSpellCheckerLanguages(['de-DE', 'fr-FR', 'it-IT', 'pt']);
    expect(ses.getSpellCheckerLanguages()).toEqual(['de-DE', 'fr-FR', 'it-IT', 'pt']);
  });

  t.itInEras('<=e17', 'refuses the bare en', () => {
    expect(thrown(() => freshSession(t, 'en').setSpellCheckerLanguages(['en']))?.message).toBe(
      'Invalid language code provided: "en" is not a valid language code',
    );
  });

  t.itInEras('current', 'accepts the bare en, which maps to the en-US dictionary', () => {
    const ses = freshSession(t, 'en');
    ses.setSpellCheckerLanguages(['en']);
    expect(ses.getSpellCheckerLanguages()).toEqual(['en']);
  });

  it('throws an Error naming the first unknown code and stores nothing', () => {
    const ses = freshSession(t, 'invalid');
    ses.setSpellCheckerLanguages(['fr']);
    const error = thrown(() => ses.setSpellCheckerLanguages(['en-US', 'i-am-a-nonexistent-language', 'xx']));
    expect(error).toBeInstanceOf(Error);
    expect(error!.constructor).toBe(Error);
    expect(error!.message).toBe('Invalid language code provided: "i-am-a-nonexistent-language" is not a valid language code');
    expect(ses.getSpellCheckerLanguages()).toEqual(['fr']);
  });

  it('matches codes case-sensitively, as Chromium does', () => {
    const ses = freshSession(t, 'case');
    for (const code of ['EN-US', 'en-us', 'FR', '', ' fr']) {
      expect(thrown(() => ses.setSpellCheckerLanguages([code]))?.message).toBe(
        `Invalid language code provided: "${code}" is not a valid language code`,
      );
    }
  });

  it('throws a TypeError for anything but an array of strings', () => {
    const ses = freshSession(t, 'types');
    // A hole converts as undefined, as gin reads every index of a vector.
    const withHole: string[] = [];
    withHole[1] = 'en-US';
    for (const bad of ['en-US', 42, null, {}, ['en-US', 1], [undefined], withHole]) {
      const error = thrown(() => ses.setSpellCheckerLanguages(bad));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
    }
    const missing = thrown(() => ses.setSpellCheckerLanguages());
    expect(missing).toBeInstanceOf(TypeError);
    expect(missing!.message).toBe('Insufficient number of arguments.');
    expect(ses.getSpellCheckerLanguages()).toEqual(['en-US']);
  });

  it('accepts any list of codes from availableSpellCheckerLanguages and reports it back unchanged', () => {
    const ses = freshSession(t, 'property');
    const available = ses.availableSpellCheckerLanguages;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...available), { maxLength: 6 }), (codes) => {
        ses.setSpellCheckerLanguages(codes);
        expect(ses.getSpellCheckerLanguages()).toEqual(codes);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses any code that is neither a listed code nor a dictionary region', () => {
    const ses = freshSession(t, 'refuses');
    const known = new Set([...ses.availableSpellCheckerLanguages, 'af-ZA', 'hi-IN', 'nb-NO', 'es-ES', 'de-DE', 'fr-FR', 'it-IT']);
    const regions =
      /^(af-ZA|bg-BG|ca-ES|cs-CZ|cy-GB|da-DK|de-DE|el-GR|es-ES|et-EE|fa-IR|fo-FO|fr-FR|he-IL|hi-IN|hr-HR|hu-HU|id-ID|it-IT|lt-LT|lv-LV|nb-NO|nl-NL|pl-PL|ro-RO|ru-RU|sk-SK|sl-SI|sv-SE|ta-IN|tg-TG|tr-TR|uk-UA|vi-VN)$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (code) => {
        fc.pre(!known.has(code) && !regions.test(code));
        expect(thrown(() => ses.setSpellCheckerLanguages([code]))?.message).toBe(
          `Invalid language code provided: "${code}" is not a valid language code`,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('ses.getSpellCheckerLanguages', () => {
  it("starts from the app locale's language for a new session", () => {
    expect(freshSession(t, 'default').getSpellCheckerLanguages()).toEqual(['en-US']);
    expect(freshSession(t, 'default-memory', false).getSpellCheckerLanguages()).toEqual(['en-US']);
  });

  it('is per session', () => {
    const a = freshSession(t, 'a');
    const b = freshSession(t, 'b');
    a.setSpellCheckerLanguages(['fr']);
    expect(b.getSpellCheckerLanguages()).toEqual(['en-US']);
  });
});
