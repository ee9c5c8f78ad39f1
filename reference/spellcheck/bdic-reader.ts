// Reads Chromium's binary Hunspell dictionaries (.bdic, third_party/hunspell/
// google/bdict.h): the header check Chromium runs before it saves or opens a
// file (BDict::Verify: signature, version, offsets, MD5 of the data), then the
// affix sections and the word trie, turned back into the .aff and .dic text
// a Hunspell port reads. Chromium's converter replaces every flag set by an
// `AF` alias index; this reader puts the flag sets back in their place.

import { createHash } from 'node:crypto';

const SIGNATURE = 'BDic';
const MAJOR_VERSION = 2;
const HEADER_SIZE = 32;
const AFF_HEADER_SIZE = 16;
const FIRST_AFFIX_IS_UNUSED = 0x1fff;
const FOLLOWING_TERMINATOR = 0xffff;
const MAX_AFFIXES_PER_WORD = 32;

/** BDict::Verify: whether Chromium accepts these bytes as a dictionary. */
export function verifyBdic(data: Uint8Array): boolean {
  if (data.length <= HEADER_SIZE) return false;
  const view = Buffer.from(data.buffer, data.byteOffset, data.length);
  const major = view.readUInt16LE(4);
  const affOffset = view.readUInt32LE(8);
  const dicOffset = view.readUInt32LE(12);
  if (view.toString('latin1', 0, 4) !== SIGNATURE || major > MAJOR_VERSION) return false;
  if (affOffset > view.length || dicOffset > view.length || affOffset + AFF_HEADER_SIZE > view.length) return false;
  if (view.readUInt32LE(affOffset) + 4 > view.length) return false;
  if (major >= 2) {
    const digest = createHash('md5').update(view.subarray(affOffset)).digest();
    if (!digest.equals(view.subarray(16, 32))) return false;
  }
  return true;
}

/** The MD5 digest the header carries: one dictionary's identity. */
export function bdicDigest(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.length).subarray(16, 32).toString('hex');
}

export interface HunspellSource {
  aff: string;
  dic: string;
}

class CorruptDictionary extends Error {}

/** NUL-terminated strings from `offset` until an empty one. */
function stringList(view: Buffer, offset: number): string[] {
  const out: string[] = [];
  let at = offset;
  for (;;) {
    const end = view.indexOf(0, at);
    if (end < 0) throw new CorruptDictionary('unterminated string list');
    if (end === at) return out;
    out.push(view.toString('utf8', at, end));
    at = end + 1;
  }
}

interface Word {
  bytes: number[];
  affixes: number[];
}

/** Walks the trie from the node at `offset`, collecting every word and its affix group indices. */
function collectWords(view: Buffer, offset: number, prefix: number[], out: Word[], depth = 0): void {
  if (depth > 256 || offset >= view.length) throw new CorruptDictionary('trie out of bounds');
  const id = view[offset]!;
  if ((id & 0x80) === 0) {
    out.push(readLeaf(view, offset, prefix));
    return;
  }
  if ((id & 0xfc) === 0xc0) {
    const is32 = (id & 0x02) !== 0;
    const has0th = (id & 0x01) !== 0;
    const first = view[offset + 1]!;
    const count = view[offset + 2]!;
    const width = is32 ? 4 : 2;
    const read = (at: number): number => {
      const value = is32 ? view.readUInt32LE(at) : view.readUInt16LE(at);
      return value && !is32 ? value + offset : value;
    };
    let at = offset + 3;
    if (has0th) {
      collectWords(view, read(at), prefix, out, depth + 1);
      at += width;
    }
    for (let i = 0; i < count; i++) {
      const child = read(at + i * width);
      if (child) collectWords(view, child, [...prefix, first + i], out, depth + 1);
    }
    return;
  }
  if ((id & 0xe0) === 0xe0) {
    const is16 = (id & 0xf0) === 0xf0;
    const count = id & 0x0f;
    const entry = is16 ? 3 : 2;
    const childrenStart = offset + 1 + count * entry;
    for (let i = 0; i < count; i++) {
      const at = offset + 1 + i * entry;
      const ch = view[at]!;
      const relative = is16 ? view.readUInt16LE(at + 1) : view[at + 1]!;
      collectWords(view, childrenStart + relative, ch === 0 ? prefix : [...prefix, ch], out, depth + 1);
    }
    return;
  }
  throw new CorruptDictionary(`unknown trie node 0x${id.toString(16)}`);
}

