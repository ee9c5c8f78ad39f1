// ses.addWordToSpellCheckerDictionary / removeWordFromSpellCheckerDictionary /
// listWordsInSpellCheckerDictionary: Chromium's custom dictionary refuses
// empty words, words over 99 UTF-8 bytes, words with leading or trailing ASCII
// whitespace, invalid UTF-8 (noncharacters) and duplicates; removing a word
// that is not there fails; in-memory sessions refuse both; the list comes back
// in byte order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, thrown, useDictionaryServer } from './spellcheck-support.ts';

export const meta = defineSpec({
  members: [
    'ses.addWordToSpellCheckerDictionary',
    'ses.removeWordFromSpellCheckerDictionary',
    'ses.listWordsInSpellCheckerDictionary',
  ],
  eras: '>=e9',
  requires: [],
  level: 'must',
  basis: 'chromium',
  summary:
    "Words are added and removed with a boolean result under Chromium's rules for custom words, never for in-memory sessions, and listed in byte order.",
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
useDictionaryServer(t, meta);

const list = (ses: ReturnType<typeof freshSession>) => t.invoke<string[]>(ses, 'ses.listWordsInSpellCheckerDictionary');

describe('ses.addWordToSpellCheckerDictionary', () => {
  it('adds a word and returns true; a new session lists no words', async () => {
    const ses = freshSession(t, 'add');
    expect(await list(ses)).toEqual([]);
    expect(ses.addWordToSpellCheckerDictionary('foobar')).toBe(true);
    expect(await list(ses)).toEqual(['foobar']);
  });

  it('refuses a word already there', async () => {
    const ses = freshSession(t, 'dup');
    expect(ses.addWordToSpellCheckerDictionary('twice')).toBe(true);
    expect(ses.addWordToSpellCheckerDictionary('twice')).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('Twice')).toBe(true);
    expect(await list(ses)).toEqual(['Twice', 'twice']);
  });

  it('refuses the empty word and words over 99 UTF-8 bytes', async () => {
    const ses = freshSession(t, 'length');
    expect(ses.addWordToSpellCheckerDictionary('')).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('a'.repeat(100))).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('é'.repeat(50))).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('a'.repeat(99))).toBe(true);
    expect(ses.addWordToSpellCheckerDictionary('€'.repeat(33))).toBe(true);
    expect(await list(ses)).toEqual(['a'.repeat(99), '€'.repeat(33)]);
  });

  it('refuses words with leading or trailing ASCII whitespace, but not inner spaces or other whitespace', async () => {
    const ses = freshSession(t, 'space');
    for (const ws of [' ', '\t', '\n', '\v', '\f', '\r']) {
      expect(ses.addWordToSpellCheckerDictionary(`${ws}word`)).toBe(false);
      expect(ses.addWordToSpellCheckerDictionary(`word${ws}`)).toBe(false);
    }
    expect(ses.addWordToSpellCheckerDictionary('ice cream')).toBe(true);
    expect(ses.addWordToSpellCheckerDictionary('\u00A0nbsp')).toBe(true);
    expect(await list(ses)).toEqual(['ice cream', '\u00A0nbsp']);
  });

  it('refuses words holding Unicode noncharacters', async () => {
    const ses = freshSession(t, 'nonchar');
    for (const word of ['a\uFFFE', '\uFDD0b', 'c\uFFFF']) expect(ses.addWordToSpellCheckerDictionary(word)).toBe(false);
    expect(await list(ses)).toEqual([]);
  });

  it('returns false for an in-memory session and keeps nothing', async () => {
    const ses = freshSession(t, 'memory', false);
    expect(ses.addWordToSpellCheckerDictionary('foobar')).toBe(false);
    expect(await list(ses)).not.toContain('foobar');
  });

  it('throws a TypeError for a word that is not a string, in-memory sessions included', () => {
    for (const ses of [freshSession(t, 'types'), freshSession(t, 'types-memory', false)]) {
      for (const bad of [42, null, undefined, {}, ['word']]) {
        const error = thrown(() => ses.addWordToSpellCheckerDictionary(bad));
        expect(error).toBeInstanceOf(TypeError);
        expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
      }
      const missing = thrown(() => ses.addWordToSpellCheckerDictionary());
      expect(missing).toBeInstanceOf(TypeError);
      expect(missing!.message).toBe('Insufficient number of arguments.');
    }
  });
});

describe('ses.removeWordFromSpellCheckerDictionary', () => {
  it('removes a word and returns true; a word not there gives false', async () => {
    const ses = freshSession(t, 'remove');
    expect(ses.removeWordFromSpellCheckerDictionary('foobar')).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('foobar')).toBe(true);
    expect(ses.removeWordFromSpellCheckerDictionary('foobar')).toBe(true);
    expect(await list(ses)).toEqual([]);
    expect(ses.removeWordFromSpellCheckerDictionary('foobar')).toBe(false);
    expect(ses.addWordToSpellCheckerDictionary('foobar')).toBe(true);
  });

  it('returns false for an in-memory session', () => {
    expect(freshSession(t, 'remove-memory', false).removeWordFromSpellCheckerDictionary('foobar')).toBe(false);
  });

  it('throws a TypeError for a word that is not a string', () => {
    const error = thrown(() => freshSession(t, 'remove-types').removeWordFromSpellCheckerDictionary(7));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });
});

describe('ses.listWordsInSpellCheckerDictionary', () => {
  it('resolves the words in UTF-8 byte order, each once', async () => {
    const ses = freshSession(t, 'order');
    for (const word of ['b', 'a', 'Z', 'é', '😀', 'ﬀ', '~', 'a']) ses.addWordToSpellCheckerDictionary(word);
    expect(await list(ses)).toEqual(['Z', 'a', 'b', '~', 'é', 'ﬀ', '😀']);
  });

  it('resolves a new array each time', async () => {
    const ses = freshSession(t, 'arrays');
    ses.addWordToSpellCheckerDictionary('kept');
    const first = await list(ses);
    first.push('added');
    expect(await list(ses)).toEqual(['kept']);
  });

  it('follows any sequence of additions and removals like a set of valid words', async () => {
    const word = fc.oneof(fc.constantFrom('a', 'b', 'B', 'é', ' a', 'b ', '', 'x'.repeat(100)), fc.string({ maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), word), { maxLength: 20 }), async (steps) => {
        const ses = freshSession(t, 'model');
        const model = new Set<string>();
        for (const [adding, w] of steps) {
          const valid =
            w.length > 0 &&
            Buffer.byteLength(w) <= 99 &&
            !/^[ \t\n\v\f\r]|[ \t\n\v\f\r]$/.test(w) &&
            !/[\uFFFE\uFFFF\uFDD0-\uFDEF]/.test(w);
          const expected = adding ? valid && !model.has(w) : model.has(w);
          const result = adding ? ses.addWordToSpellCheckerDictionary(w) : ses.removeWordFromSpellCheckerDictionary(w);
          expect(result).toBe(expected);
          if (expected) adding ? model.add(w) : model.delete(w);
        }
        const bytes = (s: string) => Buffer.from(s, 'utf8');
        expect(await list(ses)).toEqual([...model].sort((x, y) => Buffer.compare(bytes(x), bytes(y))));
      }),
      { numRuns: 25 },
    );
  });
});
