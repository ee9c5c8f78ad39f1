// The spec metadata a build recorded (dist/spec-meta.json): each spec file's
// `meta` with the hash of the source it was read from. An installed package
// lists and counts its specs from it without a TypeScript compiler; a file whose
// hash differs (edited since the build) is read from its source again.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SpecMeta } from '../api/spec-meta.ts';
import { extractMeta } from './read-meta.ts';

export const SPEC_CATALOG_PATH = 'dist/spec-meta.json';

export interface SpecCatalog {
  schemaVersion: 1;
  /** Repo-relative spec file -> the hash of its source and its metadata. */
  files: Record<string, { sha256: string; meta: SpecMeta }>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const catalogs = new Map<string, SpecCatalog | null>();

export function loadSpecCatalog(root: string): SpecCatalog | null {
  if (!catalogs.has(root)) {
    const file = path.join(root, SPEC_CATALOG_PATH);
    const catalog = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SpecCatalog) : null;
    catalogs.set(root, catalog?.schemaVersion === 1 ? catalog : null);
  }
  return catalogs.get(root)!;
}

/** A spec file's metadata: the recorded one while the source is unchanged, else read from the source. */
export function specMeta(root: string, relative: string): SpecMeta {
  const full = path.join(root, relative);
  const source = readFileSync(full, 'utf8');
  const recorded = loadSpecCatalog(root)?.files[relative];
  if (recorded && recorded.sha256 === sha256(source)) return recorded.meta;
  return extractMeta(source, full);
}

/** Records every spec file's metadata with its source hash (the build's dist/spec-meta.json); returns how many. */
export function writeSpecCatalog(root: string, specs: readonly { file: string }[]): number {
  const files: SpecCatalog['files'] = {};
  for (const { file } of specs) {
    const source = readFileSync(path.join(root, file), 'utf8');
    files[file] = { sha256: sha256(source), meta: extractMeta(source, file) };
  }
  const catalog: SpecCatalog = { schemaVersion: 1, files };
  mkdirSync(path.dirname(path.join(root, SPEC_CATALOG_PATH)), { recursive: true });
  writeFileSync(path.join(root, SPEC_CATALOG_PATH), `${JSON.stringify(catalog, null, 1)}\n`);
  catalogs.delete(root);
  return specs.length;
}
