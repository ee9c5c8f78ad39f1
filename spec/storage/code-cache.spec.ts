// The V8 code cache of a session (Electron 17+ lets an app choose where it
// lives and clear it): scripts its pages load leave entries, keyed by the
// script's URL, in `<path>/js` (by default `<storagePath>/Code Cache`);
// scripts under 1024 characters are never cached; clearCodeCaches removes
// all entries or those of the URLs given.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { thrown } from '../support/requests.ts';
import { cachedUrl, cacheRoutes } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['ses.setCodeCachePath', 'ses.clearCodeCaches'],
  eras: '>=e17',
  requires: ['storage', 'network'],
  level: 'must',
  basis: 'electron',
  summary:
    'setCodeCachePath() takes an absolute directory for the code cache that scripts of pages fill; clearCodeCaches() empties it, or only for the URLs given.',
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

type CodeCaching = {
  setCodeCachePath(...a: unknown[]): unknown;
  clearCodeCaches(...a: unknown[]): Promise<unknown>;
  getStoragePath(): string | null;
};
let partitions = 0;
const fresh = (persist = false) =>
  t.session.fromPartition(`${persist ? 'persist:' : ''}code-cache-${++partitions}`) as unknown as CodeCaching;
const script = (id: string, size = 4096) => cachedUrl(server, id, { cc: 'max-age=600', type: 'text/javascript', size });
const load = (session: unknown, url: string) => t.driver.storage.loadScript({ session, origin: server.origin, url });

/** The script URLs the code cache directory `dir` holds entries for. */
async function cachedScripts(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, 'js')).catch(() => [] as string[]);
  const urls: string[] = [];
  for (const name of names) {
    const data = await readFile(path.join(dir, 'js', name), 'latin1').catch(() => '');
    const match = /_key(\S+) \n/.exec(data);
    if (match) urls.push(match[1]!);
  }
  return urls.sort();
}

describe('ses.setCodeCachePath', () => {
  it('wants an absolute path, and says so with a TypeError otherwise', () => {
    const session = fresh();
    for (const args of [['relative/dir'], [''], [42], []]) {
      const error = thrown(() => session.setCodeCachePath(...args));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toBe('Absolute path must be provided to store code cache.');
    }
  });

  it('returns undefined, and scripts pages load from then on leave entries there', async () => {
    const session = fresh();
    const dir = path.join(await t.tempDir(), 'chosen');
    expect(session.setCodeCachePath(dir)).toBeUndefined();
    const url = script('cc-chosen');
    expect((await load(session, url)).status).toBe(200);
    expect(await cachedScripts(dir)).toEqual([url]);
  });

  it('keeps no entry for a script under 1024 characters', async () => {
    const session = fresh();
    const dir = path.join(await t.tempDir(), 'small');
    session.setCodeCachePath(dir);
    await load(session, script('cc-small', 1000));
    await load(session, script('cc-large', 1024));
    expect(await cachedScripts(dir)).toEqual([script('cc-large', 1024)]);
  });

  it("defaults to Code Cache under a persistent session's storage path", async () => {
    const session = fresh(true);
    const url = script('cc-default');
    await load(session, url);
    expect(await cachedScripts(path.join(session.getStoragePath()!, 'Code Cache'))).toEqual([url]);
  });

  it('takes a path where no directory can be made without a word, and pages still load their scripts', async () => {
    const session = fresh();
    const file = path.join(await t.tempDir(), 'a-file');
    await writeFile(file, 'not a directory');
    expect(session.setCodeCachePath(file)).toBeUndefined();
    expect((await load(session, script('cc-unusable'))).status).toBe(200);
    expect(await session.clearCodeCaches({})).toBeUndefined();
    expect(await readFile(file, 'utf8')).toBe('not a directory');
  });
});

describe('ses.clearCodeCaches', () => {
  it('removes every entry when given no URLs, and resolves undefined', async () => {
    const session = fresh();
    const dir = path.join(await t.tempDir(), 'clear-all');
    session.setCodeCachePath(dir);
    await load(session, script('cc-all-a'));
    await load(session, script('cc-all-b'));
    expect(await cachedScripts(dir)).toHaveLength(2);
    expect(await session.clearCodeCaches({})).toBeUndefined();
    expect(await cachedScripts(dir)).toEqual([]);
  });

  it('removes only the entries of the URLs given', async () => {
    const session = fresh();
    const dir = path.join(await t.tempDir(), 'clear-some');
    session.setCodeCachePath(dir);
    const [a, b] = [script('cc-some-a'), script('cc-some-b')];
    await load(session, a);
    await load(session, b);
    await session.clearCodeCaches({ urls: [a] });
    expect(await cachedScripts(dir)).toEqual([b]);
  });

  it('treats an empty or unconvertible urls as no filter', async () => {
    const session = fresh();
    const dir = path.join(await t.tempDir(), 'clear-unfiltered');
    session.setCodeCachePath(dir);
    await load(session, script('cc-unfiltered-a'));
    await session.clearCodeCaches({ urls: [] });
    expect(await cachedScripts(dir)).toEqual([]);
    await load(session, script('cc-unfiltered-b'));
    await session.clearCodeCaches({ urls: 'not a list' });
    expect(await cachedScripts(dir)).toEqual([]);
  });

  it('needs its options object', () => {
    const session = fresh();
    expect(thrown(() => session.clearCodeCaches())!.message).toBe('Insufficient number of arguments.');
    const error = thrown(() => session.clearCodeCaches('all'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Error processing argument at index 0, conversion failure from all');
  });
});
