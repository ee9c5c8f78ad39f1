// ses.setPreloads / ses.getPreloads: a per-session list of preload script
// paths, stored and returned exactly as given (relative entries included:
// Electron only skips them when a page would load them), copied in and out.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['ses.setPreloads', 'ses.getPreloads'],
  eras: '>=e9',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary: 'Preload lists round-trip exactly (relative paths too), per session, as copies; [] resets; non-arrays are TypeErrors.',
});

const t = useTarget(meta);

let counter = 0;
const fresh = (prefix = '') => t.session.fromPartition(`${prefix}preloads-${++counter}`);
const setPreloads = (ses: object, ...args: unknown[]) => (ses as { setPreloads(...a: unknown[]): unknown }).setPreloads(...args);

describe('ses.setPreloads / ses.getPreloads', () => {
  it('is an empty array before anything is set', () => {
    for (const ses of [fresh(), fresh('persist:')]) {
      expect(ses.getPreloads()).toEqual([]);
      expect(Array.isArray(ses.getPreloads())).toBe(true);
    }
  });

  it('returns the paths that were set, in order, including relative ones', () => {
    const ses = fresh();
    const preloads = ['/abs/first.js', '/abs/second.js', 'relative/third.js'];
    expect(setPreloads(ses, preloads)).toBeUndefined();
    expect(ses.getPreloads()).toEqual(['/abs/first.js', '/abs/second.js', 'relative/third.js']);
  });

  it('keeps paths exactly as given (no normalisation or de-duplication)', () => {
    const ses = fresh();
    const preloads = ['/a/./b/../c.js', '/a/./b/../c.js', './x.js', '/with space/ü.js'];
    ses.setPreloads(preloads);
    expect(ses.getPreloads()).toEqual(preloads);
  });

  it('replaces the whole list on each call', () => {
    const ses = fresh();
    ses.setPreloads(['/one.js', '/two.js']);
    ses.setPreloads(['/three.js']);
    expect(ses.getPreloads()).toEqual(['/three.js']);
  });

  it('resets to an empty list with setPreloads([])', () => {
    const ses = fresh();
    ses.setPreloads(['/one.js']);
    ses.setPreloads([]);
    expect(ses.getPreloads()).toEqual([]);
  });

  it('returns a copy: mutating the returned array does not change the session', () => {
    const ses = fresh();
    ses.setPreloads(['/kept.js']);
    const got = ses.getPreloads();
    got.push('/added.js');
    got[0] = '/changed.js';
    expect(ses.getPreloads()).toEqual(['/kept.js']);
    expect(ses.getPreloads()).not.toBe(ses.getPreloads());
  });

  it('copies the array it is given: later changes to it do not reach the session', () => {
    const ses = fresh();
    const input = ['/original.js'];
    ses.setPreloads(input);
    input.push('/later.js');
    input[0] = '/mutated.js';
    expect(ses.getPreloads()).toEqual(['/original.js']);
  });

  it('is per session', () => {
    const a = fresh();
    const b = fresh();
    const persistent = fresh('persist:');
    a.setPreloads(['/only-a.js']);
    expect(b.getPreloads()).toEqual([]);
    expect(persistent.getPreloads()).toEqual([]);
    persistent.setPreloads(['/only-persistent.js']);
    expect(a.getPreloads()).toEqual(['/only-a.js']);
    expect(b.getPreloads()).toEqual([]);
  });

  it('keeps the list of a session when it is fetched again by its partition', () => {
    const name = `preloads-refetch-${++counter}`;
    t.session.fromPartition(name).setPreloads(['/sticky.js']);
    expect(t.session.fromPartition(name).getPreloads()).toEqual(['/sticky.js']);
  });

  it('works on the default session', () => {
    const ses = t.session.defaultSession;
    ses.setPreloads(['/default.js']);
    try {
      expect(t.session.defaultSession.getPreloads()).toEqual(['/default.js']);
      expect(fresh().getPreloads()).toEqual([]);
    } finally {
      ses.setPreloads([]);
    }
    expect(ses.getPreloads()).toEqual([]);
  });

  it('rejects anything but an array with a TypeError', () => {
    const ses = fresh();
    for (const bad of ['/not-an-array.js', 42, {}, null, undefined, true]) {
      expect(() => setPreloads(ses, bad)).toThrow(TypeError);
    }
    expect(() => setPreloads(ses)).toThrow(TypeError);
  });

  // Native argument conversion fails before anything changes. (Electron 35+
  // reimplemented setPreloads in JS: it unregisters the old scripts before
  // `.map` throws, so this no longer holds there; the current era's document
  // predates that.)
  t.itInEras('e9..e17', 'keeps the old list when it rejects the argument', () => {
    const ses = fresh();
    ses.setPreloads(['/kept.js']);
    for (const bad of ['/not-an-array.js', 42, {}, null]) {
      expect(() => setPreloads(ses, bad)).toThrow(TypeError);
    }
    expect(ses.getPreloads()).toEqual(['/kept.js']);
  });

  // A std::vector conversion reads every index in order and fails at the
  // first hole, so an array with a huge length fails at once. (Electron 35+
  // maps the array in JS, which skips holes: the current era is left out.)
  t.itInEras('e9..e17', 'rejects an array with holes, however long, and keeps the old list', () => {
    const ses = fresh();
    ses.setPreloads(['/kept.js']);
    const huge: string[] = ['/a.js'];
    huge.length = 2 ** 32 - 1;
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    for (const bad of [[, '/a.js'], ['/a.js', , '/b.js'], huge]) {
      expect(() => setPreloads(ses, bad)).toThrow(TypeError);
    }
    expect(ses.getPreloads()).toEqual(['/kept.js']);
  });
});
