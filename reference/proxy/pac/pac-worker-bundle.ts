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

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] };
}

let bundle: URL | null | undefined;

/** The bundle, or null where there are no sources (a build) or no esbuild: the worker entry then finds its own way. */
export function checkoutWorkerBundle(): URL | null {
  if (bundle !== undefined) return bundle;
  bundle = null;
  try {
    const source = fileURLToPath(new URL('./pac-worker.ts', import.meta.url));
    const root = path.resolve(path.dirname(source), '../../..');
    if (!existsSync(source) || !existsSync(path.join(root, 'tsconfig.json'))) return bundle;
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
    const text = outputFiles[0]!.text;
    const dir = path.join(root, 'node_modules', '.cache', 'session-conformance');
    const file = path.join(dir, `pac-worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, file);
    }
    bundle = pathToFileURL(file);
  } catch {
    bundle = null;
  }
  return bundle;
}
