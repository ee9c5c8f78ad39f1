// ses.loadExtension's failures, in Electron's order: a path that is not a
// string throws at once; then the promise rejects for a relative path
// (Electron 12+), for an in-memory session, for a missing directory, and
// with "Loading extension at <dir> failed with: <Chromium's message>" for a
// folder Chromium's unpacked loader refuses.

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  failureOf,
  fixture,
  idOfKey,
  inMemorySession,
  manifestOf,
  persistentSession,
  PNG,
  thrown,
  writeExtension,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'chromium',
  summary:
    "Bad paths throw or reject in Electron's order; refused folders reject with the message of Chromium's unpacked loader.",
});

const t = useTarget(meta);

const legacyChromium = () => t.era === 'e9' || t.era === 'e12';
/** Electron 39's Chromium reads JSON with the Rust parser, whose errors are worded as serde words them. */
const rustJson = () => t.era === 'current';
const failed = (dir: string, message: string) => `Loading extension at ${dir} failed with: ${message}`;

async function loadFailure(
  manifest: Record<string, unknown> | string,
  files: Record<string, string | Buffer> = {},
): Promise<{ dir: string; message: string }> {
  const dir = await writeExtension(join(await t.tempDir(), 'ext'), manifest, files);
  return { dir, message: await failureOf(persistentSession(t).loadExtension(dir)) };
}

describe('ses.loadExtension argument errors', () => {
  it('throws a TypeError at once for a path that is not a string', () => {
    const ses = persistentSession(t);
    const style = t.era === 'e9' ? 'native' : 'gin';
    for (const [value, described] of [
      [5, style === 'native' ? '5' : ''],
      [true, style === 'native' ? 'true' : ''],
      [undefined, 'undefined'],
    ] as const) {
      const error = thrown(() => ses.loadExtension(value));
      expect(error).toBeInstanceOf(TypeError);
      expect(error?.message).toBe(`Error processing argument at index 0, conversion failure from ${described}`);
    }
  });

  it('throws for a missing path', () => {
    const error = thrown(() => persistentSession(t).loadExtension());
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toBe('Insufficient number of arguments.');
  });

  it('reads null and the empty string as the empty path', async () => {
    for (const value of [null, '']) {
      const message = await failureOf(persistentSession(t).loadExtension(value));
      expect(message).toBe(
        t.era === 'e9' ? 'Extension directory not found: ' : "The path to the extension in 'loadExtension' must be absolute",
      );
    }
  });
});

