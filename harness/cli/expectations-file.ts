// Where a project keeps its known failures: expectations/<implementation>.yaml
// in the folder the command runs in, one file per implementation (named from
// the name it reports), never inside the installed package.

import path from 'node:path';

export const EXPECTATIONS_DIR = 'expectations';

/** `session-conformance reference` -> `session-conformance-reference`. */
export function implementationSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'implementation'
  );
}

export function defaultExpectationsFile(implementationName: string, cwd: string = process.cwd()): string {
  return path.join(cwd, EXPECTATIONS_DIR, `${implementationSlug(implementationName)}.yaml`);
}
