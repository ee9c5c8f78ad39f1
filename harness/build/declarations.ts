// Declaration files for users: tsc writes them beside the compiled ESM with the
// sources' `.ts` import specifiers, which every TypeScript resolves as `.js` once
// rewritten; the CommonJS entry points get a copy of the declarations they reach
// under dist/cjs/, whose package.json makes TypeScript read them as CommonJS.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RELATIVE_TS = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.ts(['"])/g;

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(full);
    return entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `from './x.ts'` and `import('./x.ts')` in every .d.ts under dir become `.js`. */
export function rewriteDeclarationSpecifiers(dir: string): number {
  let changed = 0;
  for (const file of declarationFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(RELATIVE_TS, '$1$2.js$3');
    if (rewritten !== text) {
      writeFileSync(file, rewritten);
      changed++;
    }
  }
  return changed;
}

const RELATIVE_JS = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]*?\.js)['"]/g;

/** The .d.ts files an entry declaration reaches through relative imports, itself included. */
export function declarationClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_JS)) {
      pending.push(path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.d.ts')));
    }
  }
  return [...seen].sort();
}

/** Copies the closure of each entry (paths relative to fromDir) into toDir, keeping relative paths. */
export function copyDeclarations(fromDir: string, toDir: string, entries: readonly string[]): number {
  const files = new Set(entries.flatMap((entry) => declarationClosure(path.join(fromDir, entry))));
  for (const file of files) {
    const target = path.join(toDir, path.relative(fromDir, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return files.size;
}
