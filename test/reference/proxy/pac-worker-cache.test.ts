// The PAC worker bundles under node_modules/.cache: writing one removes the
// bundles of other contents and dead temp files that nobody touched for a
// few minutes, never the bundle being written and never one another
// process used lately; a process whose bundle was removed writes it again.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { removeOtherBundles, STALE_BUNDLE_MS } from '../../../reference/proxy/pac/pac-worker-cache.ts';
import { checkoutWorkerBundle } from '../../../reference/proxy/pac/pac-worker-bundle.ts';

const made: string[] = [];
afterEach(() => {
  for (const file of made.splice(0)) rmSync(file, { recursive: true, force: true });
});

function file(dir: string, name: string, ageMs: number): string {
  const at = path.join(dir, name);
  writeFileSync(at, 'export {};\n');
  const when = new Date(Date.now() - ageMs);
  utimesSync(at, when, when);
  made.push(at);
  return at;
}

describe('removeOtherBundles', () => {
  it('removes stale bundles of other contents and stale temp files, and nothing else', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pac-bundles-'));
    made.push(dir);
    const old = STALE_BUNDLE_MS + 60_000;
    file(dir, 'pac-worker-1111111111111111.mjs', old);
    file(dir, 'pac-worker-2222222222222222.mjs', old);
    file(dir, 'pac-worker-3333333333333333.mjs', 1000);
    file(dir, '.pac-worker-4444444444444444.mjs.123.0123456789ab.tmp', old);
    file(dir, 'pac-worker-5555555555555555.mjs.77.tmp', old);
    file(dir, 'typedoc-abc.json', old);
    file(dir, 'pac-worker-notahash.mjs', old);
    const removed = removeOtherBundles(dir, 'pac-worker-1111111111111111.mjs');
    expect(removed.sort()).toEqual([
      '.pac-worker-4444444444444444.mjs.123.0123456789ab.tmp',
      'pac-worker-2222222222222222.mjs',
      'pac-worker-5555555555555555.mjs.77.tmp',
    ]);
    for (const name of [
      'pac-worker-1111111111111111.mjs',
      'pac-worker-3333333333333333.mjs',
      'typedoc-abc.json',
      'pac-worker-notahash.mjs',
    ]) {
      expect(existsSync(path.join(dir, name))).toBe(true);
    }
  });

  it('leaves a directory that does not exist alone', () => {
    expect(removeOtherBundles(path.join(os.tmpdir(), `no-such-${process.pid}-dir`), 'x')).toEqual([]);
  });
});

describe('checkoutWorkerBundle', () => {
  it('writes its bundle again when it was removed, and removes the stale bundles of other contents then', () => {
    const url = checkoutWorkerBundle();
    expect(url).not.toBeNull();
    const bundle = fileURLToPath(url!);
    const dir = path.dirname(bundle);
    const text = readFileSync(bundle, 'utf8');
    mkdirSync(dir, { recursive: true });
    const stale = file(dir, 'pac-worker-0000000000000000.mjs', STALE_BUNDLE_MS + 60_000);
    const recent = file(dir, 'pac-worker-0000000000000001.mjs', 0);
    rmSync(bundle);
    expect(checkoutWorkerBundle()?.href).toBe(url!.href);
    expect(readFileSync(bundle, 'utf8')).toBe(text);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('marks its bundle used each time a thread starts from it', () => {
    const bundle = fileURLToPath(checkoutWorkerBundle()!);
    const long = new Date(Date.now() - STALE_BUNDLE_MS * 2);
    utimesSync(bundle, long, long);
    checkoutWorkerBundle();
    expect(removeOtherBundles(path.dirname(bundle), 'pac-worker-ffffffffffffffff.mjs')).not.toContain(path.basename(bundle));
    expect(existsSync(bundle)).toBe(true);
  });
});
