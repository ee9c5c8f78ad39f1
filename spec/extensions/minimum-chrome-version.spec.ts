// The minimum_chrome_version manifest key, which Electron checks since 27
// (it registers Chromium's MinimumChromeVersionChecker): a version above the
// build's Chromium refuses the load, naming the version as written; one at
// or below it loads; anything that is no base::Version string (dot-separated
// numbers, the first without leading zeros) is an invalid value.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { failureOf, manifestOf, persistentSession, writeExtension } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: 'current',
  requires: ['extensions'],
  level: 'should',
  basis: 'chromium',
  summary:
    "An extension asking for a newer Chromium than the build is refused with Chromium's message; a malformed minimum_chrome_version is an invalid value.",
});

const t = useTarget(meta);

let folders = 0;
async function folderWith(value: unknown): Promise<string> {
  folders += 1;
  return writeExtension(join(await t.tempDir(), `min-${folders}`), manifestOf(3, { minimum_chrome_version: value }));
}

const failed = (dir: string, message: string) => `Loading extension at ${dir} failed with: ${message}`;

describe('ses.loadExtension with minimum_chrome_version', () => {
  it('refuses a version above the Chromium of the build, naming it as written', async () => {
    for (const version of ['999', '999.01', '1000.0.0.0']) {
      const dir = await folderWith(version);
      expect(await failureOf(persistentSession(t).loadExtension(dir))).toBe(
        failed(dir, `This extension requires Chromium version ${version} or greater.`),
      );
    }
  });

  it('loads an extension whose minimum version the build meets', async () => {
    for (const version of ['1', '100.0.0.0', '100.00', '0']) {
      const ses = persistentSession(t);
      const extension = await ses.loadExtension(await folderWith(version));
      expect(extension.manifest.minimum_chrome_version).toBe(version);
      expect(ses.getExtension(extension.id)).toEqual(extension);
    }
  });

  it("refuses a value that is no version string as an invalid 'minimum_chrome_version'", async () => {
    for (const value of [999, ['999'], '', 'abc', '1.x', '01', ' 1', '1..2', '+1', '1.', '4294967296']) {
      const dir = await folderWith(value);
      expect(await failureOf(persistentSession(t).loadExtension(dir)), JSON.stringify(value)).toBe(
        failed(dir, "Invalid value for 'minimum_chrome_version'."),
      );
    }
  });
});
