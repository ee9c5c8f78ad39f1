// ses.setSpellCheckerDictionaryDownloadURL: one base URL for the whole app;
// a dictionary is fetched from that URL's canonical spelling followed by the
// lower-cased file name Chromium gives the language, nothing in between.

import { closedPort } from '../../fixtures/servers/index.ts';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  clearDictionaries,
  dictionaryFileName,
  freshSession,
  pointAt,
  recordDictionaryEvents,
  thrown,
  until,
  useDictionaryServer,
} from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.setSpellCheckerDictionaryDownloadURL'],
  eras: '>=e9',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'Dictionaries are fetched from the URL set, for every session of the app, as the URL followed by the lower-cased dictionary file name; an invalid URL throws.',
});

const t = useTarget(meta, { switches: { lang: 'ja' } });
const server = useDictionaryServer(t, meta);

function requestedPaths(): string[] {
  return server.requests.map((r) => r.path);
}

describe('ses.setSpellCheckerDictionaryDownloadURL', () => {
  it('appends the lower-cased file name of the language to the URL', async () => {
    await clearDictionaries(t);
    pointAt(t, `${server.url}dicts/`);
    const ses = freshSession(t, 'path');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the dictionary');
    expect(requestedPaths().at(-1)).toBe(`/dicts/${dictionaryFileName(t.era, 'en-US').toLowerCase()}`);
  });

  it('inserts no slash between the URL and the file name', async () => {
    await clearDictionaries(t);
    pointAt(t, `${server.url}dicts`);
    const ses = freshSession(t, 'no-slash');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-GB']);
    await until(() => events.includes('initialized:en-GB'), 'the dictionary');
    expect(requestedPaths().at(-1)).toBe(`/dicts${dictionaryFileName(t.era, 'en-GB').toLowerCase()}`);
  });

  it('uses the canonical form of the URL (an origin gets its slash)', async () => {
    await clearDictionaries(t);
    pointAt(t, server.url.replace(/\/$/, ''));
    const ses = freshSession(t, 'canonical');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the dictionary');
    expect(requestedPaths().at(-1)).toBe(`/${dictionaryFileName(t.era, 'en-US').toLowerCase()}`);
  });

  it('is one setting for the app: the URL set through one session serves every session', async () => {
    await clearDictionaries(t);
    const port = await closedPort();
    freshSession(t, 'setter', false).setSpellCheckerDictionaryDownloadURL(`http://127.0.0.1:${port}/`);
    const ses = freshSession(t, 'user');
    const events = recordDictionaryEvents(ses);
    const before = server.requests.length;
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('download-failure:en-US'), 'the failed download');
    expect(server.requests.length).toBe(before);
    pointAt(t, server.url);
  });

  it('throws an Error for a string that is not a valid URL and keeps the URL it had', async () => {
    const ses = freshSession(t, 'invalid', false);
    for (const bad of ['i-am-not-a-valid-url', '', 'http://', '//no-scheme.test/']) {
      const error = thrown(() => ses.setSpellCheckerDictionaryDownloadURL(bad));
      expect(error?.constructor).toBe(Error);
      expect(error?.message).toBe('The URL you provided to setSpellCheckerDictionaryDownloadURL is not a valid URL');
    }
    await clearDictionaries(t);
    const user = freshSession(t, 'after-invalid');
    const events = recordDictionaryEvents(user);
    user.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the dictionary');
    expect(requestedPaths().at(-1)).toBe(`/${dictionaryFileName(t.era, 'en-US').toLowerCase()}`);
  });

  it('throws a TypeError for a value that is not a string', () => {
    const ses = freshSession(t, 'types', false);
    for (const bad of [42, null, undefined, {}, ['http://a.test/']]) {
      const error = thrown(() => ses.setSpellCheckerDictionaryDownloadURL(bad));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
    }
    const missing = thrown(() => ses.setSpellCheckerDictionaryDownloadURL());
    expect(missing).toBeInstanceOf(TypeError);
    expect(missing!.message).toBe('Insufficient number of arguments.');
  });
});
