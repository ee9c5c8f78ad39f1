// ses.setSpellCheckerEnabled / ses.isSpellCheckerEnabled / ses.spellCheckerEnabled:
// one preference of the session, true by default, set by the truthiness of
// any value, turned on by setting languages and off by setting none, and kept
// across a restart for persistent sessions. With it off, pages see nothing
// underlined.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  freshSession,
  pointAt,
  recordDictionaryEvents,
  sessionOf,
  thrown,
  until,
  useDictionaryServer,
} from './spellcheck-support.ts';

export const meta = defineSpec({
  members: ['ses.setSpellCheckerEnabled', 'ses.isSpellCheckerEnabled', 'ses.spellCheckerEnabled'],
  eras: '>=e12',
  requires: ['restart', 'spellcheck', 'network'],
  level: 'must',
  basis: 'electron',
  summary:
    'Spell checking is on by default, follows the truthiness of the value set, is switched by setting languages, persists with the session, and when off nothing is underlined.',
});

const t = useTarget(meta, { switches: { lang: 'en-US' } });
const server = useDictionaryServer(t, meta);

describe('ses.setSpellCheckerEnabled', () => {
  it('is on for a new session, persistent or in-memory', () => {
    expect(freshSession(t, 'default').isSpellCheckerEnabled()).toBe(true);
    expect(freshSession(t, 'default-memory', false).spellCheckerEnabled).toBe(true);
  });

  it('sets the value by truthiness, and the method and the property agree', () => {
    const ses = freshSession(t, 'truthy');
    const cases: Array<[unknown, boolean]> = [
      [false, false],
      [1, true],
      ['', false],
      ['no', true],
      [null, false],
      [{}, true],
      [0, false],
      [[], true],
      [undefined, false],
    ];
    for (const [value, expected] of cases) {
      ses.setSpellCheckerEnabled(value);
      expect(ses.isSpellCheckerEnabled()).toBe(expected);
      expect(ses.spellCheckerEnabled).toBe(expected);
    }
  });

  it('is also set through the spellCheckerEnabled property, by truthiness', () => {
    const ses = freshSession(t, 'property');
    ses.spellCheckerEnabled = 0;
    expect(ses.isSpellCheckerEnabled()).toBe(false);
    ses.spellCheckerEnabled = 'yes';
    expect(ses.isSpellCheckerEnabled()).toBe(true);
  });

  it('throws a TypeError when called without an argument', () => {
    const error = thrown(() => freshSession(t, 'missing').setSpellCheckerEnabled());
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Insufficient number of arguments.');
  });

  it('is turned off by setting no languages and on again by setting some', () => {
    const ses = freshSession(t, 'languages');
    ses.setSpellCheckerLanguages([]);
    expect(ses.isSpellCheckerEnabled()).toBe(false);
    ses.setSpellCheckerLanguages(['en-US']);
    expect(ses.isSpellCheckerEnabled()).toBe(true);
    ses.setSpellCheckerEnabled(false);
    ses.setSpellCheckerLanguages(['en-US']);
    expect(ses.isSpellCheckerEnabled()).toBe(true);
  });

  it('is per session', () => {
    const a = freshSession(t, 'a');
    const b = freshSession(t, 'b');
    a.setSpellCheckerEnabled(false);
    expect(b.isSpellCheckerEnabled()).toBe(true);
  });

  it('is kept across a restart by persistent sessions only', async () => {
    sessionOf(t, 'persist:off').setSpellCheckerEnabled(false);
    sessionOf(t, 'memory-off').setSpellCheckerEnabled(false);
    await t.target.restart();
    pointAt(t, server.url);
    expect(sessionOf(t, 'persist:off').isSpellCheckerEnabled()).toBe(false);
    expect(sessionOf(t, 'memory-off').isSpellCheckerEnabled()).toBe(true);
  });

  it('when off, a page sees no misspelling underlined; on again, it does', async () => {
    const ses = freshSession(t, 'check');
    const events = recordDictionaryEvents(ses);
    ses.setSpellCheckerLanguages(['en-US']);
    await until(() => events.includes('initialized:en-US'), 'the dictionary');
    const check = () => t.driver.spellcheck.check({ session: ses, text: 'a typograpy mistake' });
    expect(await check()).toEqual(['typograpy']);
    ses.setSpellCheckerEnabled(false);
    expect(await check()).toEqual([]);
    ses.spellCheckerEnabled = true;
    expect(await check()).toEqual(['typograpy']);
  });
});
