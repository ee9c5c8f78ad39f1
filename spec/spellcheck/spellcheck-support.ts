// Helpers the spellcheck specs share, public API only: a session's spell
// checker members, its dictionary events, the dictionary fixture server,
// where Chromium keeps the files it downloads and the file names it asks
// for in each era (components/spellcheck/common/spellcheck_common.cc).

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { eraInRange, type EraId } from '../../contract/eras/eras.ts';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { startDictionaryServer, type DictionaryServer } from '../../fixtures/servers/index.ts';
import { uniquePartition } from '../support/partitions.ts';

export { until, thrown } from '../support/requests.ts';

/** The spell-check members of a Session, typed loosely enough for every era. */
export interface SpellcheckSession {
  setSpellCheckerLanguages(...args: unknown[]): void;
  getSpellCheckerLanguages(): string[];
  readonly availableSpellCheckerLanguages: string[];
  setSpellCheckerDictionaryDownloadURL(...args: unknown[]): void;
  listWordsInSpellCheckerDictionary(): Promise<string[]>;
  addWordToSpellCheckerDictionary(...args: unknown[]): boolean;
  removeWordFromSpellCheckerDictionary(...args: unknown[]): boolean;
  setSpellCheckerEnabled(...args: unknown[]): void;
  isSpellCheckerEnabled(): boolean;
  spellCheckerEnabled: unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** A session no other test has used: `persist:` when `persistent`. */
export function freshSession(t: SpecHandle, label: string, persistent = true): SpellcheckSession {
  const name = uniquePartition(label);
  return t.session.fromPartition(persistent ? `persist:${name}` : name) as unknown as SpellcheckSession;
}

export function sessionOf(t: SpecHandle, partition: string): SpellcheckSession {
  return t.session.fromPartition(partition) as unknown as SpellcheckSession;
}

export const DICTIONARY_EVENTS = ['initialized', 'download-begin', 'download-success', 'download-failure'] as const;

/** `event:language` for every dictionary event the session emits from now on. */
export function recordDictionaryEvents(session: SpellcheckSession): string[] {
  const seen: string[] = [];
  for (const event of DICTIONARY_EVENTS) {
    session.on(`spellcheck-dictionary-${event}`, (...args: unknown[]) => {
      seen.push(`${event}:${String(args[1])}`);
      if (args.length !== 2 || typeof args[0] !== 'object') seen.push(`unexpected arguments for ${event}`);
    });
  }
  return seen;
}

/**
 * A dictionary fixture server for the whole spec file, set as the app's
 * download URL once the target runs (and again by `pointAt` after a
 * restart): every session starts loading its languages' dictionaries, and
 * the specs keep those downloads on loopback.
 */
export function useDictionaryServer(t: SpecHandle, meta: { eras: string }): DictionaryServer {
  let running: DictionaryServer | undefined;
  beforeAll(async () => {
    running = await startDictionaryServer();
    if (eraInRange(t.era, meta.eras)) pointAt(t, running.url);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as DictionaryServer, {
    get(_, key) {
      if (!running) throw new Error('the dictionary server only runs while the spec file runs its tests');
      const value = Reflect.get(running, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(running) : value;
    },
  });
}

/** Sets the app-wide dictionary download URL (it does not survive a restart). */
export function pointAt(t: SpecHandle, url: string): void {
  (t.session.defaultSession as unknown as SpellcheckSession).setSpellCheckerDictionaryDownloadURL(url);
}

/** The shared folder every session of the app keeps downloaded dictionaries in. */
export function dictionariesDirectory(t: SpecHandle): string {
  return path.join(t.app.getPath('userData'), 'Dictionaries');
}

/** Forgets every downloaded dictionary, so the next session to load one downloads it. */
export async function clearDictionaries(t: SpecHandle): Promise<void> {
  await rm(dictionariesDirectory(t), { recursive: true, force: true });
}

/** Chromium's versioned dictionary file names per era, for the languages the specs use. */
const FILE_NAMES: Record<Exclude<EraId, 'legacy'>, Record<string, string>> = {
  e9: {
    'en-US': 'en-US-9-0.bdic',
    'en-GB': 'en-GB-9-0.bdic',
    fr: 'fr-FR-3-0.bdic',
    hi: 'hi-IN-3-0.bdic',
    'uk-UA': 'uk-UA-4-0.bdic',
    tr: 'tr-TR-4-0.bdic',
  },
  e12: {
    'en-US': 'en-US-9-0.bdic',
    'en-GB': 'en-GB-9-0.bdic',
    fr: 'fr-FR-3-0.bdic',
    hi: 'hi-IN-3-0.bdic',
    'uk-UA': 'uk-UA-4-0.bdic',
    tr: 'tr-TR-4-0.bdic',
  },
  e17: {
    'en-US': 'en-US-9-0.bdic',
    'en-GB': 'en-GB-9-0.bdic',
    fr: 'fr-FR-3-0.bdic',
    hi: 'hi-IN-3-0.bdic',
    'uk-UA': 'uk-UA-4-0.bdic',
    tr: 'tr-TR-4-0.bdic',
  },
  current: {
    'en-US': 'en-US-10-1.bdic',
    'en-GB': 'en-GB-10-1.bdic',
    fr: 'fr-FR-3-0.bdic',
    hi: 'hi-IN-3-0.bdic',
    'uk-UA': 'uk-UA-5-0.bdic',
    tr: 'tr-TR-4-0.bdic',
  },
};

export function dictionaryFileName(era: EraId, language: string): string {
  const name = FILE_NAMES[era === 'legacy' ? 'e9' : era][language];
  if (!name) throw new Error(`no expected file name for ${language}`);
  return name;
}

/** A small Hunspell dictionary of exactly these words, with one suffix rule (`S`: plural -s). */
export function tinyHunspell(words: readonly string[]): { aff: string; dic: string } {
  return {
    aff: 'SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\nSFX S Y 1\nSFX S 0 s .\n',
    dic: `${words.length}\n${words.map((w) => `${w}/S`).join('\n')}\n`,
  };
}
