// session.fromPath: one Session per absolute path string (unnormalised),
// a key space separate from partitions, always persistent, stored exactly
// at the given path; argument conversion first, then the path checks.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import type { SessionModule } from '../../harness/api/target.ts';

export const meta = defineSpec({
  members: ['session.fromPath'],
  eras: 'current',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'Returns one persistent Session per absolute path, separate from partitions, stored at exactly that path; rejects empty, relative and non-string paths.',
});

const t = useTarget(meta);

const fromPath = (...args: unknown[]) =>
  (t.session.fromPath as (...a: unknown[]) => ReturnType<NonNullable<SessionModule['fromPath']>>)(...args);

describe('session.fromPath', () => {
  it('returns the same object for the same path', async () => {
    const dir = await t.tempDir();
    const ses = fromPath(dir);
    expect(ses).toBeTypeOf('object');
    expect(fromPath(dir)).toBe(ses);
  });

  it('returns different objects for different paths', async () => {
    const a = await t.tempDir();
    const b = await t.tempDir();
    expect(fromPath(a)).not.toBe(fromPath(b));
    expect(fromPath(path.join(a, 'child'))).not.toBe(fromPath(a));
  });

  it('keys sessions by the path string as given: a trailing slash or a dot segment gives another session', async () => {
    const dir = await t.tempDir();
    const plain = fromPath(dir);
    const slashed = fromPath(`${dir}/`);
    const dotted = fromPath(`${dir}/.`);
    expect(slashed).not.toBe(plain);
    expect(dotted).not.toBe(plain);
    expect(dotted).not.toBe(slashed);
    expect(fromPath(`${dir}/`)).toBe(slashed);
  });

  it('reports exactly the given path as its storage path', async () => {
    const dir = await t.tempDir();
    for (const p of [dir, `${dir}/`, `${dir}/./nested`, path.join(dir, 'does-not-exist-yet')]) {
      const ses = fromPath(p);
      expect(ses.storagePath, p).toBe(p);
      expect(ses.getStoragePath(), p).toBe(p);
    }
  });

  it('is persistent', async () => {
    const dir = await t.tempDir();
    expect(fromPath(dir).isPersistent()).toBe(true);
  });

  it('is a different session from the partition that uses the same directory', async () => {
    const partition = t.session.fromPartition('persist:from-path-twin');
    const dir = partition.getStoragePath();
    expect(dir).toBeTypeOf('string');
    const byPath = fromPath(dir!);
    expect(byPath).not.toBe(partition);
    expect(byPath.getStoragePath()).toBe(dir);
  });

  it('is not the default session, even for the sessionData and userData directories', () => {
    const sessionData = t.app.getPath('sessionData');
    const userData = t.app.getPath('userData');
    expect(t.session.defaultSession.getStoragePath()).toBe(sessionData);
    expect(fromPath(sessionData)).not.toBe(t.session.defaultSession);
    expect(fromPath(userData)).not.toBe(t.session.defaultSession);
    expect(fromPath(sessionData).getStoragePath()).toBe(sessionData);
  });

  it('is not affected by fromPartition with a string that looks like the path', async () => {
    const dir = await t.tempDir();
    const byPath = fromPath(dir);
    expect(t.session.fromPartition(dir)).not.toBe(byPath);
    expect(t.session.fromPartition(`persist:${dir}`)).not.toBe(byPath);
  });

  it('ignores options that are not objects, and options of an existing session', async () => {
    const dir = await t.tempDir();
    expect(() => fromPath(dir, 42)).not.toThrow();
    expect(() => fromPath(path.join(dir, 'x'), 'cache')).not.toThrow();
    const other = await t.tempDir();
    const first = fromPath(other, { cache: false });
    expect(fromPath(other, { cache: true })).toBe(first);
  });

  it("emits the app's session-created once per new path, with the session", async () => {
    const dir = await t.tempDir();
    const seen: unknown[][] = [];
    const listener = (...args: unknown[]) => seen.push(args);
    t.app.on('session-created', listener);
    try {
      const ses = fromPath(dir);
      expect(seen).toEqual([[ses]]);
      expect(seen[0]![0]).toBe(ses);
      fromPath(dir);
      expect(seen).toHaveLength(1);
    } finally {
      t.app.removeListener('session-created', listener);
    }
  });

  // Electron opens a profile without creating its directory first: a path
  // the file system refuses still gives a session, whose stores then work in
  // memory only.
  it('returns a working session for a path the file system refuses (too long, under a file)', async () => {
    const dir = await t.tempDir();
    await writeFile(path.join(dir, 'a-file'), 'not a directory');
    for (const refused of [path.join(dir, 'a-file', 'sub'), path.join(dir, 'n'.repeat(300))]) {
      const ses = fromPath(refused);
      await t.invoke(ses.cookies, 'cookies.set', { url: 'https://refused.example/', name: 'kept', value: 'in-memory' });
      const cookies = (await t.invoke(ses.cookies, 'cookies.get', { name: 'kept' })) as { value: string }[];
      expect(
        cookies.map((c) => c.value),
        refused,
      ).toEqual(['in-memory']);
    }
  });

  describe('errors', () => {
    it("rejects the empty path and null with TypeError 'An empty path was specified'", () => {
      for (const empty of ['', null]) {
        expect(() => fromPath(empty)).toThrow(TypeError);
        expect(() => fromPath(empty)).toThrow(/^An empty path was specified$/);
      }
    });

    it("rejects a relative path with TypeError 'An absolute path was not provided'", () => {
      for (const relative of ['relative', 'relative/dir', './here', '../up', '~/home-is-not-expanded']) {
        expect(() => fromPath(relative), relative).toThrow(TypeError);
        expect(() => fromPath(relative), relative).toThrow(/^An absolute path was not provided$/);
      }
    });

    it('rejects a non-string path with a conversion failure at index 0', () => {
      for (const bad of [1, {}, [], true, () => '/tmp']) {
        expect(() => fromPath(bad)).toThrow(TypeError);
        expect(() => fromPath(bad)).toThrow(/^Error processing argument at index 0, conversion failure from $/);
      }
      expect(() => fromPath(undefined)).toThrow(/^Error processing argument at index 0, conversion failure from undefined$/);
    });

    it('rejects a path containing a control character with a conversion failure naming the string', async () => {
      const dir = await t.tempDir();
      for (const bad of [`${dir}/a\nb`, `${dir}/\u0001`, `${dir}\u001f`, `${dir}/tab\there`]) {
        expect(() => fromPath(bad)).toThrow(TypeError);
        expect(() => fromPath(bad)).toThrow(`Error processing argument at index 0, conversion failure from ${bad}`);
      }
    });

    it('checks the conversion before the path: a relative path with a control character is a conversion failure', () => {
      expect(() => fromPath('rel\u0007')).toThrow('Error processing argument at index 0, conversion failure from rel\u0007');
    });

    it('reports a missing argument as insufficient arguments', () => {
      expect(() => fromPath()).toThrow(TypeError);
      expect(() => fromPath()).toThrow(/^Insufficient number of arguments\.$/);
    });

    it('creates no session when it throws', () => {
      const seen: unknown[] = [];
      const listener = (ses: unknown) => seen.push(ses);
      t.app.on('session-created', listener);
      try {
        for (const bad of ['', null, 'relative', 1, '/a\u0000b']) {
          expect(() => fromPath(bad)).toThrow(TypeError);
        }
        expect(seen).toEqual([]);
      } finally {
        t.app.removeListener('session-created', listener);
      }
    });
  });
});
