// Which words of a text a page of the session would see underlined
// (SpellCheck::SpellCheckParagraph): each dictionary that is loaded splits
// the text in its own script and checks its words; a word is misspelled only
// when no loaded language accepts it, and a misspelling is dropped when the
// exact text is in the custom dictionary. A contraction the dictionary does
// not know ("in'n'out") passes when each of its parts does.

import type { WordChecker } from './hunspell-checker.ts';
import { scriptOf, words } from './word-iterator.ts';

export interface LoadedLanguage {
  language: string;
  checker: WordChecker;
}

interface Verdict {
  start: number;
  length: number;
  correct: boolean;
}

function verdicts(text: string, { language, checker }: LoadedLanguage): Verdict[] {
  const script = scriptOf(language);
  const validContraction = (word: string) => words(word, script, false).every((part) => checker.correct(part.word));
  return words(text, script).map(({ start, length, word }) => ({
    start,
    length,
    correct: checker.correct(word) || validContraction(word),
  }));
}

function overlaps(a: Verdict, b: Verdict): boolean {
  return a.start < b.start + b.length && b.start < a.start + a.length;
}

/** The misspelled words, in the order they appear, each occurrence once. */
export function misspelledWords(text: string, languages: readonly LoadedLanguage[], customWords: ReadonlySet<string>): string[] {
  if (!languages.length) return [];
  const perLanguage = languages.map((language) => verdicts(text, language));
  const spans = new Map<number, Verdict>();
  for (const list of perLanguage) {
    for (const verdict of list) {
      if (verdict.correct || spans.has(verdict.start)) continue;
      // Another language that reads a word here and accepts it wins.
      const accepted = perLanguage.some((other) => other.some((v) => v.correct && overlaps(v, verdict)));
      if (!accepted) spans.set(verdict.start, verdict);
    }
  }
  return [...spans.values()]
    .sort((a, b) => a.start - b.start)
    .map(({ start, length }) => text.slice(start, start + length))
    .filter((word) => !customWords.has(word));
}
