// `--shard i/n`: which spec files a shard runs. A file goes to the same shard
// in every era, so merging the shards' reports joins each era's column whole.
// Files are ordered by a hash of their path (as vitest shards) and cut into n
// nearly equal runs.

import { createHash } from 'node:crypto';

export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(`--shard takes <index>/<count> with 1 <= index <= count, not ${text}`);
  return { index, count };
}

/** The files of shard `index` of `count`; `relative` gives the path hashed (relative to the root). */
export function shardFiles<T>(files: readonly T[], shard: string, relative: (file: T) => string): T[] {
  const { index, count } = parseShard(shard);
  const hashed = files
    .map((file) => ({ file, hash: createHash('sha1').update(relative(file)).digest('hex') }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const base = Math.floor(hashed.length / count);
  const extra = hashed.length % count;
  const start = (index - 1) * base + Math.min(index - 1, extra);
  const size = base + (index <= extra ? 1 : 0);
  return hashed.slice(start, start + size).map((h) => h.file);
}
