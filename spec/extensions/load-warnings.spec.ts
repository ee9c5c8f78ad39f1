// ses.loadExtension's install warnings: an extension that loads with
// warnings still resolves, and the warnings reach the app as one process
// warning of type ExtensionLoadWarning ("Warnings loading extension at D:"
// then the warnings, on one line in Electron 9, one indented line each
// later). Electron 15+ drops the "Unrecognized manifest key" ones and
// deletes a `_metadata` folder before loading; Manifest V2 draws a
// deprecation warning from Chromium 100 on.

import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  fixture,
  manifestOf,
  mv2Deprecation,
  persistentSession,
  takeLoadWarnings,
  warningText,
  writeExtension,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'should',
  basis: 'electron',
  summary: "Install warnings become one ExtensionLoadWarning in the era's layout; the extension still loads.",
});

const t = useTarget(meta);

const pemKey =
  '-----BEGIN PRIVATE KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDN6hM0rsDYGbzQPQfOygqlRtQgKUXMfnSjhIBL7LnReAVBEd7ZmKtyN2qmSasMl4HZpMhVe2rPWVVwBDl6iyNE\n-----END PRIVATE KEY-----\n';

beforeEach(async (ctx) => {
  // Warnings of earlier tests (or files) are not this test's.
  if (!(ctx.task.meta as { conformance?: { gate?: unknown } }).conformance?.gate) await takeLoadWarnings(t);
});

async function loadWithWarnings(
  manifest: Record<string, unknown>,
  files: Record<string, string | Buffer> = {},
): Promise<{ dir: string; warnings: string[] }> {
  const dir = await writeExtension(join(await t.tempDir(), 'warned'), manifest, files);
  await persistentSession(t).loadExtension(dir);
  return { dir, warnings: await takeLoadWarnings(t) };
}

describe('ses.loadExtension install warnings', () => {
  it('emits nothing for a Manifest V3 extension Chromium is content with', async () => {
    const { warnings } = await loadWithWarnings(manifestOf(3, { permissions: ['storage'] }));
    expect(warnings).toEqual([]);
  });

  it('warns once about Manifest V2 from Chromium 100 on, nothing before', async () => {
    await persistentSession(t).loadExtension(fixture('mv2-basic'));
    const deprecation = mv2Deprecation(t.era);
    expect(await takeLoadWarnings(t)).toEqual(deprecation.length ? [warningText(t.era, fixture('mv2-basic'), deprecation)] : []);
  });

  it('warns about permissions it does not know, in the order they are listed; Manifest V3 about host patterns too', async () => {
    const { dir, warnings } = await loadWithWarnings(
      manifestOf(3, { permissions: ['notAPermission', 'storage', 'alsoUnknown', '<all_urls>'] }),
    );
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        "Permission 'notAPermission' is unknown or URL pattern is malformed.",
        "Permission 'alsoUnknown' is unknown or URL pattern is malformed.",
        "Permission '<all_urls>' is unknown or URL pattern is malformed.",
      ]),
    ]);
  });

  it('takes host patterns among Manifest V2 permissions, warning only about a malformed one', async () => {
    const { dir, warnings } = await loadWithWarnings(
      manifestOf(2, { permissions: ['<all_urls>', 'https://*.example.com/', 'http://', 'storage'] }),
    );
    expect(warnings).toEqual([
      warningText(t.era, dir, [...mv2Deprecation(t.era), "Permission 'http://' is unknown or URL pattern is malformed."]),
    ]);
  });

  it('warns about unrecognized manifest keys until Electron 15, which drops those warnings', async () => {
    const { dir, warnings } = await loadWithWarnings(
      manifestOf(3, { zz_custom: true, browser_action: {}, update_url: 'https://example.test/' }),
    );
    if (t.era === 'e9' || t.era === 'e12') {
      expect(warnings).toEqual([
        warningText(t.era, dir, [
          "Unrecognized manifest key 'browser_action'.",
          "Unrecognized manifest key 'update_url'.",
          "Unrecognized manifest key 'zz_custom'.",
        ]),
      ]);
    } else {
      expect(warnings.join('')).not.toContain('Unrecognized manifest key');
    }
  });

  it('warns about a top-level name starting with "_", after the manifest warnings', async () => {
    const { dir, warnings } = await loadWithWarnings(manifestOf(3, { permissions: ['bogus'] }), {
      '_private/data.txt': 'x',
      '__MACOSX/kept': 'allowed name',
    });
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        "Permission 'bogus' is unknown or URL pattern is malformed.",
        'Cannot load extension with file or directory name _private. Filenames starting with "_" are reserved for use by the system.',
      ]),
    ]);
  });

  it('keeps a _metadata folder and warns about it until Electron 15, which deletes it before loading', async () => {
    const dir = await writeExtension(join(await t.tempDir(), 'metadata'), manifestOf(3), {
      '_metadata/verified_contents.json': '[]',
    });
    await persistentSession(t).loadExtension(dir);
    const warnings = await takeLoadWarnings(t);
    const kept = await access(join(dir, '_metadata')).then(
      () => true,
      () => false,
    );
    if (t.era === 'e9' || t.era === 'e12') {
      expect(kept).toBe(true);
      expect(warnings).toEqual([
        warningText(t.era, dir, [
          'Cannot load extension with file or directory name _metadata. Filenames starting with "_" are reserved for use by the system.',
        ]),
      ]);
    } else {
      expect(kept).toBe(false);
      expect(warnings).toEqual([]);
    }
  });

  it('warns about a private key left in the folder, naming its path', async () => {
    const dir = join(await t.tempDir(), 'with-key');
    await writeExtension(dir, manifestOf(3));
    await mkdir(join(dir, 'keys'));
    await writeFile(join(dir, 'keys', 'key.pem'), pemKey);
    await writeFile(join(dir, 'keys', 'not-a-key.pem'), 'hello');
    await persistentSession(t).loadExtension(dir);
    expect(await takeLoadWarnings(t)).toEqual([
      warningText(t.era, dir, [
        `This extension includes the key file '${join(dir, 'keys', 'key.pem')}'. You probably don't want to do that.`,
      ]),
    ]);
  });

  t.itInEras('>=e17', 'loads a manifest_version above 3 with a warning', async () => {
    const { dir, warnings } = await loadWithWarnings(manifestOf(4));
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        'The maximum currently-supported manifest version is 3, but this is 4.  Certain features may not work as expected.',
      ]),
    ]);
  });

  t.itInEras('current', "warns about keys and permissions the manifest's version does not allow", async () => {
    const { dir, warnings } = await loadWithWarnings(
      manifestOf(2, { host_permissions: ['<all_urls>'], permissions: ['scripting'] }),
    );
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        "'host_permissions' requires manifest version of at least 3.",
        ...mv2Deprecation(t.era),
        "'scripting' requires manifest version of at least 3.",
      ]),
    ]);
  });
});
