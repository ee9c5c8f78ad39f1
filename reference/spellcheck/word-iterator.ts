// Splits text into the words Chromium's renderer spell-checks
// (components/spellcheck/renderer/spellcheck_worditerator.cc): runs of
// letters of the dictionary language's script, plus ASCII digits, joined by
// contraction characters (apostrophes, periods, colons, middle dots) when a
// letter follows; everything else is skipped. Each word is NFKC-normalized
// and keeps only characters of that script or of the Common script, which is
// what the Hunspell dictionary is asked about.

/** ICU's first script for a language, as uscript_getCode reports it. */
const SCRIPTS: Record<string, string> = {
  bg: 'Cyrillic',
  ru: 'Cyrillic',
  uk: 'Cyrillic',
  sr: 'Cyrillic',
  tg: 'Cyrillic',
  mk: 'Cyrillic',
  el: 'Greek',
  he: 'Hebrew',
  fa: 'Arabic',
  ar: 'Arabic',
  hi: 'Devanagari',
  ta: 'Tamil',
  hy: 'Armenian',
  ko: 'Hangul',
};

export function scriptOf(language: string): string {
  return SCRIPTS[language.split('-')[0]!] ?? 'Latin';
}

const MID_LETTER = ':\\u00B7\\u0387\\u05F4\\u2027\\uFE13\\uFE55\\uFF1A';
const MID_NUM_LET = ".\\u2018\\u2019\\u2024\\uFE52\\uFF07\\uFF0E'";
const EXTEND = '(?:(?!\\u200B)[\\p{M}\\p{Cf}])*';

export interface WordToken {
  /** Offset and length in the text, in UTF-16 code units. */
  start: number;
  length: number;
  /** The normalized word handed to the dictionary. */
  word: string;
}

interface Rules {
  contraction: RegExp;
  plain: RegExp;
  keep: (ch: string) => boolean;
}

const rulesByScript = new Map<string, Rules>();

function rulesFor(script: string): Rules {
  let rules = rulesByScript.get(script);
  if (!rules) {
    const extra = script === 'Hebrew' ? '' : script === 'Arabic' ? '\\u0640' : '0-9';
    const letter = `[\\p{Script=${script}}${extra}]${EXTEND}`;
    const mid = `[${MID_LETTER}${MID_NUM_LET}${script === 'Hebrew' ? '"' : ''}]${EXTEND}`;
    const own = new RegExp(`^\\p{Script=${script}}$`, 'u');
    const common = /^\p{Script=Common}$/u;
    rules = {
      contraction: new RegExp(`(?:${letter})+(?:${mid}(?:${letter})+)*`, 'gu'),
      plain: new RegExp(`(?:${letter})+`, 'gu'),
      keep: (ch) => own.test(ch) || common.test(ch),
    };
    rulesByScript.set(script, rules);
  }
  return rules;
}

/** The checkable words of `text` for a language of `script`. */
export function words(text: string, script: string, allowContraction = true): WordToken[] {
  const rules = rulesFor(script);
  const pattern = allowContraction ? rules.contraction : rules.plain;
  const out: WordToken[] = [];
  for (const match of text.matchAll(pattern)) {
    const word = [...match[0].normalize('NFKC')].filter(rules.keep).join('');
    if (word) out.push({ start: match.index, length: match[0].length, word });
  }
  return out;
}