function readLeaf(view: Buffer, offset: number, prefix: number[]): Word {
  const id = view[offset]!;
  const firstAffix = ((id & 0x1f) << 8) + view[offset + 1]!;
  let at = offset + 2;
  const bytes = [...prefix];
  if ((id & 0xc0) === 0x40) {
    const end = view.indexOf(0, at);
    if (end < 0) throw new CorruptDictionary('unterminated leaf');
    bytes.push(...view.subarray(at, end));
    at = end + 1;
  }
  const affixes = firstAffix === FIRST_AFFIX_IS_UNUSED ? [] : [firstAffix];
  if ((id & 0xa0) === 0x20 || firstAffix === FIRST_AFFIX_IS_UNUSED) {
    while (affixes.length < MAX_AFFIXES_PER_WORD) {
      const value = view.readUInt16LE(at);
      at += 2;
      if (value === FOLLOWING_TERMINATOR) break;
      affixes.push(value);
    }
  }
  return { bytes, affixes };
}

/** Turns a verified .bdic into Hunspell .aff and .dic text with the flag aliases expanded. */
export function bdicToHunspell(data: Uint8Array): HunspellSource {
  const view = Buffer.from(data.buffer, data.byteOffset, data.length);
  const affOffset = view.readUInt32LE(8);
  const dicOffset = view.readUInt32LE(12);
  const [groupOffset, ruleOffset, repOffset, otherOffset] = [0, 4, 8, 12].map((d) => view.readUInt32LE(affOffset + d));
  // The first group line is `AF <count>`; the others are the flag sets, 1-based.
  const groups = stringList(view, groupOffset!)
    .slice(1)
    .map((line) => line.replace(/^AF /, ''));
  const flagsOf = (index: number): string => (index > 0 ? (groups[index - 1] ?? '') : '');
  const others = stringList(view, otherOffset!);
  const numericFlags = others.some((line) => /^FLAG\s+num\b/.test(line));

  const rules = stringList(view, ruleOffset!).map((line) => {
    const parts = line.split(' ');
    const add = parts[3];
    if (parts.length < 5 || add === undefined || !add.includes('/')) return line;
    const [text, alias] = add.split('/');
    parts[3] = /^\d+$/.test(alias!) ? `${text}/${flagsOf(Number(alias))}` : add;
    return parts.join(' ');
  });
  const replacementParts = stringList(view, repOffset!);
  const replacements: string[] = [];
  for (let i = 0; i + 1 < replacementParts.length; i += 2) {
    replacements.push(`REP ${replacementParts[i]!.replace(/ /g, '_')} ${replacementParts[i + 1]!.replace(/ /g, '_')}`);
  }
  const aff = [
    'SET UTF-8',
    ...others,
    ...(replacements.length ? [`REP ${replacements.length}`, ...replacements] : []),
    ...rules,
  ].join('\n');

  const words: Word[] = [];
  collectWords(view, dicOffset, [], words);
  const lines = words.map(({ bytes, affixes }) => {
    const word = Buffer.from(bytes).toString('utf8').replace(/\//g, '\\/');
    const flags = affixes
      .map(flagsOf)
      .filter(Boolean)
      .join(numericFlags ? ',' : '');
    return flags ? `${word}/${flags}` : word;
  });
  return { aff, dic: `${lines.length}\n${lines.join('\n')}` };
}
