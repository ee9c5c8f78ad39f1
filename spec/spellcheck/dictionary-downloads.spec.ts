// The dictionary events: a session loading a language whose dictionary is
// not in the app's Dictionaries folder downloads it once, saves it under
// Chromium's versioned file name and tells of it in Chromium's order; a
// failed download is tried again only when the language list changes or the
// app starts again.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/servers/index.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  clearDictionaries,
  dictionariesDirectory,
  dictionaryFileName,
  freshSession,
  pointAt,
  recordDictionaryEvents,
  sessionOf,
  until,
  useDictionaryServer,
} from './spellcheck-support.ts';

export const meta = defineSpec({
  members: [
    "ses.on('spellcheck-dictionary-initialized')",
    "ses.on('spellcheck-dictionary-download-begin')",
    "ses.on('spellcheck-dictionary-download-success')",
    "ses.on('spellcheck-dictionary-download-failure')",
  ],
  eras: '>=e9',
  requires: ['network', 'restart'],
  level: 'must',
  basis: 'chromium',
  summary:
    'A missing dictionary is downloaded and saved with begin, success and initialized events; failures emit begin and failure, a corrupt dictionary also initialized; a failure is retried when the language list changes or the app restarts.',
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
const server = useDictionaryServer(t, meta);

const fileOf = (language: string) => dictionaryFileName(t.era, language);
const savedPath = (language: string) => path.join(dictionariesDirectory(t), fileOf(language));
const requestsFor = (language: string) => server.requests.filter((r) => r.path.endsWith(fileOf(language).toLowerCase())).length;
const of = (events: string[], language: string) => events.filter((e) => e.endsWith(`:${language}`));

/**
 * The saved dictionary is byte for byte the one the server sent. Compared by
 * digest: a deep equality over half a megabyte costs seconds of CPU.
 */
async function expectSavedAsServed(language: string): Promise<void> {
  const digest = (bytes: Uint8Array | null) => bytes && createHash('sha256').update(bytes).digest('hex');
  expect(digest(await readFile(savedPath(language)))).toBe(digest(await server.bdicFor(fileOf(language).toLowerCase())));
}

/** A fresh session loading `languages`, and the events it emits. */
function loading(label: string, languages: string[]): { ses: ReturnType<typeof freshSession>; events: string[] } {
  const ses = freshSession(t, label);
  const events = recordDictionaryEvents(ses);
  ses.setSpellCheckerLanguages(languages);
  return { ses, events };
}

describe('dictionary downloads', () => {
  it('downloads a missing dictionary: download-begin, download-success, then initialized, each with (event, language)', async () => {
    await clearDictionaries(t);
    const { events } = loading('download', ['en-US']);
    await until(() => events.includes('initialized:en-US'), 'initialized');
    expect(events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
    await expectSavedAsServed('en-US');
  });

  it('gives a session that finds the file on disk only initialized, and asks the server nothing', async () => {
    await clearDictionaries(t);
    const first = loading('first', ['en-US']);
    await until(() => first.events.includes('initialized:en-US'), 'the first download');
    const requests = server.requests.length;
    const second = loading('second', ['en-US']);
    await until(() => second.events.includes('initialized:en-US'), 'the second load');
    expect(second.events).toEqual(['initialized:en-US']);
    expect(server.requests.length).toBe(requests);
    expect(first.events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
  });

  it('loads each language of the list, each with its own events', async () => {
    await clearDictionaries(t);
    const { events } = loading('two', ['en-GB', 'en-US']);
    await until(() => events.includes('initialized:en-US') && events.includes('initialized:en-GB'), 'both dictionaries');
    for (const language of ['en-US', 'en-GB']) {
      expect(of(events, language)).toEqual([
        `download-begin:${language}`,
        `download-success:${language}`,
        `initialized:${language}`,
      ]);
      expect(existsSync(savedPath(language))).toBe(true);
    }
  });

  it('emits download-begin and download-failure, and no initialized, when the server answers 404', async () => {
    await clearDictionaries(t);
    server.answerNext(fileOf('en-US').toLowerCase(), { status: 404, body: 'gone' });
    const { events } = loading('not-found', ['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failure');
    // Something observable after it: another session loading another language.
    const witness = loading('not-found-witness', ['en-GB']);
    await until(() => witness.events.includes('initialized:en-GB'), 'the witness');
    expect(events).toEqual(['download-begin:en-US', 'download-failure:en-US']);
    expect(existsSync(savedPath('en-US'))).toBe(false);
  });

  it('emits download-begin and download-failure when nothing answers at the URL', async () => {
    await clearDictionaries(t);
    pointAt(t, `http://127.0.0.1:${await closedPort()}/`);
    const { events } = loading('refused', ['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failure');
    pointAt(t, server.url);
    expect(events).toEqual(['download-begin:en-US', 'download-failure:en-US']);
    expect(existsSync(savedPath('en-US'))).toBe(false);
  });

  it('treats a 200 answer without the BDic signature as a failed download and saves nothing', async () => {
    await clearDictionaries(t);
    server.answerNext(fileOf('en-US').toLowerCase(), { status: 200, body: '<html>captive portal</html>' });
    const { events } = loading('not-bdic', ['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failure');
    expect(events).toEqual(['download-begin:en-US', 'download-failure:en-US']);
    expect(existsSync(savedPath('en-US'))).toBe(false);
  });

  it('treats a dictionary failing its checksum as a failed download, then reports the language initialized without it', async () => {
    await clearDictionaries(t);
    const good = (await server.bdicFor(fileOf('en-US').toLowerCase()))!;
    const corrupt = Buffer.from(good);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 1) ^ 0xff, corrupt.length - 1);
    server.answerNext(fileOf('en-US').toLowerCase(), { status: 200, body: corrupt });
    const { events } = loading('corrupt', ['en-US']);
    await until(() => events.includes('initialized:en-US'), 'initialized');
    expect(events).toEqual(['download-begin:en-US', 'download-failure:en-US', 'initialized:en-US']);
    expect(existsSync(savedPath('en-US'))).toBe(false);
  });

  it('does not retry a failed download when the same list is set again, but does when the list changes', async () => {
    await clearDictionaries(t);
    server.answerNext(fileOf('en-US').toLowerCase(), { status: 503 });
    const { ses, events } = loading('retry', ['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failure');
    expect(requestsFor('en-US')).toBeGreaterThan(0);
    const requests = requestsFor('en-US');

    ses.setSpellCheckerLanguages(['en-US']);
    // Something observable after it: another session loading another language.
    const other = loading('retry-witness', ['en-GB']);
    await until(() => other.events.includes('initialized:en-GB'), 'the witness');
    expect(requestsFor('en-US')).toBe(requests);

    ses.setSpellCheckerLanguages([]);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the retried download');
    expect(requestsFor('en-US')).toBe(requests + 1);
    expect(events).toEqual([
      'download-begin:en-US',
      'download-failure:en-US',
      'download-begin:en-US',
      'download-success:en-US',
      'initialized:en-US',
    ]);
  });

  it('retries a failed download when the app starts again', async () => {
    await clearDictionaries(t);
    server.answerNext(fileOf('en-US').toLowerCase(), { status: 500 });
    const ses = sessionOf(t, 'persist:after-restart');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failure');
    const requests = requestsFor('en-US');
    await t.target.restart();
    pointAt(t, server.url);
    // The language list is kept, so the session starts loading as it opens:
    // listen for the last event only, which cannot come before the download.
    const again = sessionOf(t, 'persist:after-restart');
    let initialized = 0;
    again.on('spellcheck-dictionary-initialized', () => initialized++);
    await until(() => initialized > 0, 'the dictionary at the next start');
    expect(requestsFor('en-US')).toBe(requests + 1);
    await expectSavedAsServed('en-US');
  });

  it('deletes a corrupt dictionary file it finds and downloads the dictionary again', async () => {
    await clearDictionaries(t);
    await mkdir(dictionariesDirectory(t), { recursive: true });
    await writeFile(savedPath('en-US'), 'BDic but nothing a dictionary needs');
    const { events } = loading('corrupt-file', ['en-US']);
    await until(() => events.includes('initialized:en-US'), 'initialized');
    expect(events).toEqual(['download-begin:en-US', 'download-success:en-US', 'initialized:en-US']);
    await expectSavedAsServed('en-US');
  });

  it('emits nothing on other sessions', async () => {
    await clearDictionaries(t);
    const bystander = freshSession(t, 'bystander');
    const heard = recordDictionaryEvents(bystander);
    const { events } = loading('speaker', ['en-GB']);
    await until(() => events.includes('initialized:en-GB'), 'initialized');
    expect(heard).toEqual([]);
  });
});
