// The files compiled code reads beside itself (JSON Schemas and inventories,
// the report page's style and script, the CommonJS agent kit and link worker,
// the entry modules of worker threads):
// copied into dist/ at the same relative paths, so `new URL('./x', import.meta.url)`
// finds them from the compiled code as it does from the sources.

import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Source folders whose non-TypeScript files the compiled code needs. */
export const ASSET_ROOTS = ['contract', 'harness', 'reference', 'fixtures'];

function isAsset(name: string): boolean {
  if (name.endsWith('.ts') || name.endsWith('.d.cts')) return false;
  return ['.json', '.css', '.js', '.cjs', '.mjs'].includes(path.extname(name));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return isAsset(entry.name) ? [full] : [];
  });
}

/** Copies every asset under root's ASSET_ROOTS into outDir; returns how many. */
export function copyAssets(root: string, outDir: string): number {
  let count = 0;
  for (const folder of ASSET_ROOTS) {
    for (const file of walk(path.join(root, folder))) {
      const target = path.join(outDir, path.relative(root, file));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
      count++;
    }
  }
  return count;
}
