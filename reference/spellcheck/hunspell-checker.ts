// The Hunspell check of one word against one dictionary, as Chromium's
// renderer asks it (HunspellEngine::CheckSpelling): words over 64 UTF-8 bytes
// are not checked, numbers (digits with single `.`, `,` or `-` between them)
// are correct as Hunspell has them, and the rest goes to nspell, a JavaScript
// port of Hunspell, loaded from the .bdic the session holds. Parsed
// dictionaries are shared by every session holding the same file.

import { createRequire } from 'node:module';
import { bdicDigest, bdicToHunspell } from './bdic-reader.ts';

interface NSpell {
  correct(word: string): boolean;
}

const nspell = createRequire(import.meta.url)('nspell') as (dictionary: { aff: string; dic: string }) => NSpell;

const MAX_CHECKED_BYTES = 64;
const NUMBER = /^\d+(?:[.,-]\d+)*$/;

export interface WordChecker {
  correct(word: string): boolean;
}

const parsed = new Map<string, WordChecker>();

export function checkerFor(bdic: Uint8Array): WordChecker {
  const digest = bdicDigest(bdic);
  let checker = parsed.get(digest);
  if (!checker) {
    const speller = nspell(bdicToHunspell(bdic));
    checker = {
      correct: (word) => Buffer.byteLength(word, 'utf8') > MAX_CHECKED_BYTES || NUMBER.test(word) || speller.correct(word),
    };
    parsed.set(digest, checker);
  }
  return checker;
}
