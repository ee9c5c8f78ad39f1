// What a build recorded about the spec files (harness/build/recorded.ts):
// each file's metadata (dist/spec-meta.json) and title tree
// (dist/spec-titles.json), keyed by a hash of its text. An installed package
// lists, counts and greps its specs from them without a TypeScript compiler;
// a file edited since the build has another hash and is parsed again.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SpecMeta } from '../api/spec-meta.ts';
import type { TitleNode } from '../docs/spec-titles.ts';
import { REPO_ROOT } from './paths.ts';

export const RECORDED_META = 'dist/spec-meta.json';
export const RECORDED_TITLES = 'dist/spec-titles.json';

export interface RecordedMeta {
  schemaVersion: 2;
  /** sha256 of a spec file's text -> its metadata. */
  meta: Record<string, SpecMeta>;
}

export interface RecordedTitles {
  version: 1;
  /** sha1 of a file's text -> its title tree (the key title-cache.ts uses). */
  titles: Record<string, TitleNode[]>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function read<T>(relative: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

let meta: RecordedMeta | null | undefined;

/** The metadata the build read from exactly this text, if it did. */
export function recordedMeta(source: string): SpecMeta | undefined {
  if (meta === undefined) {
    const loaded = read<RecordedMeta>(RECORDED_META);
    meta = loaded?.schemaVersion === 2 && loaded.meta ? loaded : null;
  }
  return meta?.meta[sha256(source)];
}

/** The title trees the build recorded (empty in a checkout without dist/). */
export function recordedTitles(): Record<string, TitleNode[]> {
  const loaded = read<RecordedTitles>(RECORDED_TITLES);
  return loaded?.version === 1 && loaded.titles ? loaded.titles : {};
}
