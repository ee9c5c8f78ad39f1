// Reads `export const meta = defineSpec({...})` from a spec file without
// running it: the object must be a literal (strings, arrays, nested objects),
// which this evaluates from the TypeScript syntax tree. TypeScript loads on
// first use: an installed package reads the metadata its build recorded
// (spec-catalog.ts) and needs no compiler at run time.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type ts from 'typescript';
import { isCapability } from '../../contract/capabilities.ts';
import type { SpecMeta } from '../api/spec-meta.ts';
import { parseEraRange } from '../../contract/eras/eras.ts';

let compiler: typeof ts | undefined;

function typescript(): typeof ts {
  if (compiler) return compiler;
  try {
    compiler = createRequire(import.meta.url)('typescript') as typeof ts;
  } catch {
    throw new Error('reading spec metadata from a changed spec file needs the typescript package (npm install -D typescript)');
  }
  return compiler;
}

function literal(node: ts.Expression, file: string): unknown {
  const ts = typescript();
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

export function extractMeta(source: string, file: string): SpecMeta {
  const ts = typescript();
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
  if (!Array.isArray(meta.members) || !meta.members.every((m) => typeof m === 'string')) problems.push('members must be a list of names');
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
  if (!['documented', 'electron', 'chromium'].includes(meta.basis as string)) problems.push('basis must be documented, electron or chromium');
  if (typeof meta.summary !== 'string' || !meta.summary.trim()) problems.push('summary is required');
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return meta as SpecMeta;
}

export function readMeta(file: string): SpecMeta {
  return extractMeta(readFileSync(file, 'utf8'), file);
}
