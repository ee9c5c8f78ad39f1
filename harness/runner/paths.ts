// Where the package is: the folder whose package.json names session-conformance
// (it holds spec/, contract/ and fixtures/). Found by walking up from this file,
// so the same code works from the sources and from the compiled dist/.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version?: string;
}

function findPackage(): { root: string; manifest: PackageJson } {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (manifest.name === 'session-conformance') return { root: dir, manifest };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`session-conformance: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

const found = findPackage();

export const REPO_ROOT = found.root;
/** The suite's version (package.json), recorded in every report. */
export const PACKAGE_VERSION = found.manifest.version ?? '0.0.0';
