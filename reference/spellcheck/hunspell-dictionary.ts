// One language's dictionary in one session, following Chromium's
// SpellcheckHunspellDictionary: look for `<Dictionaries>/<versioned name>` and
// check it (BDict::Verify; a bad file is deleted); if there is none, download
// it once from the configured URL over the session's own network stack and
// save it. Observers hear, in Chromium's order:
//
//   file present and sound            initialized
//   downloaded and saved              download-begin, download-success, initialized
//   network error or non-2xx status   download-begin, download-failure   (no initialized)
//   body not starting with "BDic"     download-begin, download-failure   (no initialized)
//   body failing verification         download-begin, download-failure, initialized
//
// A failed download is not tried again by this object: Chromium retries when
// the language list changes (a new object) or at the next launch.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { verifyBdic } from './bdic-reader.ts';

export type DictionaryEvent = 'initialized' | 'download-begin' | 'download-success' | 'download-failure';

export interface DictionaryHost {
  /** `<sessionData>/Dictionaries` */
  readonly directory: string;
  fileName(language: string): string;
  url(fileName: string): string;
  /** GET over the session's network stack without credentials; rejects on a network error. */
  fetch(url: string): Promise<{ status: number; body: Uint8Array }>;
  notify(event: DictionaryEvent, language: string): void;
}

export class HunspellDictionary {
  readonly language: string;
  readonly #host: DictionaryHost;
  readonly #path: string;
  #mayDownload = true;
  #disposed = false;
  #data: Uint8Array | null = null;

  constructor(language: string, host: DictionaryHost) {
    this.language = language;
    this.#host = host;
    this.#path = path.join(host.directory, host.fileName(language));
  }

  /** The dictionary's bytes once a sound file is open; null before, or when there is none. */
  get data(): Uint8Array | null {
    return this.#data;
  }

  /** Stops every callback still pending: the language list changed. */
  dispose(): void {
    this.#disposed = true;
  }

  load(): void {
    void this.#load();
  }

  async #load(): Promise<void> {
    const data = await this.#open();
    if (this.#disposed) return;
    if (data) {
      this.#data = data;
    } else if (this.#mayDownload) {
      this.#mayDownload = false;
      await this.#download();
      return;
    }
    this.#notify('initialized');
  }

  async #open(): Promise<Uint8Array | null> {
    let data: Uint8Array;
    try {
      data = await fs.readFile(this.#path);
    } catch {
      return null;
    }
    if (verifyBdic(data)) return data;
    await fs.rm(this.#path, { force: true });
    return null;
  }

  async #download(): Promise<void> {
    this.#notify('download-begin');
    let response: { status: number; body: Uint8Array };
    try {
      response = await this.#host.fetch(this.#host.url(this.#host.fileName(this.language)));
    } catch {
      if (!this.#disposed) this.#notify('download-failure');
      return;
    }
    if (this.#disposed) return;
    const { status, body } = response;
    if (Math.trunc(status / 100) !== 2 || body.length < 4 || Buffer.from(body.subarray(0, 4)).toString('latin1') !== 'BDic') {
      this.#notify('download-failure');
      return;
    }
    if (!verifyBdic(body) || !(await this.#save(body))) {
      if (this.#disposed) return;
      this.#notify('download-failure');
      this.#notify('initialized');
      return;
    }
    if (this.#disposed) return;
    this.#notify('download-success');
    await this.#load();
  }

  async #save(body: Uint8Array): Promise<boolean> {
    try {
      await writeFileAtomic(this.#path, body);
      return true;
    } catch {
      await fs.rm(this.#path, { force: true });
      return false;
    }
  }

  #notify(event: DictionaryEvent): void {
    if (!this.#disposed) this.#host.notify(event, this.language);
  }
}
