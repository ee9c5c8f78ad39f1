// Spec files that share a worker process share the modules they import, and
// a module runs its top level once per process: a hook registered there
// (afterEach(...) at the top of a support module) would serve the first spec
// file of each worker and none after it. Support modules register hooks from
// functions the spec files call (useHttpServer(), useTarget(), onTestFinished
// inside a helper) instead.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from '../../harness/runner/load-typescript.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

const HOOKS = new Set(['beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'aroundAll', 'aroundEach']);

function walk(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(rel);
    return /\.[cm]?ts$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [rel] : [];
  });
}

function topLevelHooks(file: string): string[] {
  const source = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return sf.statements.flatMap((statement) => {
    if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return [];
    const callee = statement.expression.expression;
    return ts.isIdentifier(callee) && HOOKS.has(callee.text) ? [`${file}: ${callee.text}`] : [];
  });
}

describe('modules shared by spec files', () => {
  it('register no test hooks at their top level', () => {
    const files = ['spec', 'fixtures', 'harness'].flatMap(walk);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(topLevelHooks)).toEqual([]);
  });
});
