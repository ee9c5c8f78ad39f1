// `--grep` without loading every spec file: the titles a file declares are
// read from its syntax tree (harness/docs/spec-titles.ts), and a file none of
// whose tests can match is left out of the run. When the static view cannot
// tell (a title built at run time, tests declared in a loop or by `.each`, a
// module of its own that declares tests, vitest's functions renamed), the
// file is loaded and vitest decides.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from './load-typescript.ts';
import { extractTitles, type TitleNode } from '../docs/spec-titles.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Vitest matches a pattern against the test's names joined by spaces; our
 * titles join them with ' > ', so a title copied from a report matches too.
 */
export function namePattern(grep: string): RegExp {
  return new RegExp(grep.split(' > ').map(escapeRegExp).join('(?: > | )'));
}

const DECLARING = new Set(['describe', 'suite', 'it', 'test']);

interface ModuleFacts {
  /** Imports `describe`/`it`/`test`/`suite` from vitest, or renames anything it imports from vitest. */
  declares: boolean;
  /** Resolved paths of its relative imports. */
  imports: string[];
}

function moduleFacts(file: string, source: string): ModuleFacts {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const facts: ModuleFacts = { declares: false, imports: [] };
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (specifier.text.startsWith('.')) facts.imports.push(path.resolve(path.dirname(file), specifier.text));
    if (specifier.text !== 'vitest' || !ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) {
      facts.declares = true; // `import * as v from 'vitest'`: anything may be called
      continue;
    }
    for (const element of bindings.elements) {
      if (element.propertyName || DECLARING.has(element.name.text)) facts.declares = true;
    }
  }
  return facts;
}

/** Whether a module the spec file imports (its own support code, not the file itself) declares tests. */
function importsDeclaringModule(file: string, source: string, runtime: string, seen = new Set<string>([file])): boolean {
  for (const imported of moduleFacts(file, source).imports) {
    // The spec runtime declares tests only through itInEras, which the titles show.
    if (seen.has(imported) || imported === runtime) continue;
    seen.add(imported);
    let text: string;
    try {
      text = readFileSync(imported, 'utf8');
    } catch {
      return true; // not a plain file (a folder, a generated module): cannot tell
    }
    if (moduleFacts(imported, text).declares || importsDeclaringModule(imported, text, runtime, seen)) return true;
  }
  return false;
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
export function staticTitles(file: string, source: string, root: string): string[][] | undefined {
  const nodes = extractTitles(source, file);
  const runtime = path.join(root, 'harness/api/spec-runtime.ts');
  if (!nodes.length || !knowable(nodes) || importsDeclaringModule(file, source, runtime)) return undefined;
  return namePaths(nodes);
}

/**
 * Whether any test of the file can be part of a `--grep` run: its title
 * matches the pattern vitest is given, or its record id contains the text.
 */
export function mayMatchGrep(file: string, root: string, grep: string): boolean {
  let titles: string[][] | undefined;
  try {
    titles = staticTitles(file, readFileSync(file, 'utf8'), root);
  } catch {
    return true;
  }
  if (!titles) return true;
  const pattern = namePattern(grep);
  const relative = path.relative(root, file).split(path.sep).join('/');
  // Vitest joins the names with spaces; a record's id is `<file> > <names joined with ' > '>`.
  return titles.some((names) => pattern.test(names.join(' ')) || `${relative} > ${names.join(' > ')}`.includes(grep));
}
