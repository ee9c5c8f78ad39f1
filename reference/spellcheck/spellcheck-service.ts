// The spell checker of one session (Chromium's SpellcheckService with
// Electron's patches): its language list and enabled flag in the session's
// preferences, one HunspellDictionary per language, the custom dictionary,
// and the check a page's text goes through. Dictionary events reach the
// Session as `spellcheck-dictionary-<event>` with the language code.
//
// It starts the first time anything of the session's spell checking is used
// (a member, a listener for one of its events, a page's check), where
// Electron starts it with the session: the reference does not download a
// dictionary for sessions that never spell-check.

import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { createElectronEvent } from '../events/electron-event.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { appLocale } from './app-locale.ts';
import { CustomDictionary } from './custom-dictionary.ts';
import { dictionaryUrl } from './download-url.ts';
import { checkerFor } from './hunspell-checker.ts';
import { HunspellDictionary, type DictionaryHost } from './hunspell-dictionary.ts';
import { correspondingSpellCheckLanguage, versionedFileName } from './language-codes.ts';
import { SpellcheckPrefs } from './spellcheck-prefs.ts';
import { misspelledWords, type LoadedLanguage } from './text-checker.ts';

export const DICTIONARIES_DIRECTORY = 'Dictionaries';

async function readBody(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  return body ? new Uint8Array(await new Response(body).arrayBuffer()) : new Uint8Array(0);
}

export class SpellcheckService implements SessionService {
  readonly #services: SessionServices;
  readonly #era: EraId;
  readonly #prefs: SpellcheckPrefs;
  readonly #custom: CustomDictionary;
  readonly #host: DictionaryHost;
  #dictionaries: HunspellDictionary[] = [];

  constructor(services: SessionServices) {
    this.#services = services;
    this.#era = services.era;
    const { storagePath } = services.identity;
    const sessionData = services.app.getPath('sessionData');
    this.#prefs = new SpellcheckPrefs(storagePath);
    // Electron fills an empty list from the app locale each time a session starts.
    if (!this.#prefs.dictionaries.length) {
      const fallback = correspondingSpellCheckLanguage(appLocale(services.app), this.#era);
      if (fallback) this.#prefs.setDictionaries([fallback]);
    }
    // An in-memory session's profile path is the session data directory: it
    // reads the default session's words there but never writes them.
    this.#custom = new CustomDictionary(storagePath ?? sessionData, storagePath !== null);
    this.#host = {
      directory: path.join(sessionData, DICTIONARIES_DIRECTORY),
      fileName: (language) => versionedFileName(language, this.#era),
      url: (fileName) => dictionaryUrl(services.app, fileName),
      fetch: (url) => this.#fetch(url),
      notify: (event, language) => {
        services.session.emit(`spellcheck-dictionary-${event}`, createElectronEvent(), language);
      },
    };
    this.#loadDictionaries();
  }

  get era(): EraId {
    return this.#era;
  }

  get persistent(): boolean {
    return this.#services.identity.persistent;
  }

  get customDictionary(): CustomDictionary {
    return this.#custom;
  }

  languages(): string[] {
    return this.#prefs.dictionaries;
  }

  /** Stores already-validated codes, reloading dictionaries when the list changed. */
  setLanguages(codes: readonly string[]): void {
    if (!this.#prefs.setDictionaries(codes)) return;
    this.#loadDictionaries();
    // With no dictionary left Chromium turns spell checking off.
    if (!this.#dictionaries.length) this.#prefs.setEnabled(false);
  }

  get enabled(): boolean {
    return this.#prefs.enabled;
  }

  set enabled(value: boolean) {
    this.#prefs.setEnabled(value);
  }

  /** What a page of the session would underline in `text`. */
  check(text: string): string[] {
    if (!this.#prefs.enabled || !this.#dictionaries.length) return [];
    const loaded: LoadedLanguage[] = [];
    for (const dictionary of this.#dictionaries) {
      if (dictionary.data) loaded.push({ language: dictionary.language, checker: checkerFor(dictionary.data) });
    }
    return misspelledWords(text, loaded, new Set(this.#custom.words()));
  }

  async flush(): Promise<void> {
    await Promise.all([this.#prefs.flushed(), this.#custom.flushed()]);
  }

  async shutdown(crash: boolean): Promise<void> {
    for (const dictionary of this.#dictionaries) dictionary.dispose();
    if (!crash) await this.flush();
  }

  /** LoadDictionaries: one dictionary per distinct language, in sorted order. */
  #loadDictionaries(): void {
    for (const dictionary of this.#dictionaries) dictionary.dispose();
    const languages = [...new Set(this.#prefs.dictionaries)].sort();
    this.#dictionaries = languages.map((language) => new HunspellDictionary(language, this.#host));
    for (const dictionary of this.#dictionaries) dictionary.load();
  }

  async #fetch(url: string): Promise<{ status: number; body: Uint8Array }> {
    const loaded = await this.#services.network.load({
      url: new URL(url),
      method: 'GET',
      headers: [],
      body: null,
      signal: null,
      redirect: 'follow',
      credentials: 'omit',
      initiator: null,
      // The storage partition's browser-process factory: the session's proxy
      // and the app's host resolver rules apply, webRequest and the
      // session's protocol handlers do not.
      requester: 'browser',
      bypassCustomProtocolHandlers: true,
      resourceType: 'other',
    });
    return { status: loaded.status, body: await readBody(loaded.body) };
  }
}

export const spellcheckService = (services: SessionServices): SpellcheckService => new SpellcheckService(services);
