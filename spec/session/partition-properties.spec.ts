// Properties of partition strings, checked over generated names (unicode,
// spaces, ':', control characters, upper case): one object per string,
// persistence exactly for the `persist:` prefix, and the on-disk directory
// name computed here independently of any implementation: ASCII lower-casing,
// then every UTF-8 byte outside Chromium's unescaped path set written as %XX.

import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.fromPartition'],
  eras: '*',
  requires: [],
  level: 'must',
  basis: 'electron',
  summary:
    'Over generated partition strings: identity per string, persistence iff persist:, lower-cased escaped directory names.',
});

const t = useTarget(meta);

const RUNS = { numRuns: 100, seed: 20250301 };
const PERSIST = 'persist:';

// Bytes base::EscapePath leaves alone; everything else becomes %XX.
const UNESCAPED = /^[A-Za-z0-9!$&'()*+,\-./;=@_~]$/;

function expectedDirectoryName(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && UNESCAPED.test(ch)) out += ch >= 'A' && ch <= 'Z' ? String.fromCharCode(byte + 0x20) : ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const isDefaultKey = (p: string) => p === '' || p === PERSIST;
const isPersistentKey = (p: string) => p === '' || p.startsWith(PERSIST);

// One unit of a name: hand-picked troublemakers, any code point, printable ASCII. No '/'.
const unit = fc
  .oneof(
    fc.constantFrom(
      'A',
      'Z',
      'a',
      'z',
      'P',
      'E',
      '0',
      ' ',
      ':',
      '%',
      '#',
      '?',
      '.',
      '-',
      '~',
      '\\',
      '\t',
      'é',
      'É',
      'ß',
      'İ',
      '日',
      '😀',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  )
  .filter((c) => c !== '/');
const name = fc.string({ unit, minLength: 0, maxLength: 16 });
const prefix = fc.constantFrom(PERSIST, PERSIST, '', 'Persist:', 'PERSIST:', 'persist', ' persist:', 'persist:persist:');
const partition = fc.tuple(prefix, name).map(([p, n]) => p + n);

describe('partition strings (generated)', () => {
  it('give the same object for the same string and different objects for different strings', () => {
    fc.assert(
      fc.property(fc.uniqueArray(partition, { minLength: 1, maxLength: 8 }), (partitions) => {
        const keys = partitions.filter((p) => !isDefaultKey(p));
        const sessions = keys.map((p) => t.session.fromPartition(p));
        keys.forEach((p, i) => expect(t.session.fromPartition(p), p).toBe(sessions[i]));
        expect(new Set(sessions).size).toBe(keys.length);
        for (const ses of sessions) expect(ses).not.toBe(t.session.defaultSession);
      }),
      RUNS,
    );
  });

  it("give the default session exactly for '' and 'persist:'", () => {
    fc.assert(
      fc.property(partition, (p) => {
        expect(t.session.fromPartition(p) === t.session.defaultSession, JSON.stringify(p)).toBe(isDefaultKey(p));
      }),
      RUNS,
    );
  });

  it('are case-sensitive keys', () => {
    fc.assert(
      fc.property(prefix, name, (pre, n) => {
        fc.pre(/[a-z]/.test(n));
        const upper = pre + n.toUpperCase();
        fc.pre(upper !== pre + n);
        expect(t.session.fromPartition(upper)).not.toBe(t.session.fromPartition(pre + n));
      }),
      RUNS,
    );
  });

  it('keep the persist: and in-memory sessions of one name apart', () => {
    fc.assert(
      fc.property(name, (n) => {
        fc.pre(n !== '' && !n.startsWith(PERSIST));
        expect(t.session.fromPartition(PERSIST + n)).not.toBe(t.session.fromPartition(n));
      }),
      RUNS,
    );
  });

  t.itInEras('>=e9', 'are persistent exactly when they start with persist: (or are empty)', () => {
    fc.assert(
      fc.property(partition, (p) => {
        expect(t.session.fromPartition(p).isPersistent(), JSON.stringify(p)).toBe(isPersistentKey(p));
      }),
      RUNS,
    );
  });

  t.itInEras('>=e12', 'have a storage path exactly when persistent: userData, or Partitions/<escaped lower-cased name>', () => {
    const partitions = path.join(t.target.userDataDir, 'Partitions');
    fc.assert(
      fc.property(partition, (p) => {
        const rest = p.startsWith(PERSIST) ? p.slice(PERSIST.length) : undefined;
        // '.' and '..' stay as they are, which path.join here would fold away; storage-path.spec covers them.
        fc.pre(rest !== '.' && rest !== '..');
        const expected = isDefaultKey(p)
          ? t.target.userDataDir
          : rest !== undefined
            ? `${partitions}${path.sep}${expectedDirectoryName(rest)}`
            : null;
        const ses = t.session.fromPartition(p);
        expect(ses.getStoragePath(), JSON.stringify(p)).toBe(expected);
        expect(ses.storagePath, JSON.stringify(p)).toBe(expected);
      }),
      RUNS,
    );
  });

  t.itInEras('>=e12', 'share one directory between names that differ only in ASCII case', () => {
    fc.assert(
      fc.property(name, (n) => {
        fc.pre(n !== '' && n !== '.' && n !== '..' && /[a-z]/.test(n));
        const lower = t.session.fromPartition(PERSIST + n.replace(/[A-Z]/g, (c) => c.toLowerCase()));
        const upper = t.session.fromPartition(PERSIST + n.replace(/[a-z]/g, (c) => c.toUpperCase()));
        expect(upper).not.toBe(lower);
        expect(upper.getStoragePath()).toBe(lower.getStoragePath());
      }),
      RUNS,
    );
  });

  t.itInEras('>=e12', 'lower-case only ASCII letters in the directory name', () => {
    const ses = t.session.fromPartition('persist:ÉTÉ İ Ω');
    expect(path.basename(ses.getStoragePath()!)).toBe('%C3%89t%C3%89%20%C4%B0%20%CE%A9');
    expect(expectedDirectoryName('ÉTÉ İ Ω')).toBe('%C3%89t%C3%89%20%C4%B0%20%CE%A9');
  });

  t.itInEras('>=e12', "keep '/' so a name with slashes nests directories", () => {
    const ses = t.session.fromPartition('persist:Org/Team A/x:y');
    expect(ses.getStoragePath()).toBe(path.join(t.target.userDataDir, 'Partitions', 'org', 'team%20a', 'x%3Ay'));
    expect(t.session.fromPartition('persist:org/team a/x:y')).not.toBe(ses);
  });
});
