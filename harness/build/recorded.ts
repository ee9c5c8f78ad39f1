// Writes what harness/runner/spec-catalog.ts reads back in an installed
// package: every spec file's metadata and the title tree of every file under
// spec/ (helpers declare tests too), keyed by hashes of their text.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractTitles } from '../docs/spec-titles.ts';
import { extractMeta } from '../runner/read-meta.ts';
import { RECORDED_META, RECORDED_TITLES, type RecordedMeta, type RecordedTitles, sha256 } from '../runner/spec-catalog.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Writes dist/spec-meta.json and dist/spec-titles.json; returns how many files each holds. */
export function writeRecorded(root: string): { meta: number; titles: number } {
  const meta: RecordedMeta = { schemaVersion: 2, meta: {} };
  const titles: RecordedTitles = { version: 1, titles: {} };
  for (const full of walk(path.join(root, 'spec')).sort()) {
    const source = readFileSync(full, 'utf8');
    const file = path.relative(root, full).split(path.sep).join('/');
    if (file.endsWith('.spec.ts')) meta.meta[sha256(source)] = extractMeta(source, file);
    titles.titles[createHash('sha1').update(source).digest('hex')] = extractTitles(source, file);
  }
  writeFileSync(path.join(root, RECORDED_META), `${JSON.stringify(meta)}\n`);
  writeFileSync(path.join(root, RECORDED_TITLES), `${JSON.stringify(titles)}\n`);
  return { meta: Object.keys(meta.meta).length, titles: Object.keys(titles.titles).length };
}
