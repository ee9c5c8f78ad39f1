// The vitest projects of a run. Workers are reused from spec file to spec
// file and from era to era (isolate: false): each file builds its own Target,
// which is all the isolation a spec needs, and a worker pays for its start-up,
// its imports and its caches once instead of once per file. A spec file whose
// metadata says `isolate` (why it needs a fresh process) goes to a second
// project that gives each of its files a process of its own.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { RunContext } from '../api/run-context.ts';
import { extractMeta } from './read-meta.ts';

export interface ProjectOptions {
  context: RunContext;
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
  const common = {
    root: options.context.root,
    provide: { conformance: options.context },
    pool: 'forks' as const,
    // The implementation's process warnings (extension load warnings, unknown
    // device ids, ...) would be printed by every worker between the progress
    // lines; specs that care observe them as 'warning' events, which still fire.
    execArgv: ['--no-warnings'],
    testTimeout: options.testTimeout,
    hookTimeout: options.hookTimeout,
    // Failure messages and expected/actual values are kept whole in the report.
    chaiConfig: { truncateThreshold: 0 },
  };
  const projects: TestProjectInlineConfiguration[] = [
    {
      test: { ...common, name: 'shared', include: options.include, exclude: ['**/node_modules/**', ...isolated], isolate: false },
    },
  ];
  if (isolated.length) projects.push({ test: { ...common, name: 'isolated', include: isolated, isolate: true } });
  return projects;
}
