// contract/electron-tests.json records Electron's own tests in the areas the
// suite builds: each is covered by spec files of this suite, or recorded as
// needing a renderer (a page running DOM, media or script), or as depending
// on an app API outside the session module that targets are not launched
// with (notModelled, with why; none is left). Nothing is left unaccounted
// for, and a covering spec is a real spec file with tests.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { listSpecFiles } from '../../harness/runner/spec-files.ts';

interface ElectronTest {
  file: string;
  title: string;
  /** Spec files that cover it (all of it, or with needsRenderer, the part a renderer is not needed for). */
  covered?: string[];
  /** Titles of tests in those files that cover it, when worth pinning. */
  tests?: string[];
  /** Why the rest of it can only be observed with a renderer. */
  needsRenderer?: string;
  /** What it depends on outside the session module that the targets do not model. */
  notModelled?: string;
  note?: string;
}

const record = JSON.parse(readFileSync(path.join(REPO_ROOT, 'contract/electron-tests.json'), 'utf8')) as {
  electron: string;
  tests: ElectronTest[];
};
const specFiles = new Set(listSpecFiles().map((s) => s.file));
const sourceOf = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const ALLOWED = new Set(['file', 'title', 'covered', 'tests', 'needsRenderer', 'notModelled', 'note']);

describe('contract/electron-tests.json', () => {
  it('names each Electron test once, by its spec file and title', () => {
    expect(record.tests.length).toBeGreaterThan(0);
    const keys = record.tests.map((e) => `${e.file} :: ${e.title}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const entry of record.tests) {
      expect(entry.file, entry.title).toMatch(/^spec\/(?:api-[a-z-]+|spellchecker|extensions)-spec\.ts$/);
      expect(entry.title.trim(), entry.file).not.toBe('');
      expect(
        Object.keys(entry).filter((k) => !ALLOWED.has(k)),
        entry.title,
      ).toEqual([]);
    }
  });

  it('accounts for every entry: covered by specs, or recorded as needing a renderer or an unmodelled app API', () => {
    const open = record.tests.filter((e) => !(e.covered?.length || e.needsRenderer?.trim() || e.notModelled?.trim()));
    expect(open.map((e) => `${e.file} :: ${e.title}`)).toEqual([]);
  });

  it('leaves nothing unmodelled: what the tests need of the app before ready is a launch option (switches, privileged schemes)', () => {
    expect(record.tests.filter((e) => e.notModelled).map((e) => `${e.file} :: ${e.title}`)).toEqual([]);
  });

  it('points only at spec files that exist and hold tests', () => {
    const bad: string[] = [];
    for (const entry of record.tests) {
      for (const file of entry.covered ?? []) {
        if (!specFiles.has(file) || !existsSync(path.join(REPO_ROOT, file))) bad.push(`${entry.title}: ${file} is no spec file`);
        else if (!/\b(?:it|test|itInEras)\(/.test(sourceOf(file))) bad.push(`${entry.title}: ${file} has no test`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pins test titles that appear in the covering files', () => {
    const missing: string[] = [];
    for (const entry of record.tests) {
      for (const title of entry.tests ?? []) {
        if (!(entry.covered ?? []).some((file) => sourceOf(file).includes(title))) missing.push(`${entry.title}: '${title}'`);
      }
    }
    expect(missing).toEqual([]);
  });
});
