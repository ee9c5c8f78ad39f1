// The Electron agent runs inside the Node of every era's Electron (Node 6 for
// the legacy era): its files must parse as ES2015 scripts and use no library
// function newer than that. TypeScript's parser has no language-level switch,
// so this walks its syntax tree and names every construct past ES2015.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

/** The agent kit, every file of it. */
const KIT_FILES = readdirSync(path.join(REPO_ROOT, 'harness/agent-kit'))
  .filter((name) => name.endsWith('.cjs'))
  .map((name) => `harness/agent-kit/${name}`);
/** The Electron agent and everything it requires. */
const AGENT_FILES = ['harness/agent/electron-main.cjs', ...KIT_FILES];
const NODE_CORE = /^(fs|net|string_decoder|worker_threads|events)$/;

/** Library members added after ES2015 (Node 6 lacks them or only some eras have them). */
const NEWER_MEMBERS = new Set([
  'entries', // Object.entries
  'values', // Object.values (Map/Set/Array.prototype.values are ES2015, so only Object.values is flagged below)
  'fromEntries',
  'getOwnPropertyDescriptors',
  'padStart',
  'padEnd',
  'trimStart',
  'trimEnd',
  'matchAll',
  'replaceAll',
  'flat',
  'flatMap',
  'finally',
  'allSettled',
  'any',
  'at',
  'hasOwn',
  'includes',
]);
const OBJECT_ONLY = new Set(['entries', 'values']);

function later(source: string, file = 'snippet.js'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${file}:${line + 1}: ${what}`);
  };
  const diagnostics = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  for (const d of diagnostics) found.push(`${file}: syntax error ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);

  const visit = (node: ts.Node): void => {
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    if (modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) at(node, 'async function (ES2017)');
    switch (node.kind) {
      case ts.SyntaxKind.AwaitExpression:
        at(node, 'await (ES2017)');
        break;
      case ts.SyntaxKind.SpreadAssignment:
        at(node, 'object spread (ES2018)');
        break;
      case ts.SyntaxKind.BindingElement:
        if ((node as ts.BindingElement).dotDotDotToken && ts.isObjectBindingPattern(node.parent))
          at(node, 'object rest (ES2018)');
        break;
      case ts.SyntaxKind.AsteriskAsteriskToken:
      case ts.SyntaxKind.AsteriskAsteriskEqualsToken:
        at(node, 'exponent operator (ES2016)');
        break;
      case ts.SyntaxKind.QuestionDotToken:
        at(node, 'optional chaining (ES2020)');
        break;
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
      case ts.SyntaxKind.BarBarEqualsToken:
      case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
        at(node, 'nullish or logical assignment (ES2020/2021)');
        break;
      case ts.SyntaxKind.PropertyDeclaration:
        at(node, 'class field (ES2022)');
        break;
      case ts.SyntaxKind.PrivateIdentifier:
        at(node, 'private name (ES2022)');
        break;
      case ts.SyntaxKind.ClassStaticBlockDeclaration:
        at(node, 'static block (ES2022)');
        break;
      case ts.SyntaxKind.BigIntLiteral:
        at(node, 'BigInt literal (ES2020)');
        break;
      case ts.SyntaxKind.CatchClause:
        if (!(node as ts.CatchClause).variableDeclaration) at(node, 'catch without a binding (ES2019)');
        break;
      case ts.SyntaxKind.ForOfStatement:
        if ((node as ts.ForOfStatement).awaitModifier) at(node, 'for await (ES2018)');
        break;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
      case ts.SyntaxKind.MetaProperty:
        if (node.kind !== ts.SyntaxKind.MetaProperty || (node as ts.MetaProperty).keywordToken === ts.SyntaxKind.ImportKeyword) {
          at(node, 'ES module syntax (the agent is a CommonJS script)');
        }
        break;
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        if (call.expression.kind === ts.SyntaxKind.ImportKeyword) at(node, 'dynamic import (ES2020)');
        if (call.arguments.hasTrailingComma) at(node, 'trailing comma in arguments (ES2017)');
        break;
      }
      case ts.SyntaxKind.NumericLiteral:
        if (node.getText(sf).includes('_')) at(node, 'numeric separator (ES2021)');
        break;
      case ts.SyntaxKind.RegularExpressionLiteral: {
        const text = node.getText(sf);
        const flags = text.slice(text.lastIndexOf('/') + 1);
        if (/[sd]/.test(flags)) at(node, `regular expression flag ${flags} (ES2018+)`);
        if (/\(\?<[=!]|\(\?<[A-Za-z]/.test(text)) at(node, 'lookbehind or named group (ES2018)');
        break;
      }
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        const name = access.name.text;
        const owner = access.expression.getText(sf);
        if (NEWER_MEMBERS.has(name) && (!OBJECT_ONLY.has(name) || owner === 'Object'))
          at(node, `${owner}.${name} (after ES2015)`);
        if (name === 'globalThis' || owner === 'globalThis') at(node, 'globalThis (ES2020)');
        break;
      }
    }
    if (ts.isFunctionLike(node) && node.parameters.hasTrailingComma) at(node, 'trailing comma in parameters (ES2017)');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the Electron agent stays within ES2015', () => {
  for (const file of AGENT_FILES) {
    it(`${file} uses nothing past ES2015`, () => {
      expect(later(readFileSync(path.join(REPO_ROOT, file), 'utf8'), file)).toEqual([]);
    });
  }

  const requiredBy = (files: string[]) => {
    const required = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/require\('([^']+)'\)/g))
        required.add(match[1]!);
    }
    return [...required];
  };

  it('the agent kit needs nothing outside its folder but Node core modules', () => {
    expect(KIT_FILES).toContain('harness/agent-kit/agent.cjs');
    expect(requiredBy(KIT_FILES).filter((r) => !r.startsWith('./') && !NODE_CORE.test(r))).toEqual([]);
  });

  it('electron-main.cjs needs nothing but the agent kit, electron and Node core modules', () => {
    const outside = requiredBy(['harness/agent/electron-main.cjs']).filter(
      (r) => !r.startsWith('../agent-kit/') && r !== 'electron' && !NODE_CORE.test(r),
    );
    expect(outside).toEqual([]);
  });

  it('the check itself names each construct newer than ES2015', () => {
    const snippet = [
      'async function f(a, b,) { await a; }',
      'const o = { ...a };',
      'const { x, ...rest } = o;',
      'y = 2 ** 3;',
      'z = a?.b ?? c;',
      'class K { field = 1; #p = 2; }',
      'try {} catch {}',
      'n = 10n + 1_000;',
      'r = /a.b/s;',
      'Object.entries(o).flat().includes(1);',
      'call(a, b,);',
    ].join('\n');
    const found = later(snippet).map((f) => f.replace(/^snippet\.js:\d+: /, ''));
    for (const what of [
      'async function',
      'await',
      'object spread',
      'object rest',
      'exponent operator',
      'optional chaining',
      'nullish',
      'class field',
      'private name',
      'catch without a binding',
      'BigInt literal',
      'numeric separator',
      'regular expression flag',
      'Object.entries',
      'includes',
      'flat',
      'trailing comma in parameters',
      'trailing comma in arguments',
    ]) {
      expect(
        found.some((f) => f.includes(what)),
        what,
      ).toBe(true);
    }
  });
});
