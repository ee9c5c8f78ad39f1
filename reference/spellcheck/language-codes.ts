// Chromium's table of spell-check languages (components/spellcheck/common/
// spellcheck_common.cc) as each era's Chromium had it: which codes
// setSpellCheckerLanguages accepts, what availableSpellCheckerLanguages lists,
// and the versioned .bdic file name a language's dictionary is stored and
// downloaded under. The table grew over time: Chromium 85 added the
// region-qualified de-DE, fr-FR, it-IT, the bare `pt` and en-GB-oxendict; a
// later Chromium added the bare `en`. Dictionary versions moved with upstream
// updates (en-* 9-0 in January 2020, 10-1 in March 2022).

import type { EraId } from '../../contract/eras/eras.ts';

/** [language code, the language-region its dictionary is for] */
type LanguageRegion = readonly [string, string];

// biome-ignore format: a word list, kept dense
const CHROMIUM_83: readonly LanguageRegion[] = [
  ['af', 'af-ZA'], ['bg', 'bg-BG'], ['ca', 'ca-ES'], ['cs', 'cs-CZ'], ['cy', 'cy-GB'], ['da', 'da-DK'],
  ['de', 'de-DE'], ['el', 'el-GR'], ['en-AU', 'en-AU'], ['en-CA', 'en-CA'], ['en-GB', 'en-GB'],
  ['en-US', 'en-US'], ['es', 'es-ES'], ['es-419', 'es-ES'], ['es-AR', 'es-ES'], ['es-ES', 'es-ES'],
  ['es-MX', 'es-ES'], ['es-US', 'es-ES'], ['et', 'et-EE'], ['fa', 'fa-IR'], ['fo', 'fo-FO'], ['fr', 'fr-FR'],
  ['he', 'he-IL'], ['hi', 'hi-IN'], ['hr', 'hr-HR'], ['hu', 'hu-HU'], ['hy', 'hy'], ['id', 'id-ID'],
  ['it', 'it-IT'], ['ko', 'ko'], ['lt', 'lt-LT'], ['lv', 'lv-LV'], ['nb', 'nb-NO'], ['nl', 'nl-NL'],
  ['pl', 'pl-PL'], ['pt-BR', 'pt-BR'], ['pt-PT', 'pt-PT'], ['ro', 'ro-RO'], ['ru', 'ru-RU'], ['sh', 'sh'],
  ['sk', 'sk-SK'], ['sl', 'sl-SI'], ['sq', 'sq'], ['sr', 'sr'], ['sv', 'sv-SE'], ['ta', 'ta-IN'],
  ['tg', 'tg-TG'], ['tr', 'tr-TR'], ['uk', 'uk-UA'], ['vi', 'vi-VN'],
];

/** Inserts entries after the entry with the given code, keeping Chromium's order. */
function withAdded(table: readonly LanguageRegion[], additions: Record<string, LanguageRegion[]>): LanguageRegion[] {
  return table.flatMap((entry) => [entry, ...(additions[entry[0]] ?? [])]);
}

const CHROMIUM_89 = withAdded(CHROMIUM_83, {
  de: [['de-DE', 'de-DE']],
  'en-GB': [['en-GB-oxendict', 'en-GB-oxendict']],
  fr: [['fr-FR', 'fr-FR']],
  it: [['it-IT', 'it-IT']],
  pl: [['pt', 'pt-BR']],
});

const CHROMIUM_142 = withAdded(CHROMIUM_89, { el: [['en', 'en-US']] });

const DEFAULT_VERSION = '-3-0';
const BASE_VERSIONS: Record<string, string> = {
  'tr-TR': '-4-0',
  'tg-TG': '-5-0',
  'cy-GB': '-1-0',
  hy: '-1-0',
  sh: '-4-0',
  sr: '-4-0',
  'fa-IR': '-9-0',
};
const ENGLISH_2020 = { 'en-AU': '-9-0', 'en-CA': '-9-0', 'en-GB': '-9-0', 'en-US': '-9-0', 'uk-UA': '-4-0' };

interface LanguageTable {
  readonly languages: readonly LanguageRegion[];
  readonly versions: Readonly<Record<string, string>>;
}

const TABLES: Record<Exclude<EraId, 'legacy'>, LanguageTable> = {
  e9: { languages: CHROMIUM_83, versions: { ...BASE_VERSIONS, ...ENGLISH_2020 } },
  e12: { languages: CHROMIUM_89, versions: { ...BASE_VERSIONS, ...ENGLISH_2020, 'en-GB-oxendict': '-9-0' } },
  e17: { languages: CHROMIUM_89, versions: { ...BASE_VERSIONS, ...ENGLISH_2020, 'en-GB-oxendict': '-9-0' } },
  current: {
    languages: CHROMIUM_142,
    versions: {
      ...BASE_VERSIONS,
      'en-AU': '-10-1',
      'en-CA': '-10-1',
      'en-GB': '-10-1',
      'en-GB-oxendict': '-10-1',
      'en-US': '-10-1',
      'uk-UA': '-5-0',
    },
  },
};

function tableFor(era: EraId): LanguageTable {
  // Spell checking arrived with Electron 8; the legacy era has none, and asks only of tools.
  return TABLES[era === 'legacy' ? 'e9' : era];
}

/** availableSpellCheckerLanguages: every code of the table, in its order. */
export function spellCheckLanguages(era: EraId): string[] {
  return tableFor(era).languages.map(([language]) => language);
}

/**
 * GetCorrespondingSpellCheckLanguage: the code itself when the table lists it,
 * else the first code whose dictionary region is exactly `code`, else ''.
 * Matching is case-sensitive, as Chromium's is.
 */
export function correspondingSpellCheckLanguage(code: string, era: EraId): string {
  let best = '';
  for (const [language, region] of tableFor(era).languages) {
    if (language === code) return code;
    if (region === code && !best) best = language;
  }
  return best;
}

/** The language-region a code's dictionary is for (hi -> hi-IN); unknown codes map to themselves. */
export function spellCheckLanguageRegion(code: string, era: EraId): string {
  return tableFor(era).languages.find(([language]) => language === code)?.[1] ?? code;
}

/** GetVersionedFileName: `<language-region><version>.bdic` (en-US-10-1.bdic). */
export function versionedFileName(code: string, era: EraId): string {
  const region = spellCheckLanguageRegion(code, era);
  return `${region}${tableFor(era).versions[region] ?? DEFAULT_VERSION}.bdic`;
}
