// ses.getUserAgent / ses.setUserAgent: Electron's default user agent, a
// per-session override that is never shared, and how sessions without an
// override relate to app.userAgentFallback (Electron 7+). Until Electron
// 17.4.9 / 21 a session copied the fallback when it was created; since then
// it reads the current fallback whenever it has no override of its own.

import { afterEach, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['ses.getUserAgent', 'ses.setUserAgent'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: "Default UA in Electron's format; setUserAgent overrides one session only and never app.userAgentFallback.",
});

const t = useTarget(meta);

const UA_FORMAT =
  /^Mozilla\/5\.0 \(.+\) AppleWebKit\/537\.36 \(KHTML, like Gecko\) .*Chrome\/[\d.]+ Electron\/[\d.]+ Safari\/537\.36$/;

let counter = 0;
/** A partition nobody has touched yet. */
const fresh = (prefix = '') => t.session.fromPartition(`${prefix}ua-${++counter}`);

const setUA = (ses: object, ...args: unknown[]) => (ses as { setUserAgent(...a: unknown[]): unknown }).setUserAgent(...args);

describe('ses.getUserAgent / ses.setUserAgent', () => {
  afterEach(() => {
    // Leave the app's fallback as it was for the next test (an empty string restores the default).
    if (t.era !== 'legacy') t.app.userAgentFallback = '';
  });

  it("returns a default user agent in Electron's format", () => {
    for (const ses of [t.session.defaultSession, fresh(), fresh('persist:')]) {
      const ua = ses.getUserAgent();
      expect(ua).toMatch(UA_FORMAT);
      expect(ua).toContain('Chrome/');
      expect(ua).toContain('Electron/');
    }
  });

  it('names the app and its version before Chrome/ unless the app is called Electron', () => {
    const name = t.app.getName().replaceAll(' ', '');
    const product = name === 'Electron' ? '' : `${name}/${t.app.getVersion()} `;
    expect(t.session.defaultSession.getUserAgent()).toContain(`(KHTML, like Gecko) ${product}Chrome/`);
  });

  it('gives every session the same default', () => {
    const expected = t.session.defaultSession.getUserAgent();
    expect(fresh().getUserAgent()).toBe(expected);
    expect(fresh('persist:').getUserAgent()).toBe(expected);
  });

  it('returns what setUserAgent set, and setUserAgent returns undefined', () => {
    const ses = fresh();
    expect(setUA(ses, 'test-agent/1.0')).toBeUndefined();
    expect(ses.getUserAgent()).toBe('test-agent/1.0');
    ses.setUserAgent('second value with spaces (and parens)');
    expect(ses.getUserAgent()).toBe('second value with spaces (and parens)');
  });

  it('changes only the session it is called on', () => {
    const a = fresh();
    const b = fresh();
    const persistent = fresh('persist:');
    const before = t.session.defaultSession.getUserAgent();
    a.setUserAgent('only-a');
    expect(a.getUserAgent()).toBe('only-a');
    expect(b.getUserAgent()).toBe(before);
    expect(persistent.getUserAgent()).toBe(before);
    expect(t.session.defaultSession.getUserAgent()).toBe(before);
    expect(fresh().getUserAgent()).toBe(before);
  });

  it('keeps the override of a session when fetched again by its partition', () => {
    const name = `ua-refetch-${++counter}`;
    t.session.fromPartition(name).setUserAgent('sticky');
    expect(t.session.fromPartition(name).getUserAgent()).toBe('sticky');
  });

  it("makes getUserAgent() return '' after setUserAgent('')", () => {
    const ses = fresh();
    ses.setUserAgent('');
    expect(ses.getUserAgent()).toBe('');
  });

  it('accepts the accept-languages argument and ignores it when it is not a string', () => {
    const ses = fresh();
    expect(() => setUA(ses, 'with-langs', 'en-US,fr,de')).not.toThrow();
    expect(ses.getUserAgent()).toBe('with-langs');
    for (const ignored of [42, {}, null, ['en-US']]) {
      expect(() => setUA(ses, 'ignored-langs', ignored)).not.toThrow();
    }
    expect(ses.getUserAgent()).toBe('ignored-langs');
  });

  it('rejects a non-string user agent with a TypeError for argument 0 and keeps the old value', () => {
    const ses = fresh();
    ses.setUserAgent('kept');
    for (const bad of [42, {}, null, undefined, true, ['ua']]) {
      expect(() => setUA(ses, bad)).toThrow(TypeError);
      expect(() => setUA(ses, bad)).toThrow(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(ses.getUserAgent()).toBe('kept');
  });

  it('reports a missing user agent as insufficient arguments', () => {
    const ses = fresh();
    expect(() => setUA(ses)).toThrow(TypeError);
    expect(() => setUA(ses)).toThrow(/^Insufficient number of arguments\.$/);
  });

  t.itInEras('legacy', "describes the bad value with V8's detail string (native_mate)", () => {
    const ses = fresh();
    expect(() => setUA(ses, 42)).toThrow(/^Error processing argument at index 0, conversion failure from 42$/);
  });

  t.itInEras('>=e12', 'describes a non-string value as gin does (string, undefined, null, or nothing)', () => {
    const ses = fresh();
    expect(() => setUA(ses, 42)).toThrow(/^Error processing argument at index 0, conversion failure from $/);
    expect(() => setUA(ses, {})).toThrow(/^Error processing argument at index 0, conversion failure from $/);
    expect(() => setUA(ses, null)).toThrow(/^Error processing argument at index 0, conversion failure from null$/);
    expect(() => setUA(ses, undefined)).toThrow(/^Error processing argument at index 0, conversion failure from undefined$/);
  });

  describe('and app.userAgentFallback', () => {
    t.itInEras('>=e9', 'is the default of every session without an override', () => {
      expect(t.session.defaultSession.getUserAgent()).toBe(t.app.userAgentFallback);
      expect(fresh().getUserAgent()).toBe(t.app.userAgentFallback);
      expect(t.app.userAgentFallback).toMatch(UA_FORMAT);
    });

    t.itInEras('>=e9', 'is not changed by setUserAgent', () => {
      const before = t.app.userAgentFallback;
      fresh().setUserAgent('session-only');
      fresh('persist:').setUserAgent('persistent-session-only');
      expect(t.app.userAgentFallback).toBe(before);
      expect(t.session.defaultSession.getUserAgent()).toBe(before);
    });

    t.itInEras('>=e9', 'gives a session created after the fallback changed the new fallback', () => {
      t.app.userAgentFallback = 'fallback/2.0';
      expect(t.app.userAgentFallback).toBe('fallback/2.0');
      expect(fresh().getUserAgent()).toBe('fallback/2.0');
      expect(fresh('persist:').getUserAgent()).toBe('fallback/2.0');
    });

    t.itInEras('>=e17', 'is followed by an existing session without an override when it changes later', () => {
      const ses = fresh();
      const before = ses.getUserAgent();
      t.app.userAgentFallback = 'later-fallback/3.0';
      expect(ses.getUserAgent()).toBe('later-fallback/3.0');
      t.app.userAgentFallback = '';
      expect(ses.getUserAgent()).toBe(before);
    });

    t.itInEras('e9..e12', 'is copied into a session when the session is created, so later changes do not reach it', () => {
      const ses = fresh();
      const before = ses.getUserAgent();
      t.app.userAgentFallback = 'later-fallback/3.0';
      expect(ses.getUserAgent()).toBe(before);
      expect(fresh().getUserAgent()).toBe('later-fallback/3.0');
    });

    t.itInEras('>=e9', 'does not replace the override of a session that has one', () => {
      const ses = fresh();
      ses.setUserAgent('my-own');
      t.app.userAgentFallback = 'fallback/4.0';
      expect(ses.getUserAgent()).toBe('my-own');
    });

    t.itInEras('>=e9', "restores the computed default when set to ''", () => {
      const initial = t.app.userAgentFallback;
      t.app.userAgentFallback = 'temporary/1.0';
      expect(t.app.userAgentFallback).toBe('temporary/1.0');
      t.app.userAgentFallback = '';
      expect(t.app.userAgentFallback).toBe(initial);
      expect(t.app.userAgentFallback).toMatch(UA_FORMAT);
      expect(fresh().getUserAgent()).toBe(initial);
    });
  });
});
