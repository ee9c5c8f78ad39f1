// Finds spec files and their metadata: the static view of the suite used by
// `list`, `coverage` and the coverage meta-test.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SpecMeta } from '../api/spec-meta.ts';
import { readMeta } from './read-meta.ts';
import { REPO_ROOT } from './paths.ts';

export interface SpecFile {
  /** Repo-relative, forward slashes. */
  file: string;
  meta: SpecMeta;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

export function listSpecFiles(root: string = REPO_ROOT): SpecFile[] {
  return walk(path.join(root, 'spec'))
    .sort()
    .map((full) => ({ file: path.relative(root, full).split(path.sep).join('/'), meta: readMeta(full) }));
}
