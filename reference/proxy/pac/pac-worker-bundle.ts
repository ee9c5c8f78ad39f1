// The PAC thread's code as one JavaScript file, in a checkout. There the
// TypeScript sources have no compiled twin, and a worker does not inherit the
// app's TypeScript loader, so pac-worker-entry.js registers tsx in every new
// thread: a loader thread of its own and every file transformed again, about
// a tenth of a second of CPU per thread (and a thread is replaced after each
// script that hangs, recurses or hoards memory). Bundled once per process
// with esbuild (a devDependency: present exactly where there are sources to
// bundle), every thread starts from plain JavaScript. The file goes under
// node_modules/.cache, named by its content, so that quickjs-emscripten
// resolves from it and processes and runs share it.
//
// Each edit of the sources names a new bundle, so writing one also removes
// the bundles of other contents (pac-worker-cache.ts says which are safe to
// remove); a process whose bundle another removed writes it again before
// its next thread starts from it.

import { createHash } from 'node:crypto';
import { existsSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomicSync } from '../../storage/atomic-file.ts';
import { removeOtherBundles } from './pac-worker-cache.ts';

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

let bundle: { file: string; text: string } | null | undefined;

function bundleText(source: string): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['quickjs-emscripten'],
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

/**
 * Makes sure the bundle is on disk and marks it used now: its modification
 * time is when a process last started a thread from it, which is what
 * keeps other processes from removing it.
 */
function ensureWritten(file: string, text: string): void {
  if (existsSync(file)) {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // A cache that cannot be touched (read-only) is one nobody cleans either; the bundle still serves.
    }
    return;
  }
  writeFileAtomicSync(file, text);
  removeOtherBundles(path.dirname(file), path.basename(file));
}

/** The bundle, or null where there are no sources (a build) or no esbuild: the worker entry then finds its own way. */
export function checkoutWorkerBundle(): URL | null {
  try {
    if (bundle === undefined) {
      bundle = null;
      const source = fileURLToPath(new URL('./pac-worker.ts', import.meta.url));
      const root = path.resolve(path.dirname(source), '../../..');
      if (!existsSync(source) || !existsSync(path.join(root, 'tsconfig.json'))) return null;
      const text = bundleText(source);
      const dir = path.join(root, 'node_modules', '.cache', 'session-conformance');
      const file = path.join(dir, `pac-worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
      bundle = { file, text };
    }
    if (bundle === null) return null;
    ensureWritten(bundle.file, bundle.text);
    return pathToFileURL(bundle.file);
  } catch {
    bundle = null;
    return null;
  }
}
