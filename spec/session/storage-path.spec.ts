// ses.getStoragePath() / ses.storagePath: null for in-memory sessions, the
// userData (sessionData) directory for the default session, and
// `<userData>/Partitions/<name>` for persist: partitions, where the name is
// lower-cased (ASCII only) and percent-escaped byte by byte. The name is
// appended as is (base::FilePath::Append), never normalised.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['ses.getStoragePath', 'ses.storagePath'],
  eras: '>=e12',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'Storage path is null in memory, userData for the default session, and Partitions/<lower-cased escaped name> for persist: partitions.',
});

const t = useTarget(meta);

const partitionsDir = () => path.join(t.target.userDataDir, 'Partitions');

async function listPartitions(): Promise<string[]> {
  try {
    return (await readdir(partitionsDir())).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

describe('ses.getStoragePath / ses.storagePath', () => {
  it('is null for in-memory partitions', () => {
    for (const name of ['in-memory', 'Persist:x', 'persist', 'has space']) {
      const ses = t.session.fromPartition(name);
      expect(ses.getStoragePath(), name).toBeNull();
      expect(ses.storagePath, name).toBeNull();
    }
  });

  it('is the userData directory for the default session', () => {
    expect(t.session.defaultSession.getStoragePath()).toBe(t.target.userDataDir);
    expect(t.session.defaultSession.storagePath).toBe(t.target.userDataDir);
    expect(t.session.fromPartition('persist:').getStoragePath()).toBe(t.target.userDataDir);
  });

  it('is <userData>/Partitions/<name> for a plain persist: name', () => {
    const ses = t.session.fromPartition('persist:plain');
    expect(ses.getStoragePath()).toBe(path.join(t.target.userDataDir, 'Partitions', 'plain'));
    expect(ses.storagePath).toBe(path.join(t.target.userDataDir, 'Partitions', 'plain'));
  });

  it('lower-cases ASCII letters and percent-escapes the directory name', () => {
    const cases: Array<[string, string]> = [
      ['persist:My App', 'my%20app'],
      ['persist:a:b', 'a%3Ab'],
      ['persist:é', '%C3%A9'],
      ['persist:É', '%C3%89'],
      ['persist:100%', '100%25'],
      ['persist:Q?#', 'q%3F%23'],
      ['persist:<x>[y]{z}', '%3Cx%3E%5By%5D%7Bz%7D'],
      ['persist:"`^|\\', '%22%60%5E%7C%5C'],
      ["persist:Keep!$&'()*+,-.;=@_~", "keep!$&'()*+,-.;=@_~"],
      ['persist:日', '%E6%97%A5'],
      ['persist:😀', '%F0%9F%98%80'],
      ['persist:tab\there', 'tab%09here'],
      ['persist:del\u007f', 'del%7F'],
    ];
    for (const [partition, dir] of cases) {
      const expected = path.join(t.target.userDataDir, 'Partitions', dir);
      const ses = t.session.fromPartition(partition);
      expect(ses.getStoragePath(), partition).toBe(expected);
      expect(ses.storagePath, partition).toBe(expected);
    }
  });

  it('gives partitions that differ only in case different sessions that share one directory', () => {
    const upper = t.session.fromPartition('persist:Foo');
    const lower = t.session.fromPartition('persist:foo');
    expect(upper).not.toBe(lower);
    expect(upper.getStoragePath()).toBe(path.join(t.target.userDataDir, 'Partitions', 'foo'));
    expect(lower.getStoragePath()).toBe(upper.getStoragePath());
  });

  it("keeps '/' unescaped, so a name with slashes is a nested directory", () => {
    const ses = t.session.fromPartition('persist:Team/Alice');
    expect(ses.getStoragePath()).toBe(path.join(t.target.userDataDir, 'Partitions', 'team', 'alice'));
  });

  it('appends the escaped name without normalising dot segments or repeated slashes', () => {
    const base = path.join(t.target.userDataDir, 'Partitions');
    const cases: Array<[string, string]> = [
      ['persist:..', `${base}/..`],
      ['persist:.', `${base}/.`],
      ['persist:./x', `${base}/./x`],
      ['persist:a//b', `${base}/a//b`],
      ['persist:a/../b', `${base}/a/../b`],
    ];
    for (const [partition, expected] of cases) {
      expect(t.session.fromPartition(partition).getStoragePath(), partition).toBe(expected);
    }
    expect(t.session.fromPartition('persist:..')).not.toBe(t.session.defaultSession);
  });

  it('creates the directory of a persist: partition when the session is created', async () => {
    const ses = t.session.fromPartition('persist:Created On Open');
    const dir = path.join(partitionsDir(), 'created%20on%20open');
    expect(ses.getStoragePath()).toBe(dir);
    expect(await isDirectory(dir)).toBe(true);
    expect(await listPartitions()).toContain('created%20on%20open');
  });

  it('creates nothing on disk for in-memory partitions', async () => {
    t.session.fromPartition('persist:make-partitions-dir-exist');
    const before = await listPartitions();
    expect(before).toContain('make-partitions-dir-exist');
    for (const name of ['memory-a', 'Memory B', 'memory:c', 'persist-not']) t.session.fromPartition(name);
    expect(await listPartitions()).toEqual(before);
  });

  it('has the property and the method agree for every kind of session', () => {
    for (const name of ['', 'persist:', 'mem', 'persist:Agree', 'persist:a b/c']) {
      const ses = t.session.fromPartition(name);
      expect(ses.storagePath, name).toBe(ses.getStoragePath());
    }
  });

  it('returns the same path on every call', () => {
    const ses = t.session.fromPartition('persist:Stable');
    const first = ses.getStoragePath();
    expect(ses.getStoragePath()).toBe(first);
    expect(t.session.fromPartition('persist:Stable').storagePath).toBe(first);
  });

  it('gives different persist: names different directories', () => {
    const one = t.session.fromPartition('persist:one').getStoragePath();
    const two = t.session.fromPartition('persist:two').getStoragePath();
    expect(one).not.toBe(two);
    expect(one).not.toBe(t.session.defaultSession.getStoragePath());
  });

  it('has a read-only storagePath property: assignment throws a TypeError and changes nothing', () => {
    const ses = t.session.fromPartition('persist:read-only');
    const before = ses.storagePath;
    expect(() => {
      (ses as { storagePath: unknown }).storagePath = '/elsewhere';
    }).toThrow(TypeError);
    expect(ses.storagePath).toBe(before);
    expect(ses.getStoragePath()).toBe(before);
    const memory = t.session.fromPartition('read-only-memory');
    expect(() => {
      (memory as { storagePath: unknown }).storagePath = '/elsewhere';
    }).toThrow(TypeError);
    expect(memory.storagePath).toBeNull();
  });

  t.itInEras('current', "is under app.getPath('sessionData') for persist: partitions", () => {
    const ses = t.session.fromPartition('persist:Session Data');
    expect(ses.getStoragePath()).toBe(path.join(t.app.getPath('sessionData'), 'Partitions', 'session%20data'));
  });

  t.itInEras('current', 'is exactly the given path for fromPath sessions', async () => {
    const dir = await t.tempDir();
    expect(t.session.fromPath!(dir).getStoragePath()).toBe(dir);
    expect(t.session.fromPath!(`${dir}/`).storagePath).toBe(`${dir}/`);
  });
});
