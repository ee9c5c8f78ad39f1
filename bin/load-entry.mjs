// Loads a module of the package by its source path. In a checkout (tsconfig.json
// beside package.json) that is the TypeScript source, through tsx, so a stale
// build never runs; in an installed package, its compiled twin in dist/, which
// needs no TypeScript loader.
import { existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);

export const IS_CHECKOUT = existsSync(new URL('tsconfig.json', ROOT));

let registered = false;

/** `relative`: a source path from the package root, e.g. `harness/cli/main.ts`. */
export async function loadEntry(relative) {
  if (IS_CHECKOUT) {
    if (!registered) {
      const { register } = await import('tsx/esm/api');
      register();
      registered = true;
    }
    return import(new URL(relative, ROOT).href);
  }
  return import(new URL(`dist/${relative.replace(/\.ts$/, '.js')}`, ROOT).href);
}
