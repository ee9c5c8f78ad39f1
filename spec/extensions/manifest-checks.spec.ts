// Manifest checks the differential against Chromium
// (chromium-differential.spec.ts) found the reference missing, each as an
// ordinary example: web_accessible_resources is checked at load (the shape
// its generated types want, then the Manifest V3 entry rules), permission
// entries must be names or one-key dictionaries and their warnings come in
// Chromium's order, a default_locale wants a _locales folder, and Electron
// 39's Chromium reads manifest.json with the Rust JSON parser (serde's
// words; raw control characters other than line breaks and \v escapes
// refused, \x escapes and raw line breaks taken).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  failureOf,
  manifestOf,
  mv2Deprecation,
  persistentSession,
  PNG,
  takeLoadWarnings,
  warningText,
  writeExtension,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'chromium',
  summary:
    "web_accessible_resources, permission entries, default_locale and manifest JSON are checked as Chromium's loader checks them.",
});

const t = useTarget(meta);
const failed = (dir: string, message: string) => `Loading extension at ${dir} failed with: ${message}`;

async function folder(manifest: Record<string, unknown> | string, files: Record<string, string | Buffer> = {}): Promise<string> {
  return writeExtension(join(await t.tempDir(), 'checked'), manifest, files);
}

async function failure(manifest: Record<string, unknown> | string, files: Record<string, string | Buffer> = {}) {
  const dir = await folder(manifest, files);
  return { dir, message: await failureOf(persistentSession(t).loadExtension(dir)) };
}

describe('web_accessible_resources at load', () => {
  const war = (manifestVersion: number, value: unknown) => manifestOf(manifestVersion, { web_accessible_resources: value });
  const keyError = (detail: string) => `Error at key 'web_accessible_resources'. ${detail}`;

  t.itInEras('current', 'refuses entries of the form of the other manifest version, and a value that is no list', async () => {
    for (const [manifest, message] of [
      [war(3, ['page.html']), keyError('Parsing array failed at index 0: expected dictionary, got string')],
      [
        war(2, [{ resources: ['page.html'], matches: ['<all_urls>'] }]),
        keyError('Parsing array failed at index 0: expected string, got dictionary'),
      ],
      [war(2, ['a.html', 5]), keyError('Parsing array failed at index 1: expected string, got integer')],
      [war(3, 'page.html'), keyError('Type is invalid. Expected list, found string.')],
    ] as const) {
      const { dir, message: actual } = await failure(manifest);
      expect(actual).toBe(failed(dir, message));
    }
  });

  t.itInEras('current', 'wants resources in every Manifest V3 entry, as a list of strings', async () => {
    for (const [entry, message] of [
      [{ matches: ['<all_urls>'] }, keyError("Parsing array failed at index 0: 'resources' is required")],
      [
        { resources: [5], matches: ['<all_urls>'] },
        keyError(
          "Parsing array failed at index 0: Error at key 'resources': Parsing array failed at index 0: expected string, got integer",
        ),
      ],
    ] as const) {
      const { dir, message: actual } = await failure(war(3, [entry]));
      expect(actual).toBe(failed(dir, message));
    }
  });

  t.itInEras('current', 'wants each Manifest V3 entry to say who may load it, with match patterns whose path is /*', async () => {
    const onlyResources = await failure(war(3, [{ resources: ['a.html'], matches: ['<all_urls>'] }, { resources: ['b.html'] }]));
    expect(onlyResources.message).toBe(
      failed(
        onlyResources.dir,
        "Invalid value for 'web_accessible_resources[1]'. Entry must at least have resources, and one other valid key.",
      ),
    );
    const badMatch = await failure(war(3, [{ resources: ['a.html'], matches: ['https://a.test/path'] }]));
    expect(badMatch.message).toBe(
      failed(badMatch.dir, "Invalid value for 'web_accessible_resources[0]'. Invalid match pattern."),
    );
    for (const entry of [
      { resources: ['a.html'], use_dynamic_url: true },
      { resources: ['a.html'], extension_ids: ['*'] },
    ]) {
      const dir = await folder(war(3, [entry]));
      expect((await persistentSession(t).loadExtension(dir)).name).toBe('Spec extension');
    }
  });

  t.itInEras('current', 'is checked after background and icons are parsed, before short_name', async () => {
    const afterBackground = await failure(manifestOf(3, { web_accessible_resources: 'x', background: { service_worker: 5 } }));
    expect(afterBackground.message).toBe(failed(afterBackground.dir, "Invalid value for 'background.service_worker'."));
    const afterIcons = await failure(manifestOf(3, { web_accessible_resources: 'x', icons: { abc: 'i.png' } }));
    expect(afterIcons.message).toBe(failed(afterIcons.dir, 'Invalid key in icons: "abc".'));
    const beforeShortName = await failure(manifestOf(3, { web_accessible_resources: 'x', short_name: 3 }));
    expect(beforeShortName.message).toBe(failed(beforeShortName.dir, keyError('Type is invalid. Expected list, found string.')));
  });
});

