// The .bdic reader against the fixtures' convert_dict-style writer: every
// word and flag set of a real Hunspell dictionary survives the round trip,
// and so do the rare node shapes (32-bit lookups, affix ids past 13 bits,
// words with several flag sets); Chromium's header check refuses damaged files.

import { describe, expect, it } from 'vitest';
import dictionaryEn from 'dictionary-en';
import { hunspellToBdic } from '../../../fixtures/servers/bdic-writer.ts';
import { bdicToHunspell, verifyBdic } from '../../../reference/spellcheck/bdic-reader.ts';

/** word -> sorted flag sets, from .dic text (the first line is the count). */
function entries(dic: string, numeric = false): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of dic.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const slash = line.search(/(?<!\\)\//);
    const word = (slash < 0 ? line : line.slice(0, slash)).replace(/\\\//g, '/');
    const flags = slash < 0 ? '' : line.slice(slash + 1);
    const set = numeric ? flags.split(',').filter(Boolean).sort().join(',') : [...flags].sort().join('');
    out.set(word, [...(out.get(word) ?? []), set].sort());
  }
  return out;
}

/** Merges the flag sets of each word into one, as the reader writes them. */
function merged(map: Map<string, string[]>, numeric = false): Map<string, string> {
  return new Map(
    [...map].map(([word, sets]) => [
      word,
      numeric
        ? [...new Set(sets.flatMap((s) => s.split(',')).filter(Boolean))].sort().join(',')
        : [...new Set(sets.join(''))].sort().join(''),
    ]),
  );
}

describe('bdic round trip', () => {
  it('keeps every word of dictionary-en with its flags, and its affix rules', () => {
    const bdic = hunspellToBdic(dictionaryEn.aff, dictionaryEn.dic);
    expect(verifyBdic(bdic)).toBe(true);
    const back = bdicToHunspell(bdic);
    expect(merged(entries(back.dic))).toEqual(merged(entries(Buffer.from(dictionaryEn.dic).toString('utf8'))));
    const rules = (aff: string) =>
      aff
        .split('\n')
        .filter((l) => /^(PFX|SFX) /.test(l))
        .map((l) => l.trim().replace(/\s+/g, ' '));
    expect(rules(back.aff)).toEqual(rules(Buffer.from(dictionaryEn.aff).toString('utf8')));
  });

  it('reads 32-bit lookups, affix ids past 13 bits and words with several flag sets', () => {
    const words: string[] = [];
    // 9000 distinct numeric flag sets push alias ids past 0x1FFE.
    for (let i = 0; i < 9000; i++) words.push(`w${i.toString(36)}x/${i + 1},${i + 2}`);
    // A wide fan-out under one prefix with long endings makes lookups of more than 64 KiB.
    for (let c = 0x61; c <= 0x7a; c++) {
      for (let i = 0; i < 300; i++) words.push(`z${String.fromCharCode(c)}${'q'.repeat(20)}${i}/7`);
    }
    words.push('multi/1', 'multi/2,3', 'plain', 'a\\/b/4');
    const dic = `${words.length}\n${words.join('\n')}\n`;
    const aff = 'SET UTF-8\nFLAG num\n';
    const bdic = hunspellToBdic(aff, dic);
    expect(verifyBdic(bdic)).toBe(true);
    const back = bdicToHunspell(bdic);
    expect(back.aff).toContain('FLAG num');
    expect(merged(entries(back.dic, true), true)).toEqual(merged(entries(dic, true), true));
  });
});

describe('verifyBdic', () => {
  const good = hunspellToBdic('SET UTF-8\n', '2\nhello\nworld\n');

  it('accepts what the converter writes', () => {
    expect(verifyBdic(good)).toBe(true);
  });

  it('refuses a wrong signature, a newer major version, a short file, offsets past the end and a wrong digest', () => {
    const variants: Array<(b: Buffer) => void> = [
      (b) => b.write('XDic', 0, 'latin1'),
      (b) => b.writeUInt16LE(3, 4),
      (b) => b.writeUInt32LE(b.length + 1, 8),
      (b) => b.writeUInt32LE(b.length + 1, 12),
      (b) => b.writeUInt8(b.readUInt8(b.length - 1) ^ 1, b.length - 1),
      (b) => b.writeUInt8(b.readUInt8(16) ^ 1, 16),
    ];
    for (const damage of variants) {
      const copy = Buffer.from(good);
      damage(copy);
      expect(verifyBdic(copy)).toBe(false);
    }
    expect(verifyBdic(good.subarray(0, 32))).toBe(false);
  });
});
