// The title trees of spec files (harness/docs/spec-titles.ts), kept on disk
// between runs and keyed by a hash of each file's text, so that `--grep`
// parses only the files that changed since the last run. The cache lives in
// node_modules/.cache (never committed) and a broken one is simply rebuilt.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractTitles, type TitleNode } from '../docs/spec-titles.ts';
import { recordedTitles } from './spec-catalog.ts';

const VERSION = 1;

interface CacheFile {
  version: number;
  /** Hash of a file's text -> its title tree. */
  titles: Record<string, TitleNode[]>;
}

export class TitleCache {
  readonly #file: string;
  #entries: Map<string, TitleNode[]> | undefined;
  #used = new Set<string>();
  #dirty = false;

  constructor(root: string) {
    this.#file = path.join(root, 'node_modules/.cache/session-conformance/spec-titles.json');
  }

  #load(): Map<string, TitleNode[]> {
    if (this.#entries) return this.#entries;
    try {
      const cache = JSON.parse(readFileSync(this.#file, 'utf8')) as CacheFile;
      this.#entries = new Map(cache.version === VERSION ? Object.entries(cache.titles) : []);
    } catch {
      this.#entries = new Map();
    }
    // What the build recorded: an installed package greps without parsing (or a compiler).
    for (const [key, titles] of Object.entries(recordedTitles())) if (!this.#entries.has(key)) this.#entries.set(key, titles);
    return this.#entries;
  }

  titles(file: string, source: string): TitleNode[] {
    const key = createHash('sha1').update(source).digest('hex');
    this.#used.add(key);
    const entries = this.#load();
    let titles = entries.get(key);
    if (!titles) {
      titles = extractTitles(source, file);
      entries.set(key, titles);
      this.#dirty = true;
    }
    return titles;
  }

  /** Writes what changed (temp file, then rename), keeping only the entries used by this run. */
  save(): void {
    if (!this.#dirty || !this.#entries) return;
    const titles = Object.fromEntries([...this.#entries].filter(([key]) => this.#used.has(key)));
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      const temp = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version: VERSION, titles } satisfies CacheFile));
      renameSync(temp, this.#file);
      this.#dirty = false;
    } catch {
      // A cache that cannot be written costs the next run some parsing, nothing more.
    }
  }
}