describe('permission entries', () => {
  it('refuses an entry that is neither a name nor a dictionary of one name', async () => {
    for (const permissions of [
      ['storage', 5],
      ['storage', null],
      ['storage', { a: 1, b: 2 }],
    ]) {
      const { dir, message } = await failure(manifestOf(3, { permissions }));
      expect(message).toBe(failed(dir, "Invalid value for 'permissions[1]'."));
    }
  });

  t.itInEras(
    'current',
    'warns about permissions limited to Manifest V3 first, in permission-id order, then about unknown ones',
    async () => {
      await takeLoadWarnings(t);
      const dir = await folder(
        manifestOf(2, { permissions: ['readingList', 'bogus', 'scripting', 'tabGroups', 'sidePanel', 'https://*.a.test/'] }),
      );
      await persistentSession(t).loadExtension(dir);
      expect(await takeLoadWarnings(t)).toEqual([
        warningText(t.era, dir, [
          ...mv2Deprecation(t.era),
          "'tabGroups' requires manifest version of at least 3.",
          "'scripting' requires manifest version of at least 3.",
          "'sidePanel' requires manifest version of at least 3.",
          "'readingList' requires manifest version of at least 3.",
          "Permission 'bogus' is unknown or URL pattern is malformed.",
        ]),
      ]);
    },
  );
});

describe('default_locale', () => {
  it('refuses a default_locale without a _locales folder, after the files the manifest names', async () => {
    const alone = await failure(manifestOf(3, { default_locale: 'en' }));
    expect(alone.message).toBe(failed(alone.dir, 'Default locale was specified, but _locales subtree is missing.'));
    const withIcon = await failure(manifestOf(3, { default_locale: 'en', icons: { 16: 'missing.png' } }));
    expect(withIcon.message).toBe(failed(withIcon.dir, "Could not load icon 'missing.png' specified in 'icons'."));
  });

  it('loads a default_locale whose _locales folder is there', async () => {
    const dir = await folder(manifestOf(3, { default_locale: 'en', icons: { 16: 'i.png' } }), {
      '_locales/en/messages.json': '{"x": {"message": "X"}}',
      'i.png': PNG,
    });
    expect((await persistentSession(t).loadExtension(dir)).name).toBe('Spec extension');
  });
});

describe("manifest.json strings as Electron 39's Chromium reads them", () => {
  const named = (name: string) => `{"manifest_version": 3, "version": "1.0", "name": "${name}"}`;

  t.itInEras('current', 'refuses raw control characters other than line breaks, and \\v escapes', async () => {
    const tab = await failure(named('a\tb'));
    expect(tab.message).toBe(
      failed(
        tab.dir,
        'Manifest is not valid JSON.  control character (\\u0000-\\u001F) found while parsing a string at line 1 column 53',
      ),
    );
    const verticalTab = await failure(named('a\\vb'));
    expect(verticalTab.message).toBe(failed(verticalTab.dir, 'Manifest is not valid JSON.  invalid escape at line 1 column 54'));
  });

  t.itInEras('current', 'takes \\x escapes and raw line breaks', async () => {
    const hex = await folder(named('\\x41'));
    expect((await persistentSession(t).loadExtension(hex)).name).toBe('A');
    const newline = await folder(named('a\nb'));
    expect((await persistentSession(t).loadExtension(newline)).manifest.name).toBe('a\nb');
  });

  t.itInEras('current', 'counts lines at \\n only and columns in bytes up to the one looked at', async () => {
    const crlf = await failure('{\r\n"a": 1\r\n"b": 2}');
    expect(crlf.message).toBe(failed(crlf.dir, 'Manifest is not valid JSON.  expected `,` or `}` at line 3 column 1'));
    const deep = await failure(`${'['.repeat(201)}${']'.repeat(201)}`);
    expect(deep.message).toBe(failed(deep.dir, 'Manifest is not valid JSON.  recursion limit exceeded at line 1 column 200'));
    const leadingZero = await failure('{"a": 01}');
    expect(leadingZero.message).toBe(failed(leadingZero.dir, 'Manifest is not valid JSON.  invalid number at line 1 column 8'));
  });
});
