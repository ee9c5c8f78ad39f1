// The vitest projects of one run: every era is a project of the same vitest
// run, so the eras share one pool and one start-up instead of five. Within a
// project, workers are reused from spec file to spec file (isolate: false):
// each file builds its own Target, which is all the isolation a spec needs.
// A spec file whose metadata says `isolate` (why it needs a fresh process)
// runs in a second project of its era, one process per file.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { RunContext } from '../api/run-context.ts';
import { extractMeta } from './read-meta.ts';

export interface ProjectOptions {
  contexts: RunContext[];
  /** Globs relative to the root. */
  include: string[];
  testTimeout: number;
  hookTimeout: number;
}

/** `spec/**\/*.spec.ts` -> a RegExp over root-relative paths with forward slashes. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, including none.
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The folder a glob's matches all live under (its part before the first wildcard). */
function globBase(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[{]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

function walk(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const rel = dir === '.' ? entry.name : `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(root, rel) : [rel];
  });
}

/** Root-relative spec files matched by the globs whose metadata asks for a process of their own. */
export function isolatedSpecFiles(root: string, include: string[]): string[] {
  const files = new Set<string>();
  for (const glob of include) {
    const pattern = globToRegExp(glob);
    for (const file of walk(root, globBase(glob))) {
      if (!pattern.test(file)) continue;
      const source = readFileSync(path.join(root, file), 'utf8');
      // Cheap test first: only files that mention it are parsed.
      if (/\bisolate\s*:/.test(source) && extractMeta(source, file).isolate) files.add(file);
    }
  }
  return [...files].sort();
}

export function suiteProjects(options: ProjectOptions, isolated: string[]): TestProjectInlineConfiguration[] {
  return options.contexts.flatMap((context) => {
    const common = {
      root: context.root,
      provide: { conformance: context },
      pool: 'forks' as const,
      testTimeout: options.testTimeout,
      hookTimeout: options.hookTimeout,
    };
    const projects: TestProjectInlineConfiguration[] = [
      { test: { ...common, name: context.era, include: options.include, exclude: ['**/node_modules/**', ...isolated], isolate: false } },
    ];
    if (isolated.length) projects.push({ test: { ...common, name: `${context.era} (isolated)`, include: isolated, isolate: true } });
    return projects;
  });
}
