// Reads `export const meta = defineSpec({...})` from a spec file without
// running it: the object must be a literal (strings, arrays, nested objects),
// which this evaluates from the TypeScript syntax tree.

import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import ts from './load-typescript.ts';
import { recordedMeta } from './spec-catalog.ts';
import { isCapability } from '../../contract/capabilities.ts';
import type { SpecMeta } from '../api/spec-meta.ts';
import { parseEraRange } from '../../contract/eras/eras.ts';

function literal(node: TS.Expression, file: string): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literal(e, file));
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) {
    return literal(node.expression, file);
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const prop of node.properties) {
      if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) {
        throw new Error(`${file}: spec metadata must be a plain object literal`);
      }
      out[prop.name.text] = literal(prop.initializer, file);
    }
    return out;
  }
  throw new Error(`${file}: spec metadata must be literal values (found ${ts.SyntaxKind[node.kind]})`);
}

/**
 * The `export const meta = ...` statement alone, when it ends at a line of
 * its own (`});`), as every spec file writes it: parsing a dozen lines instead
 * of the whole file is what keeps `list`, `coverage` and the report's
 * catalog quick. Undefined when the file is written otherwise.
 */
function metaStatement(source: string): string | undefined {
  const start = /^export const meta\b/m.exec(source);
  if (!start) return undefined;
  const end = /^\}\);?[ \t]*$/m.exec(source.slice(start.index));
  return end ? source.slice(start.index, start.index + end.index + end[0].length) : undefined;
}

export function extractMeta(source: string, file: string): SpecMeta {
  // What the build read from this very text (an installed package has no compiler to read it again).
  const recorded = recordedMeta(source);
  if (recorded) return recorded;
  const statement = metaStatement(source);
  if (statement !== undefined) {
    try {
      return metaFrom(statement, file);
    } catch {
      // Not the statement alone after all: read the whole file.
    }
  }
  return metaFrom(source, file);
}

function metaFrom(source: string, file: string): SpecMeta {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.name.text !== 'meta' || !decl.initializer) continue;
      let init = decl.initializer;
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'defineSpec') {
        init = init.arguments[0]!;
      }
      return checkMeta(literal(init, file), file);
    }
  }
  throw new Error(`${file}: no \`export const meta = defineSpec({...})\``);
}

export function checkMeta(value: unknown, file: string): SpecMeta {
  const meta = value as Partial<SpecMeta>;
  const problems: string[] = [];
  if (!Array.isArray(meta.members) || !meta.members.every((m) => typeof m === 'string'))
    problems.push('members must be a list of names');
  if (typeof meta.eras !== 'string') problems.push('eras must be a range string');
  else {
    try {
      parseEraRange(meta.eras);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (!Array.isArray(meta.requires) || !meta.requires.every(isCapability)) problems.push('requires must list known capabilities');
  if (!['must', 'should', 'info'].includes(meta.level as string)) problems.push('level must be must, should or info');
  if (!['documented', 'electron', 'chromium'].includes(meta.basis as string))
    problems.push('basis must be documented, electron or chromium');
  if (typeof meta.summary !== 'string' || !meta.summary.trim()) problems.push('summary is required');
  if (meta.isolate !== undefined && (typeof meta.isolate !== 'string' || !meta.isolate.trim()))
    problems.push('isolate must say why the file needs a process of its own');
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return meta as SpecMeta;
}

export function readMeta(file: string): SpecMeta {
  return extractMeta(readFileSync(file, 'utf8'), file);
}
