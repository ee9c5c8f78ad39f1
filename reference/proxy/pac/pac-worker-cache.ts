// Which PAC worker bundles a process may remove when it writes its own:
// those of other contents (left by older sources) and the temp files of
// writers that never renamed theirs. A bundle another process still starts
// threads from is one it touched lately (pac-worker-bundle.ts marks each
// use), so only files untouched for a few minutes go; a process whose
// bundle went anyway writes it again.

import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** How long a bundle or temp file must have been untouched before another process removes it. */
export const STALE_BUNDLE_MS = 5 * 60_000;

const BUNDLE = /^pac-worker-[0-9a-f]{16}\.mjs$/;
/** Temp files: writeFileAtomicSync's, and the plain ones earlier versions wrote. */
const TEMP = /^(?:\.pac-worker-[0-9a-f]{16}\.mjs\.\d+\.[0-9a-f]{12}|pac-worker-[0-9a-f]{16}\.mjs\.\d+)\.tmp$/;

/** Removes from `dir` the bundles other than `keep`, and temp files, that nobody touched for `staleMs`. */
export function removeOtherBundles(dir: string, keep: string, staleMs = STALE_BUNDLE_MS, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (name === keep || !(BUNDLE.test(name) || TEMP.test(name))) continue;
    const file = path.join(dir, name);
    try {
      if (now - statSync(file).mtimeMs < staleMs) continue;
      rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
