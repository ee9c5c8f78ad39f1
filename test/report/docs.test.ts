// Generated documentation: docs/members/ and the generated regions of
// INTERPRETING.md and AUTHORING.md match what `npm run docs` would write; the
// interpretation rules match the pinned contract version; titles are read
// from spec files statically; typedoc builds (once per state of the sources).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_FINGERPRINTS, CONTRACT_VERSION } from '../../harness/api/contract.ts';
import { contractProblem, docsDrift, renderDocs } from '../../harness/docs/generate-docs.ts';
import { memberSlug } from '../../harness/docs/member-pages.ts';
import { replaceRegion } from '../../harness/docs/regions.ts';
import { ruleTables } from '../../harness/docs/rule-tables.ts';
import { extractTitles, flattenTitles } from '../../harness/docs/spec-titles.ts';
import { allMemberNames } from '../../contract/eras/inventory.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { inputsHash, runCached } from '../support/cached-command.ts';

describe('generated docs', () => {
  const rendered = renderDocs();

  it('are up to date (run `npm run docs` after changing specs, pending.json or the inventory)', () => {
    expect(docsDrift(REPO_ROOT, rendered), 'stale generated docs: run `npm run docs`').toEqual({ changed: [], extra: [] });
  });

  it('have one page per documented member, with file names that are safe and distinct', () => {
    const names = allMemberNames();
    const slugs = names.map(memberSlug);
    expect(new Set(slugs).size).toBe(names.length);
    for (const slug of slugs) expect(slug).toMatch(/^[A-Za-z0-9._-]+$/);
    for (const slug of slugs) expect(rendered.has(`docs/members/${slug}.md`), slug).toBe(true);
    expect(memberSlug("ses.on('will-download')")).toBe('ses.on-will-download');
  });

  it("state a member's behaviour from its specs, or what it is waiting for", () => {
    const specced = rendered.get('docs/members/session.fromPartition.md')!;
    expect(specced).toMatch(/\[spec\/session\/from-partition\.spec\.ts\]\(\.\.\/\.\.\/spec\/session\/from-partition\.spec\.ts\)/);
    expect(specced).toMatch(/- returns the same object for the same partition string\n/);
    expect(specced).toMatch(/\*\(eras `>=e12` only\)\*/);
    expect(specced).toMatch(/\| legacy \| 1\.x \| `session\.fromPartition\(partition\[, options\]\)` \|/);
    const pending = JSON.parse(readFileSync(`${REPO_ROOT}/contract/eras/pending.json`, 'utf8')) as {
      members: Record<string, string>;
    };
    const entries = Object.entries(pending.members);
    if (entries.length === 0) {
      // Every documented member has a spec: no page may say it is waiting for one.
      for (const [file, text] of rendered) if (file.startsWith('docs/members/')) expect(text, file).not.toContain('No spec yet');
      return;
    }
    const [name, why] = entries[0]!;
    expect(rendered.get(`docs/members/${memberSlug(name)}.md`)).toContain(
      `No spec yet; pending: ${why.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)}.`,
    );
  });
});

describe('the interpretation contract', () => {
  it('pins the behaviour of the rules for the current version', () => {
    expect(contractProblem()).toBeNull();
    expect(CONTRACT_FINGERPRINTS[CONTRACT_VERSION]).toBe(ruleTables().fingerprint);
  });

  it('is stated in docs/INTERPRETING.md with its version', () => {
    const text = readFileSync(`${REPO_ROOT}/docs/INTERPRETING.md`, 'utf8');
    expect(text).toContain(`Contract version: **${CONTRACT_VERSION}**`);
    expect(text).toContain('| an assertion failed | `FAIL` |');
    expect(text).toContain('| `expected: FAIL` | `PASS` | unexpected (stale expectation) |');
  });

  it('would tell the author to bump the version when the behaviour changes', () => {
    expect(contractProblem('0000000000000000')).toMatch(
      /bump CONTRACT_VERSION in harness\/api\/contract\.ts, record 0000000000000000/,
    );
  });

  it('renders the same tables and fingerprint every time', () => {
    const { markdown, fingerprint } = ruleTables();
    expect(ruleTables()).toEqual({ markdown, fingerprint });
    expect(markdown).toMatch(/#### From outcome to status/);
  });
});

describe('replaceRegion', () => {
  it('replaces only between the markers and insists they exist', () => {
    const text = 'a\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nb\n';
    expect(replaceRegion(text, 'x', 'new')).toBe('a\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nb\n');
    expect(() => replaceRegion(text, 'y', 'new', 'doc.md')).toThrow(/doc\.md: no region <!-- generated:y -->/);
  });
});

describe('extractTitles', () => {
  const source = `
    import { describe, it, test } from 'vitest';
    const t = useTarget(meta);
    it('top level', () => {});
    describe('group', () => {
      it('plain', () => { it('never nested', () => {}); });
      test.concurrent(\`template\`, () => {});
      t.itInEras('>=e12', 'newer eras only', () => {});
      for (const bad of [1, 2]) it(\`rejects \${bad}\`, () => {});
      it.each([1, 2])('case %s', () => {});
      describe.each(['a'])('nested %s', () => {
        it('inside' + ' concatenated', () => {});
      });
      [1].forEach((n) => test('looped ' + n, () => {}));
    });
  `;
  const titles = extractTitles(source, 'x.spec.ts');

  it('reads groups and tests with their paths, as reports join them', () => {
    expect(flattenTitles(titles).map((t) => t.title)).toEqual([
      'top level',
      'group > plain',
      'group > template',
      'group > newer eras only',
      'group > rejects ${bad}',
      'group > case %s',
      'group > nested %s > inside concatenated',
      'group > looped ${n}',
    ]);
  });

  it('marks era-limited and repeated tests', () => {
    const flat = new Map(flattenTitles(titles).map((t) => [t.title, t.node]));
    expect(flat.get('group > newer eras only')?.eras).toBe('>=e12');
    expect(flat.get('group > rejects ${bad}')?.repeated).toBe(true);
    expect(flat.get('group > case %s')?.repeated).toBe(true);
    expect(flat.get('group > nested %s > inside concatenated')?.repeated).toBe(true);
    expect(flat.get('group > looped ${n}')?.repeated).toBe(true);
    expect(flat.get('group > plain')?.repeated).toBeUndefined();
  });
});

describe('typedoc', () => {
  // typedoc compiles the whole program (tsconfig.json's include), so every
  // source folder is an input; its own version comes with package-lock.json.
  const inputs = [
    'harness',
    'reference',
    'spec',
    'fixtures',
    'bench',
    'test',
    'bin',
    'tsconfig.json',
    'typedoc.json',
    'package-lock.json',
  ];

  it('builds the API docs of the harness and the reference without errors (recorded per state of the sources)', {
    timeout: 320_000,
  }, () => {
    const out = runCached({
      name: 'typedoc',
      root: REPO_ROOT,
      args: ['node_modules/typedoc/bin/typedoc', '--emit', 'none'],
      inputs,
      timeoutMs: 300_000,
    });
    expect(out.status, out.output).toBe(0);
    expect(out.output).not.toMatch(/\[error\]/);
  });

  it('records a success under the hash of its inputs, which any change to a source alters', () => {
    const before = inputsHash(REPO_ROOT, inputs);
    expect(inputsHash(REPO_ROOT, inputs)).toBe(before);
    expect(inputsHash(REPO_ROOT, inputs, ['another node'])).not.toBe(before);
    expect(
      inputsHash(
        REPO_ROOT,
        inputs.filter((i) => i !== 'typedoc.json'),
      ),
    ).not.toBe(before);
  });
});
