// The app's 'session-created' event, as the session module's members cause
// it: emitted synchronously inside the call that creates a Session, once per
// session, with the session as its only argument (no Event object). Getting
// an existing session again does not emit it.

import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.fromPartition', 'session.defaultSession'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: "app emits 'session-created' with (session) synchronously, once for each session the module creates.",
});

const t = useTarget(meta);

let counter = 0;
const freshName = (prefix = '') => `${prefix}created-${++counter}`;

/** Records every 'session-created' emission until the test ends. */
function record(): unknown[][] {
  const calls: unknown[][] = [];
  const listener = (...args: unknown[]) => {
    calls.push(args);
  };
  t.app.on('session-created', listener);
  cleanups.push(() => t.app.removeListener('session-created', listener));
  return calls;
}

const cleanups: Array<() => void> = [];

describe("app 'session-created'", () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('is emitted with exactly one argument, the session fromPartition returns', () => {
    const calls = record();
    const ses = t.session.fromPartition(freshName());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(1);
    expect(calls[0]![0]).toBe(ses);
  });

  it('is emitted synchronously, before fromPartition returns', () => {
    let returned = false;
    const seenBeforeReturn: boolean[] = [];
    const listener = () => {
      seenBeforeReturn.push(!returned);
    };
    t.app.on('session-created', listener);
    cleanups.push(() => t.app.removeListener('session-created', listener));
    t.session.fromPartition(freshName('persist:'));
    returned = true;
    expect(seenBeforeReturn).toEqual([true]);
  });

  it('gives listeners a session they can already use', () => {
    const agents: string[] = [];
    const listener = (ses: Session) => {
      agents.push(ses.getUserAgent());
    };
    t.app.on('session-created', listener);
    cleanups.push(() => t.app.removeListener('session-created', listener as (...args: unknown[]) => void));
    const ses = t.session.fromPartition(freshName());
    expect(agents).toEqual([ses.getUserAgent()]);
  });

  it('is not emitted again when an existing session is requested again', () => {
    const name = freshName();
    const ses = t.session.fromPartition(name);
    const calls = record();
    expect(t.session.fromPartition(name)).toBe(ses);
    expect(t.session.fromPartition(name, { cache: false })).toBe(ses);
    expect(calls).toEqual([]);
  });

  it('is emitted once per new session, in creation order', () => {
    const calls = record();
    const names = [freshName(), freshName('persist:'), freshName(), freshName('persist:')];
    const sessions = names.map((n) => t.session.fromPartition(n));
    names.forEach((n) => t.session.fromPartition(n));
    expect(calls).toHaveLength(4);
    calls.forEach((args, i) => expect(args[0]).toBe(sessions[i]));
  });

  it('is emitted for each of the persist: and in-memory sessions of one name', () => {
    const base = freshName();
    const calls = record();
    const memory = t.session.fromPartition(base);
    const persistent = t.session.fromPartition(`persist:${base}`);
    expect(calls).toHaveLength(2);
    expect(calls[0]![0]).toBe(memory);
    expect(calls[1]![0]).toBe(persistent);
  });

  it('is emitted for each of two partitions that differ only in case', () => {
    const base = freshName();
    const calls = record();
    t.session.fromPartition(`persist:${base.toUpperCase()}`);
    t.session.fromPartition(`persist:${base}`);
    expect(calls).toHaveLength(2);
    expect(calls[0]![0]).not.toBe(calls[1]![0]);
  });

  it('is not emitted when the default session already exists', () => {
    const def = t.session.defaultSession;
    const calls = record();
    expect(t.session.defaultSession).toBe(def);
    expect(t.session.fromPartition('')).toBe(def);
    expect(t.session.fromPartition('persist:')).toBe(def);
    expect(calls).toEqual([]);
  });

  it('is not emitted when fromPartition throws', () => {
    const calls = record();
    expect(() => t.session.fromPartition(42 as never)).toThrow(TypeError);
    expect(() => (t.session.fromPartition as () => unknown)()).toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it('reaches once-listeners only once', () => {
    const seen: unknown[] = [];
    t.app.once('session-created', (...args: unknown[]) => {
      seen.push(args[0]);
    });
    const first = t.session.fromPartition(freshName());
    t.session.fromPartition(freshName());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(first);
  });
});
