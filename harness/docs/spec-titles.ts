// Reads the test titles of a spec file from its syntax tree, without running
// it: `describe` groups, `it`/`test` cases (with .each/.for/.concurrent and
// the like) and `t.itInEras(range, title, fn)` with its era range. Titles
// built at run time keep their template (`rejects ${name}`), and tests
// declared inside a loop are marked, so the docs state what the specs state.

import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import ts from '../runner/load-typescript.ts';

export interface TitleNode {
  kind: 'group' | 'test';
  title: string;
  /** For tests declared with itInEras: the range they apply to. */
  eras?: string;
  /** Declared inside a loop or `.each`: the title stands for several tests. */
  repeated?: boolean;
  children: TitleNode[];
}

const GROUP_NAMES = new Set(['describe', 'suite']);
const TEST_NAMES = new Set(['it', 'test']);
const MODIFIERS = new Set(['only', 'skip', 'todo', 'concurrent', 'sequential', 'shuffle', 'fails', 'runIf', 'skipIf']);

function titleText(node: TS.Expression | undefined, sf: TS.SourceFile): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => `\${${span.expression.getText(sf)}}${span.literal.text}`).join('');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = titleText(node.left, sf);
    const right = titleText(node.right, sf);
    if (left !== undefined && right !== undefined) return left + right;
  }
  if (ts.isParenthesizedExpression(node)) return titleText(node.expression, sf);
  return `\${${node.getText(sf)}}`;
}

interface Callee {
  kind: 'group' | 'test' | 'eras';
  /** `.each(...)` / `.for(...)`: the title is a template for several cases. */
  each: boolean;
}

/** What a call's callee is: describe/it/test with modifiers, `x.itInEras`, or nothing of ours. */
function calleeKind(expr: TS.Expression): Callee | undefined {
  // describe.each(table)(title, fn) and it.for(table)(title, fn)
  if (ts.isCallExpression(expr)) {
    const inner = expr.expression;
    if (ts.isPropertyAccessExpression(inner) && (inner.name.text === 'each' || inner.name.text === 'for')) {
      const base = calleeKind(inner.expression);
      return base && base.kind !== 'eras' ? { kind: base.kind, each: true } : undefined;
    }
    return undefined;
  }
  if (ts.isIdentifier(expr)) {
    if (GROUP_NAMES.has(expr.text)) return { kind: 'group', each: false };
    if (TEST_NAMES.has(expr.text)) return { kind: 'test', each: false };
    return undefined;
  }
  if (ts.isPropertyAccessExpression(expr)) {
    if (expr.name.text === 'itInEras') return { kind: 'eras', each: false };
    if (MODIFIERS.has(expr.name.text)) return calleeKind(expr.expression);
  }
  return undefined;
}

function isLoop(node: TS.Node): boolean {
  if (ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isForStatement(node) || ts.isWhileStatement(node)) return true;
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ['forEach', 'map', 'flatMap'].includes(node.expression.name.text)
  );
}

export function extractTitles(source: string, file: string): TitleNode[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const root: TitleNode[] = [];

  const visit = (node: TS.Node, into: TitleNode[], repeated: boolean): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeKind(node.expression);
      if (callee) {
        const args = node.arguments;
        const titleArg = callee.kind === 'eras' ? args[1] : args[0];
        const entry: TitleNode = {
          kind: callee.kind === 'group' ? 'group' : 'test',
          title: titleText(titleArg, sf) ?? '(untitled)',
          children: [],
        };
        if (callee.kind === 'eras') entry.eras = titleText(args[0], sf) ?? '?';
        if (repeated || callee.each) entry.repeated = true;
        into.push(entry);
        // Groups hold tests; a test's body may not declare more tests.
        if (callee.kind === 'group') for (const arg of args.slice(1)) visit(arg, entry.children, repeated || callee.each);
        return;
      }
    }
    const loop = isLoop(node);
    ts.forEachChild(node, (child) => visit(child, into, repeated || loop));
  };
  visit(sf, root, false);
  return root;
}

export function readTitles(file: string): TitleNode[] {
  return extractTitles(readFileSync(file, 'utf8'), file);
}

/** Depth-first list of tests with their group path joined the way reports join it. */
export function flattenTitles(nodes: readonly TitleNode[], prefix: string[] = []): { title: string; node: TitleNode }[] {
  return nodes.flatMap((n) =>
    n.kind === 'test' ? [{ title: [...prefix, n.title].join(' > '), node: n }] : flattenTitles(n.children, [...prefix, n.title]),
  );
}
