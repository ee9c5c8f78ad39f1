// Where dictionaries are downloaded from. Electron's
// setSpellCheckerDictionaryDownloadURL sets one base URL for the whole
// process (a static in Chromium's SpellcheckHunspellDictionary, patched in by
// Electron); a dictionary's URL is that base's canonical spelling followed by
// its lower-cased file name, with nothing inserted between them. Without a
// base, Chromium asks Google's dictionary server. The reference keeps the
// base per app, its stand-in for the process.

import type { App } from '../app/app.ts';

export const DEFAULT_DOWNLOAD_BASE = 'https://redirector.gvt1.com/edgedl/chrome/dict/';

const bases = new WeakMap<App, string>();

export function setDownloadBase(app: App, canonical: string): void {
  bases.set(app, canonical);
}

export function dictionaryUrl(app: App, fileName: string): string {
  const base = bases.get(app);
  return base === undefined ? `${DEFAULT_DOWNLOAD_BASE}${fileName.toLowerCase()}` : `${base}${fileName.toLowerCase()}`;
}
