// ses.availableSpellCheckerLanguages: Chromium's list of spell-check
// language codes as the era's Chromium had it, a new array on every read.

import { describe, expect, it } from 'vitest';
import type { EraId } from '../../contract/eras/eras.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.availableSpellCheckerLanguages'],
  eras: '>=e9',
  requires: [],
  level: 'must',
  basis: 'chromium',
  summary: "Lists Chromium's spell-check language codes of the era, in Chromium's order, as a fresh array each time.",
});

const t = useTarget(meta);
useDictionaryServer(t, meta);

// biome-ignore format: a word list, kept dense
const CHROMIUM_83 = [
  'af', 'bg', 'ca', 'cs', 'cy', 'da', 'de', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es', 'es-419', 'es-AR',
  'es-ES', 'es-MX', 'es-US', 'et', 'fa', 'fo', 'fr', 'he', 'hi', 'hr', 'hu', 'hy', 'id', 'it', 'ko', 'lt', 'lv',
  'nb', 'nl', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sh', 'sk', 'sl', 'sq', 'sr', 'sv', 'ta', 'tg', 'tr', 'uk', 'vi',
];
// biome-ignore format: a word list, kept dense
const CHROMIUM_89 = [
  'af', 'bg', 'ca', 'cs', 'cy', 'da', 'de', 'de-DE', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-GB-oxendict', 'en-US',
  'es', 'es-419', 'es-AR', 'es-ES', 'es-MX', 'es-US', 'et', 'fa', 'fo', 'fr', 'fr-FR', 'he', 'hi', 'hr', 'hu', 'hy',
  'id', 'it', 'it-IT', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sh', 'sk', 'sl',
  'sq', 'sr', 'sv', 'ta', 'tg', 'tr', 'uk', 'vi',
];
const CHROMIUM_142 = [...CHROMIUM_89.slice(0, 9), 'en', ...CHROMIUM_89.slice(9)];

const EXPECTED: Partial<Record<EraId, string[]>> = { e9: CHROMIUM_83, e12: CHROMIUM_89, e17: CHROMIUM_89, current: CHROMIUM_142 };

describe('ses.availableSpellCheckerLanguages', () => {
  it("lists the era's Chromium language codes in Chromium's order", () => {
    expect(freshSession(t, 'available').availableSpellCheckerLanguages).toEqual(EXPECTED[t.era]);
  });

  it('returns a new array on each read, so changing one changes nothing', () => {
    const ses = freshSession(t, 'fresh-array');
    const first = ses.availableSpellCheckerLanguages;
    const second = ses.availableSpellCheckerLanguages;
    expect(first).not.toBe(second);
    first.length = 0;
    expect(ses.availableSpellCheckerLanguages).toEqual(second);
  });

  it('is the same for every session, persistent or in-memory', () => {
    expect(freshSession(t, 'memory', false).availableSpellCheckerLanguages).toEqual(
      freshSession(t, 'persistent').availableSpellCheckerLanguages,
    );
  });

  it('holds only codes setSpellCheckerLanguages accepts as they are', () => {
    const ses = freshSession(t, 'accepted');
    for (const code of ses.availableSpellCheckerLanguages) {
      ses.setSpellCheckerLanguages([code]);
      expect(ses.getSpellCheckerLanguages()).toEqual([code]);
    }
  });
});