describe('ses.loadExtension rejections before loading', () => {
  t.itInEras('>=e12', 'rejects a relative path, before anything else', async () => {
    for (const ses of [persistentSession(t), inMemorySession(t)]) {
      await expect(ses.loadExtension('fixtures/extensions/mv2-basic')).rejects.toThrow(
        "The path to the extension in 'loadExtension' must be absolute",
      );
    }
  });

  it('rejects in an in-memory session, whatever the folder', async () => {
    for (const path of [fixture('mv2-basic'), join(await t.tempDir(), 'missing')]) {
      await expect(inMemorySession(t).loadExtension(path)).rejects.toThrow('Extensions cannot be loaded in a temporary session');
    }
  });

  it('rejects a folder that does not exist, or is a file', async () => {
    const missing = join(await t.tempDir(), 'nothing here');
    expect(await failureOf(persistentSession(t).loadExtension(missing))).toBe(`Extension directory not found: ${missing}`);
    const file = fixture('mv2-basic', 'background.js');
    expect(await failureOf(persistentSession(t).loadExtension(file))).toBe(`Extension directory not found: ${file}`);
  });

  it('rejects with an Error (not a TypeError) and keeps the session empty', async () => {
    const ses = persistentSession(t);
    const error = await ses.loadExtension(fixture('broken', 'missing-name')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(ses.getAllExtensions()).toEqual([]);
  });
});

describe('ses.loadExtension refuses the broken fixture folders', () => {
  const expected: Record<string, () => string> = {
    'no-manifest': () => 'Manifest file is missing or unreadable',
    'invalid-json': () =>
      rustJson()
        ? 'Manifest is not valid JSON.  trailing comma at line 5 column 1'
        : 'Manifest is not valid JSON.  Line: 5, column: 2, Trailing comma not allowed.',
    'not-an-object': () => 'Manifest file is invalid',
    'missing-name': () => "Required value 'name' is missing or invalid.",
    'missing-version': () =>
      "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.",
    'invalid-version': () =>
      "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.",
    'invalid-key': () => "Value 'key' is missing or invalid.",
    'manifest-version-1': () =>
      legacyChromium()
        ? "The 'manifest_version' key must be present and set to 2 (without quotes). See developer.chrome.com/extensions/manifestVersion.html for details."
        : "Invalid value for 'manifest_version'. Must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details.",
    'no-manifest-version': () =>
      legacyChromium()
        ? "The 'manifest_version' key must be present and set to 2 (without quotes). See developer.chrome.com/extensions/manifestVersion.html for details."
        : "Missing 'manifest_version' key. Its value must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details.",
    'missing-icon': () => "Could not load icon 'icon48.png' specified in 'icons'.",
    'missing-background-script': () => "Could not load background script 'missing.js'.",
  };
  for (const [folder, message] of Object.entries(expected)) {
    it(`${folder}`, async () => {
      const dir = fixture('broken', folder);
      expect(await failureOf(persistentSession(t).loadExtension(dir))).toBe(failed(dir, message()));
    });
  }
});

describe('ses.loadExtension reads manifest.json as Chromium parses JSON', () => {
  it('accepts // and /* */ comments', async () => {
    const dir = await writeExtension(
      join(await t.tempDir(), 'comments'),
      '/* head */ {\n // a line\n "manifest_version": 3, "name": "C", /* mid */ "version": "1"\n}\n',
    );
    expect((await persistentSession(t).loadExtension(dir)).name).toBe('C');
  });

  // The C++ parser's words (Chromium before the Rust parser), then serde's (Electron 39's Chromium).
  for (const [title, text, cppError, rustError] of [
    [
      'an unquoted key',
      '{\n  manifest_version: 3\n}',
      'Line: 2, column: 4, Dictionary keys must be quoted.',
      'key must be a string at line 2 column 3',
    ],
    [
      'a trailing comma in a list',
      '{"permissions": ["storage",]}',
      'Line: 1, column: 28, Trailing comma not allowed.',
      'trailing comma at line 1 column 28',
    ],
    [
      'data after the object',
      '{"name": "x"} {}',
      'Line: 1, column: 15, Unexpected data after root element.',
      'trailing characters at line 1 column 15',
    ],
    [
      'an unterminated string',
      '{"name": "x',
      'Line: 1, column: 10, Syntax error.',
      'EOF while parsing a string at line 1 column 11',
    ],
    ['a missing colon', '{"name" "x"}', 'Line: 1, column: 9, Syntax error.', 'expected `:` at line 1 column 9'],
    ['an empty file', '', 'Line: 1, column: 1, Unexpected token.', 'EOF while parsing a value at line 1 column 0'],
    ['a bad escape', '{"name": "a\\qb"}', 'Line: 1, column: 13, Invalid escape sequence.', 'invalid escape at line 1 column 13'],
    [
      'a single-quoted string',
      "{'name': 'x'}",
      'Line: 1, column: 2, Dictionary keys must be quoted.',
      'key must be a string at line 1 column 2',
    ],
  ] as const) {
    it(`refuses ${title} with its line and column`, async () => {
      const { dir, message } = await loadFailure(text);
      expect(message).toBe(failed(dir, `Manifest is not valid JSON.  ${rustJson() ? rustError : cppError}`));
    });
  }
});

describe('ses.loadExtension checks the manifest in Chromium order', () => {
  it('checks the key before the manifest version, the manifest version before the name, the name before the version', async () => {
    const key = await loadFailure({ key: 12, manifest_version: 1 });
    expect(key.message).toBe(failed(key.dir, "Value 'key' is missing or invalid."));
    const version = await loadFailure({ manifest_version: 1 });
    expect(version.message).toContain("'manifest_version'");
    const name = await loadFailure({ manifest_version: 2, version: 'x' });
    expect(name.message).toBe(failed(name.dir, "Required value 'name' is missing or invalid."));
  });

  it('wants manifest_version to be an integer: "2" and 2.0 are refused', async () => {
    for (const value of ['2', 2.0]) {
      const text = `{"manifest_version": ${typeof value === 'string' ? '"2"' : '2.0'}, "name": "n", "version": "1"}`;
      const { dir, message } = await loadFailure(text);
      expect(message).toBe(
        failed(
          dir,
          legacyChromium()
            ? "Invalid value for 'manifest_version'. Must be an integer greater than zero."
            : "Invalid value for 'manifest_version'. Must be an integer either 2 or 3. See developer.chrome.com/extensions/manifestVersion for details.",
        ),
      );
    }
  });

  it('refuses a name that is not a string; an empty one only from Electron 17', async () => {
    const numeric = await loadFailure(manifestOf(3, { name: 42 }));
    expect(numeric.message).toBe(failed(numeric.dir, "Required value 'name' is missing or invalid."));
    const dir = await writeExtension(join(await t.tempDir(), 'empty-name'), manifestOf(3, { name: '' }));
    const outcome = await persistentSession(t)
      .loadExtension(dir)
      .then(
        (e) => e.name,
        (e: Error) => e.message,
      );
    expect(outcome).toBe(legacyChromium() ? '' : failed(dir, "Required value 'name' is missing or invalid."));
  });

  it('refuses version_name, description and short_name of the wrong type', async () => {
    for (const [extra, error] of [
      [{ version_name: 1 }, "Invalid value for 'version_name'."],
      [{ description: ['x'] }, "Invalid value for 'description'."],
      [{ short_name: '' }, "Invalid value for 'short_name'."],
      [{ permissions: 'storage' }, "Invalid value for 'permissions'."],
    ] as const) {
      const { dir, message } = await loadFailure(manifestOf(3, extra));
      expect(message).toBe(failed(dir, error));
    }
  });

  it('wants a _locales folder to come with its default_locale', async () => {
    const { dir, message } = await loadFailure(manifestOf(3), { '_locales/en/messages.json': '{}' });
    expect(message).toBe(failed(dir, "Localization used, but default_locale wasn't specified in the manifest."));
  });

  it('refuses an invalid key, and reads a PEM-wrapped key as the bare one', async () => {
    const bad = await loadFailure(manifestOf(3, { key: 'bm90IGEga2V5' + '!' }));
    expect(bad.message).toBe(failed(bad.dir, "Value 'key' is missing or invalid."));
    const key =
      'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDN6hM0rsDYGbzQPQfOygqlRtQgKUXMfnSjhIBL7LnReAVBEd7ZmKtyN2qmSasMl4HZpMhVe2rPWVVwBDl6iyNE/Kok6E6v6V3vCLGsOpQAuuNVye/3QxzIldzG/jQAdWZiyXReRVapOhZtLjGfywCvlWq7Sl/e3sbc0vWybSDI2QIDAQAB';
    const pem = `-----BEGIN PUBLIC KEY-----\n${key.slice(0, 64)}\n${key.slice(64, 128)}\n${key.slice(128)}\n-----END PUBLIC KEY-----\n`;
    const dir = await writeExtension(join(await t.tempDir(), 'pem'), manifestOf(3, { key: pem }));
    const { id } = await persistentSession(t, 'pem').loadExtension(dir);
    expect(id).toBe(idOfKey(key));
    expect(id).toBe('mhjfbmdgcfjbbpaeojofohoefgiehjai');
  });
});

describe('ses.loadExtension checks the files the manifest names', () => {
  it('refuses an icon file that is missing or empty', async () => {
    const empty = await loadFailure(manifestOf(3, { icons: { '32': 'empty.png' } }), { 'empty.png': '' });
    expect(empty.message).toBe(failed(empty.dir, "Could not load icon 'empty.png' specified in 'icons'."));
    const ok = await writeExtension(join(await t.tempDir(), 'icon'), manifestOf(3, { icons: { '32': '/icon.png' } }), {
      'icon.png': PNG,
    });
    expect((await persistentSession(t).loadExtension(ok)).manifest.icons).toEqual({ '32': '/icon.png' });
  });

  it('refuses icons that are not a dictionary of sizes to paths', async () => {
    const list = await loadFailure(manifestOf(3, { icons: ['icon.png'] }));
    expect(list.message).toBe(failed(list.dir, "Invalid value for 'icons'."));
    const key = await loadFailure(manifestOf(3, { icons: { big: 'icon.png' } }));
    expect(key.message).toBe(
      failed(key.dir, legacyChromium() ? 'Invalid value for \'icons["big"]\'.' : 'Invalid key in icons: "big".'),
    );
  });

  it('does not read an icon outside the folder through ..', async () => {
    const base = await t.tempDir();
    await writeFile(join(base, 'outside.png'), PNG);
    const dir = await writeExtension(join(base, 'ext'), manifestOf(3, { icons: { '16': '../outside.png' } }));
    const message = await failureOf(persistentSession(t).loadExtension(dir));
    expect(message).toBe(
      failed(
        dir,
        legacyChromium() ? "Could not load icon '../outside.png' specified in 'icons'." : 'Invalid value for \'icons["16"]\'.',
      ),
    );
  });

  it('follows a link inside the folder wherever it points (Electron loads with FOLLOW_SYMLINKS_ANYWHERE)', async () => {
    const base = await t.tempDir();
    await writeFile(join(base, 'shared.png'), PNG);
    const dir = await writeExtension(join(base, 'linked'), manifestOf(3, { icons: { '16': 'link.png' } }));
    await symlink(join(base, 'shared.png'), join(dir, 'link.png'));
    expect((await persistentSession(t).loadExtension(dir)).id).toMatch(/^[a-p]{32}$/);
  });

  it('refuses missing background scripts, pages and service workers', async () => {
    const script = await loadFailure(manifestOf(2, { background: { scripts: ['present.js', 'lib/absent.js'] } }), {
      'present.js': '',
    });
    expect(script.message).toBe(failed(script.dir, "Could not load background script 'lib/absent.js'."));
    // Chromium up to the 90s names the missing page as written; later ones by its resolved path, empty when missing.
    const page = await loadFailure(manifestOf(2, { background: { page: 'bg.html' } }));
    expect(page.message).toBe(failed(page.dir, `Could not load background page '${legacyChromium() ? 'bg.html' : ''}'.`));
    const worker = await loadFailure(manifestOf(3, { background: { service_worker: 'worker.js' } }));
    expect(worker.message).toBe(failed(worker.dir, `Could not load background script '${legacyChromium() ? 'worker.js' : ''}'.`));
  });

  it('refuses a malformed background', async () => {
    for (const [background, error] of [
      [{ scripts: 'bg.js' }, "Invalid value for 'background.scripts'."],
      [{ scripts: ['ok.js', 7] }, "Invalid value for 'background.scripts[1]'."],
      [{ page: 3 }, "Invalid value for 'background_page'."],
      [
        { page: 'a.html', scripts: ['ok.js'] },
        "Only one of 'background.page', 'background.scripts', and 'background.service_worker' can be specified.",
      ],
      [{ persistent: false }, 'Must specify one of background.page or background.scripts to use background.persistent.'],
    ] as const) {
      const { dir, message } = await loadFailure(manifestOf(2, { background }), { 'ok.js': '', 'a.html': '' });
      expect(message).toBe(failed(dir, error));
    }
  });

  it('loads a folder whose manifest names files that all exist', async () => {
    const dir = join(await t.tempDir(), 'complete');
    await mkdir(dir);
    await writeExtension(dir, manifestOf(2, { background: { scripts: ['bg.js'] }, icons: { '48': 'i/48.png' } }), {
      'bg.js': '//',
      'i/48.png': PNG,
    });
    const loaded = await persistentSession(t).loadExtension(dir);
    expect(loaded.path).toBe(dir);
  });
});
