// The V8 code cache of a session (Chromium's GeneratedCodeCache): scripts
// its pages load leave entries in `<storagePath>/Code Cache/js`, one file
// per script keyed `_key<script URL> \n<origin>` (the key is at the start of
// the file, as in Chromium's simple cache), until clearCodeCaches removes
// them. As in Blink, a script's first load records a timestamp entry and a
// later one the compiled code; scripts shorter than 1024 characters are never
// cached. In-memory sessions have no code cache until setCodeCachePath
// gives them a directory. A directory that cannot be made or written to
// leaves the cache without a backend, as disk_cache's failed creation does:
// nothing is cached and neither the app nor the page hears of it. Nothing is
// compiled here: the entry stands for V8's data, whose bytes only V8 could
// produce.

import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { writeFileAtomic } from './atomic-file.ts';

export const CODE_CACHE_DIRECTORY = 'Code Cache';
/** Blink's V8CodeCache::kMinimalCodeLength. */
export const MINIMAL_CODE_LENGTH = 1024;

interface EntryRecord {
  url: string;
  origin: string;
  kind: 'timestamp' | 'code';
  responseTime: number;
  sourceHash: string;
}

function keyOf(url: string, origin: string): string {
  return `_key${url} \n${origin}`;
}

function fileNameOf(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 16)}_0`;
}

export class CodeCache implements SessionService {
  #root: string | null;
  #queue: Promise<void> = Promise.resolve();
  #crashed = false;

  constructor(storagePath: string | null) {
    this.#root = storagePath && path.join(storagePath, CODE_CACHE_DIRECTORY);
  }

  /** Where entries go from now on (setCodeCachePath); the directory is made at once when it can be. */
  setPath(root: string): void {
    this.#root = root;
    for (const kind of ['js', 'wasm']) {
      try {
        mkdirSync(path.join(root, kind), { recursive: true });
      } catch {
        // No backend: recordScript's writes fail quietly.
      }
    }
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const guarded = () => (this.#crashed ? Promise.resolve() : task());
    const run = this.#queue.then(guarded, guarded);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** A page of `origin` ran the script at `url` with `source`. */
  recordScript(url: string, origin: string, source: string): Promise<void> {
    const root = this.#root;
    if (!root || source.length < MINIMAL_CODE_LENGTH) return Promise.resolve();
    const key = keyOf(url, origin);
    const file = path.join(root, 'js', fileNameOf(key));
    const sourceHash = createHash('sha256').update(source).digest('hex');
    const write = this.#enqueue(async () => {
      const previous = await fs.readFile(file).catch(() => undefined);
      let seen: EntryRecord | undefined;
      try {
        seen = previous && (JSON.parse(previous.subarray(previous.indexOf(0) + 1).toString('utf8')) as EntryRecord);
      } catch {
        // A damaged entry is replaced like a missing one.
      }
      const kind = seen && seen.sourceHash === sourceHash ? 'code' : 'timestamp';
      const record: EntryRecord = { url, origin, kind, responseTime: Date.now(), sourceHash };
      await writeFileAtomic(file, Buffer.concat([Buffer.from(key), Buffer.from([0]), Buffer.from(JSON.stringify(record))]));
    });
    // A cache that cannot write keeps nothing; the script ran all the same.
    return write.catch(() => undefined);
  }

  /** Removes the entries of `urls` (every entry when null). */
  clear(urls: ReadonlySet<string> | null): Promise<void> {
    const root = this.#root;
    if (!root) return Promise.resolve();
    return this.#enqueue(async () => {
      const dir = path.join(root, 'js');
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (!name.endsWith('_0')) continue;
        const file = path.join(dir, name);
        if (urls) {
          const data = await fs.readFile(file).catch(() => undefined);
          const url = data ? data.subarray(4, data.indexOf(0)).toString('utf8').split(' \n')[0] : undefined;
          if (url === undefined || !urls.has(url)) continue;
        }
        await fs.rm(file, { force: true });
      }
    });
  }

  async shutdown(crash: boolean): Promise<void> {
    if (crash) this.#crashed = true;
    else await this.#queue;
  }
}

export function codeCache(services: SessionServices): CodeCache {
  return new CodeCache(services.identity.storagePath);
}
