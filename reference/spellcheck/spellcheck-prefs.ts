// The spell-check preferences of one session, as Chromium keeps them in the
// profile's `Preferences` JSON (a JsonPrefStore): `spellcheck.dictionaries`
// (the language list) and `browser.enable_spellchecking` (default true).
// Persistent sessions read the file when their spell checker starts and
// write it back, whole and atomically, after each change; other keys in the
// file are kept. Like PrefService, setting a value equal to the current one
// changes nothing and notifies nobody.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export const PREFERENCES_FILE = 'Preferences';

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
  } catch {
    return {};
  }
}

function section(root: Json, key: string): Json {
  const value = root[key];
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  const created: Json = {};
  root[key] = created;
  return created;
}

export class SpellcheckPrefs {
  readonly #file: string | null;
  readonly #root: Json;
  #writes: Promise<void> = Promise.resolve();

  /** @param directory the profile directory, or null for an in-memory session. */
  constructor(directory: string | null) {
    this.#file = directory === null ? null : path.join(directory, PREFERENCES_FILE);
    this.#root = this.#file ? readJson(this.#file) : {};
  }

  get dictionaries(): string[] {
    const value = section(this.#root, 'spellcheck').dictionaries;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Returns whether the stored list changed. */
  setDictionaries(languages: readonly string[]): boolean {
    const current = section(this.#root, 'spellcheck').dictionaries;
    if (Array.isArray(current) && current.length === languages.length && current.every((v, i) => v === languages[i])) {
      return false;
    }
    section(this.#root, 'spellcheck').dictionaries = [...languages];
    this.#save();
    return true;
  }

  get enabled(): boolean {
    const value = section(this.#root, 'browser').enable_spellchecking;
    return typeof value === 'boolean' ? value : true;
  }

  /** Returns whether the value changed. */
  setEnabled(enabled: boolean): boolean {
    if (this.enabled === enabled && 'enable_spellchecking' in section(this.#root, 'browser')) return false;
    section(this.#root, 'browser').enable_spellchecking = enabled;
    this.#save();
    return true;
  }

  /** Resolves when every change so far is on disk. */
  flushed(): Promise<void> {
    return this.#writes;
  }

  #save(): void {
    const file = this.#file;
    if (!file) return;
    const text = JSON.stringify(this.#root);
    this.#writes = this.#writes
      .then(() => writeFileAtomic(file, text))
      .catch(() => {
        // The next change writes the whole file again.
      });
  }
}
