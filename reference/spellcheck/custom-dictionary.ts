// A session's custom spelling dictionary as Chromium keeps it
// (chrome/browser/spellchecker/spellcheck_custom_dictionary.cc): a sorted set
// of words in `Custom Dictionary.txt`, one per line followed by
// `checksum_v1 = <md5 of the lines>`. A file whose checksum does not match is
// replaced by its `.backup` (the previous version, copied before each save),
// and a file holding invalid words is rewritten without them. Words must be
// 1..99 UTF-8 bytes of valid UTF-8 without leading or trailing ASCII
// whitespace; adding a word already there, or removing one that is not, is
// refused. Every save re-reads the file, applies the change and replaces the
// file atomically, in order; changes made while a save runs are applied
// together by the next one (Chromium writes once per change on its file
// thread: the file passes through the same complete states, only skipping
// those a queued change would replace at once).

import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export const CUSTOM_DICTIONARY_FILE = 'Custom Dictionary.txt';
const BACKUP_SUFFIX = '.backup';
const CHECKSUM_PREFIX = 'checksum_v1 = ';
export const MAX_WORD_BYTES = 99;
const ASCII_WHITESPACE = /^[ \t\n\v\f\r]|[ \t\n\v\f\r]$/;

/** The UTF-8 bytes gin hands Chromium for a JS string (lone surrogates become U+FFFD). */
function utf8(word: string): Buffer {
  return Buffer.from(word, 'utf8');
}

/** base::IsStringUTF8 also refuses noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF). */
function hasNoncharacter(word: string): boolean {
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return true;
  }
  return false;
}

export function isValidWord(word: string): boolean {
  const bytes = utf8(word).length;
  return bytes > 0 && bytes <= MAX_WORD_BYTES && !hasNoncharacter(word) && !ASCII_WHITESPACE.test(word);
}

/** std::set<std::string> order: by UTF-8 bytes. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(utf8(a), utf8(b));
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** LoadFile: the words of one file, or null when its checksum does not match. */
function loadFile(file: string): string[] | null {
  let contents = readText(file);
  const at = contents.lastIndexOf(CHECKSUM_PREFIX);
  if (at >= 0) {
    const checksum = contents.slice(at + CHECKSUM_PREFIX.length);
    contents = contents.slice(0, at);
    if (checksum !== md5(contents)) return null;
  }
  return contents
    .replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '')
    .split('\n')
    .map((line) => line.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''));
}

interface LoadResult {
  words: Set<string>;
  /** False when the file had to be recovered or cleaned: it is rewritten after loading. */
  valid: boolean;
}

/** LoadDictionaryFileReliably: the file, else its backup, with invalid words dropped. */
function loadReliably(file: string): LoadResult {
  const words = loadFile(file);
  if (words) {
    const kept = new Set(words.filter(isValidWord));
    return { words: kept, valid: kept.size === words.length };
  }
  const backup = loadFile(file + BACKUP_SUFFIX) ?? [];
  return { words: new Set(backup.filter(isValidWord)), valid: false };
}

function serialize(words: Iterable<string>): string {
  const body = [...words]
    .sort(byteOrder)
    .map((w) => `${w}\n`)
    .join('');
  return `${body}${CHECKSUM_PREFIX}${md5(body)}`;
}

/** SaveDictionaryFileReliably: back up the current file (or drop the backup when empty), then replace it. */
async function saveReliably(file: string, words: Set<string>): Promise<void> {
  const backup = file + BACKUP_SUFFIX;
  if (words.size) {
    try {
      copyFileSync(file, backup);
    } catch {
      // Nothing to back up yet.
    }
  } else {
    rmSync(backup, { force: true });
  }
  await writeFileAtomic(file, serialize(words));
}

interface Change {
  add?: string;
  remove?: string;
}

export class CustomDictionary {
  readonly #file: string;
  readonly #writable: boolean;
  readonly #words: Set<string>;
  #writes: Promise<void> = Promise.resolve();
  /** Changes not yet taken by a save; a save is queued whenever this is not empty. */
  #pending: Change[] = [];

  /**
   * @param directory the profile directory the file lives in.
   * @param writable false for in-memory sessions, whose dictionary is read but never written.
   */
  constructor(directory: string, writable: boolean) {
    this.#file = path.join(directory, CUSTOM_DICTIONARY_FILE);
    this.#writable = writable;
    const loaded = loadReliably(this.#file);
    this.#words = loaded.words;
    if (!loaded.valid) this.#enqueue(() => saveReliably(this.#file, new Set(loaded.words)));
  }

  /** The words in Chromium's order (UTF-8 byte order). */
  words(): string[] {
    return [...this.#words].sort(byteOrder);
  }

  has(word: string): boolean {
    return this.#words.has(word);
  }

  add(word: string): boolean {
    if (this.#words.has(word) || !isValidWord(word)) return false;
    this.#words.add(word);
    this.#save({ add: word });
    return true;
  }

  remove(word: string): boolean {
    if (!this.#words.delete(word)) return false;
    this.#save({ remove: word });
    return true;
  }

  /** Resolves when every save queued so far is on disk. */
  flushed(): Promise<void> {
    return this.#writes;
  }

  #save(change: Change): void {
    if (!this.#writable) return;
    this.#pending.push(change);
    if (this.#pending.length > 1) return; // the queued save takes this change too
    this.#enqueue(async () => {
      const changes = this.#pending;
      this.#pending = [];
      const { words } = loadReliably(this.#file);
      for (const { add, remove } of changes) {
        if (add !== undefined) words.add(add);
        if (remove !== undefined) words.delete(remove);
      }
      await saveReliably(this.#file, words);
    });
  }

  #enqueue(write: () => Promise<void>): void {
    if (!this.#writable) return;
    this.#writes = this.#writes.then(write).catch(() => {
      // A failed write leaves the previous file; the words stay in memory as in Chromium.
    });
  }
}
