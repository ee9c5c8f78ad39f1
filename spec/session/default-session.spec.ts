// session.defaultSession: one object, the same as the empty partition,
// persistent, stored directly in the app's session data directory.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.defaultSession'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    "The default session is one persistent object, equal to fromPartition(''), whose data lives in userData (sessionData).",
});

const t = useTarget(meta);

describe('session.defaultSession', () => {
  it('returns the same object on every access', () => {
    const first = t.session.defaultSession;
    expect(first).toBeTypeOf('object');
    expect(first).not.toBeNull();
    expect(t.session.defaultSession).toBe(first);
    expect(t.session.defaultSession).toBe(t.session.defaultSession);
  });

  it("is the session of the empty partition and of 'persist:'", () => {
    expect(t.session.fromPartition('')).toBe(t.session.defaultSession);
    expect(t.session.fromPartition('persist:')).toBe(t.session.defaultSession);
  });

  it('is not the session of any named partition', () => {
    const ses = t.session.defaultSession;
    for (const name of ['default', 'persist:default', ' ', 'persist: ', 'Persist:', 'persist']) {
      expect(t.session.fromPartition(name), name).not.toBe(ses);
    }
  });

  it('is a session object with the session methods of the era', () => {
    const ses = t.session.defaultSession;
    expect(ses.getUserAgent).toBeTypeOf('function');
    expect(ses.setUserAgent).toBeTypeOf('function');
    expect(ses.flushStorageData).toBeTypeOf('function');
    expect(ses.on).toBeTypeOf('function');
  });

  it('cannot be replaced by assignment (strict mode throws a TypeError)', () => {
    const before = t.session.defaultSession;
    const other = t.session.fromPartition('not-the-default');
    expect(() => {
      (t.session as { defaultSession: unknown }).defaultSession = other;
    }).toThrow(TypeError);
    expect(t.session.defaultSession).toBe(before);
  });

  t.itInEras('>=e9', 'is persistent', () => {
    expect(t.session.defaultSession.isPersistent()).toBe(true);
  });

  t.itInEras('>=e12', 'stores its data directly in the userData directory', () => {
    const ses = t.session.defaultSession;
    expect(ses.getStoragePath()).toBe(t.target.userDataDir);
    expect(ses.storagePath).toBe(t.target.userDataDir);
    expect(t.app.getPath('userData')).toBe(t.target.userDataDir);
  });

  t.itInEras('current', "stores its data in app.getPath('sessionData'), which follows userData by default", () => {
    const sessionData = t.app.getPath('sessionData');
    expect(sessionData).toBe(t.app.getPath('userData'));
    expect(t.session.defaultSession.getStoragePath()).toBe(sessionData);
    expect(t.session.defaultSession.storagePath).toBe(sessionData);
  });
});
