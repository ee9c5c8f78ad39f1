// --grep and --shard choose spec files before the run: the static title
// index, what it declines to judge, and shards that cover every file once.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayMatchGrep, namePattern, staticTitles } from '../../harness/runner/grep-index.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { shardFiles } from '../../harness/runner/shard.ts';
import { globToRegExp } from '../../harness/runner/suite-projects.ts';
import { listSpecFiles } from '../../harness/runner/spec-files.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'grep-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, source: string): string {
  const full = path.join(dir, name);
  writeFileSync(full, source);
  return full;
}

const HEADER = "import { describe, it } from 'vitest';\n";

describe('the static title index', () => {
  it('reads groups and tests, itInEras included', () => {
    const f = file(
      'a.spec.ts',
      `${HEADER}describe('group', () => { it('one', () => {}); t.itInEras('>=e12', 'two', () => {}); });\nit('top', () => {});\n`,
    );
    expect(staticTitles(f, readFileSync(f, 'utf8'), REPO_ROOT)).toEqual([['group', 'one'], ['group', 'two'], ['top']]);
  });

  it('cannot tell for titles made at run time, tests made in loops or by .each, renamed imports and helpers that declare tests', () => {
    const cases = {
      template: `${HEADER}it(\`rejects \${name}\`, () => {});\n`,
      loop: `${HEADER}for (const x of [1, 2]) it('same', () => {});\n`,
      each: `${HEADER}it.each([1, 2])('case %i', () => {});\n`,
      renamed: "import { it as check } from 'vitest';\nimport { it } from 'vitest';\nit('x', () => {});\n",
      helper: `${HEADER}import { declareMore } from './helper.ts';\nit('x', () => {});\n`,
      nothing: 'export const a = 1;\n',
    };
    file('helper.ts', "import { it } from 'vitest';\nexport function declareMore() { it('hidden', () => {}); }\n");
    for (const [name, source] of Object.entries(cases)) {
      const f = file(`${name}.spec.ts`, source);
      expect(staticTitles(f, source, REPO_ROOT), name).toBeUndefined();
      expect(mayMatchGrep(f, REPO_ROOT, 'anything at all'), name).toBe(true);
    }
  });

  it('keeps a file when a test title or a record id can match, and leaves it out otherwise', () => {
    const spec = path.join(REPO_ROOT, 'spec/session/from-partition.spec.ts');
    expect(mayMatchGrep(spec, REPO_ROOT, 'returns the same object for the same partition string')).toBe(true);
    expect(mayMatchGrep(spec, REPO_ROOT, 'session.fromPartition > returns the same object')).toBe(true);
    expect(mayMatchGrep(spec, REPO_ROOT, 'spec/session/from-partition.spec.ts')).toBe(true);
    expect(mayMatchGrep(spec, REPO_ROOT, 'no test anywhere is called this')).toBe(false);
    expect(namePattern('a > b (c)').test('a b (c)')).toBe(true);
  });

  it('with exact, matches a whole title only: a sibling whose title starts with it is not run', () => {
    const spec = path.join(REPO_ROOT, 'spec/session/from-partition.spec.ts');
    const title = 'session.fromPartition > returns the same object for the same partition string';
    expect(mayMatchGrep(spec, REPO_ROOT, title, undefined, true)).toBe(true);
    expect(mayMatchGrep(spec, REPO_ROOT, 'session.fromPartition > returns the same object', undefined, true)).toBe(false);
    expect(namePattern('g > does a', true).test('g does a')).toBe(true);
    expect(namePattern('g > does a', true).test('g does a and b')).toBe(false);
    expect(namePattern('g > does a', true).test('outer g does a')).toBe(false);
    expect(namePattern('g > does a').test('g does a and b')).toBe(true);
  });

  it('knows the titles of most spec files', () => {
    const files = listSpecFiles();
    const known = files.filter((f) => {
      const full = path.join(REPO_ROOT, f.file);
      return staticTitles(full, readFileSync(full, 'utf8'), REPO_ROOT) !== undefined;
    });
    expect(known.length / files.length).toBeGreaterThan(0.5);
  });
});

describe('shards', () => {
  it('give every file to exactly one shard, in nearly equal parts', () => {
    const files = Array.from({ length: 23 }, (_, i) => `spec/f${i}.spec.ts`);
    const shards = [1, 2, 3, 4].map((i) => shardFiles(files, `${i}/4`, (f) => f));
    expect(shards.flat().sort()).toEqual([...files].sort());
    expect(shards.map((s) => s.length).sort()).toEqual([5, 6, 6, 6]);
    expect(shardFiles(files, '2/4', (f) => f)).toEqual(shards[1]);
    expect(() => shardFiles(files, '5/4', (f) => f)).toThrow(/--shard/);
  });
});

describe('include globs', () => {
  it('match as vitest matches them, to find the files that ask for a process of their own', () => {
    const all = globToRegExp('spec/**/*.spec.ts');
    expect(['spec/a.spec.ts', 'spec/x/y/a.spec.ts'].every((f) => all.test(f))).toBe(true);
    expect(['spec/a.ts', 'test/spec/a.spec.ts', 'spec/a.spec.tsx'].some((f) => all.test(f))).toBe(false);
    const one = globToRegExp('test/fixtures/isolation-specs/*.spec.ts');
    expect(one.test('test/fixtures/isolation-specs/own-process.spec.ts')).toBe(true);
    expect(one.test('test/fixtures/isolation-specs/deeper/own-process.spec.ts')).toBe(false);
  });
});
