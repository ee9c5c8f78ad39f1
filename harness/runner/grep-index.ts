// `--grep` without loading every spec file: the titles a file declares are
// read from its syntax tree (harness/docs/spec-titles.ts), and a file none of
// whose tests can match is left out of the run. When the static view cannot
// tell (a title built at run time, tests declared in a loop or by `.each`, a
// module of its own that declares tests, vitest's functions renamed), the
// file is loaded and vitest decides.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractTitles, type TitleNode } from '../docs/spec-titles.ts';
import type { TitleCache } from './title-cache.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Vitest matches a pattern against the test's names joined by spaces; our
 * titles join them with ' > ', so a title copied from a report matches too.
 * `exact` matches the whole title only (a re-run of one test must not also
 * run a sibling whose title merely starts with it).
 */
export function namePattern(grep: string, exact = false): RegExp {
  const body = grep.split(' > ').map(escapeRegExp).join('(?: > | )');
  return new RegExp(exact ? `^${body}$` : body);
}

const DECLARING = new Set(['describe', 'suite', 'it', 'test']);

interface ModuleFacts {
  /** Imports `describe`/`it`/`test`/`suite` from vitest. */
  declares: boolean;
  /** Renames what it imports from vitest, or imports all of it under a name: calls the index cannot follow. */
  hides: boolean;
  /** Resolved paths of its relative imports. */
  imports: string[];
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gm;

/** What a module imports, read from its import lines (a superset is fine: it only makes the index load more files). */
function moduleFacts(file: string, source: string): ModuleFacts {
  const facts: ModuleFacts = { declares: false, hides: false, imports: [] };
  let vitestImports = 0;
  for (const match of source.matchAll(STATIC_IMPORT)) {
    const [, typeOnly, clause, specifier] = match as unknown as [string, string | undefined, string, string];
    if (specifier.startsWith('.')) facts.imports.push(path.resolve(path.dirname(file), specifier));
    if (specifier !== 'vitest' || typeOnly) continue;
    vitestImports++;
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (!named) {
      facts.hides = true;
      continue;
    }
    for (const part of named[1]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [name, alias] = part.replace(/^type\s+/, '').split(/\s+as\s+/);
      if (alias) facts.hides = true;
      if (DECLARING.has(name!)) facts.declares = true;
    }
  }
  // vitest reached some other way (a dynamic import, a re-export): cannot follow it.
  if ((source.match(/(?<!declare module\s*)['"]vitest['"]/g)?.length ?? 0) > vitestImports) facts.hides = true;
  return facts;
}

/** Per process: whether a module, or one it imports, declares tests (or hides vitest's functions). */
const declaringModules = new Map<string, boolean>();

function moduleDeclares(file: string, runtime: string): boolean {
  // The spec runtime declares tests only through itInEras, which the titles show.
  if (file === runtime) return false;
  const known = declaringModules.get(file);
  if (known !== undefined) return known;
  declaringModules.set(file, false); // an import cycle adds nothing new
  let answer: boolean;
  try {
    const source = readFileSync(file, 'utf8');
    const facts = moduleFacts(file, source);
    answer = facts.declares || facts.hides || facts.imports.some((imported) => moduleDeclares(imported, runtime));
  } catch {
    answer = true; // not a plain file (a folder, a generated module): cannot tell
  }
  declaringModules.set(file, answer);
  return answer;
}

function knowable(nodes: readonly TitleNode[]): boolean {
  return nodes.every((n) => !n.repeated && !n.title.includes('${') && n.title !== '(untitled)' && knowable(n.children));
}

function namePaths(nodes: readonly TitleNode[], prefix: string[] = []): string[][] {
  return nodes.flatMap((n) => (n.kind === 'test' ? [[...prefix, n.title]] : namePaths(n.children, [...prefix, n.title])));
}

/**
 * The name paths of a spec file's tests (groups, then the test) when they
 * can be read without running it; undefined when the static view cannot tell.
 */
export function staticTitles(file: string, source: string, root: string, cache?: TitleCache): string[][] | undefined {
  const nodes = cache ? cache.titles(file, source) : extractTitles(source, file);
  const runtime = path.join(root, 'harness/api/spec-runtime.ts');
  if (!nodes.length || !knowable(nodes)) return undefined;
  const facts = moduleFacts(file, source);
  if (facts.hides || facts.imports.some((imported) => moduleDeclares(imported, runtime))) return undefined;
  return namePaths(nodes);
}

/**
 * Whether any test of the file can be part of a `--grep` run: its title
 * matches the pattern vitest is given, or its record id contains the text.
 */
export function mayMatchGrep(file: string, root: string, grep: string, cache?: TitleCache, exact = false): boolean {
  let titles: string[][] | undefined;
  try {
    titles = staticTitles(file, readFileSync(file, 'utf8'), root, cache);
  } catch {
    return true;
  }
  if (!titles) return true;
  const pattern = namePattern(grep, exact);
  if (exact) return titles.some((names) => pattern.test(names.join(' ')));
  const relative = path.relative(root, file).split(path.sep).join('/');
  // Vitest joins the names with spaces; a record's id is `<file> > <names joined with ' > '>`.
  return titles.some((names) => pattern.test(names.join(' ')) || `${relative} > ${names.join(' > ')}`.includes(grep));
}
