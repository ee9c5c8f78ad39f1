// Host permissions are match patterns that Chromium's URLPattern parses with
// the fixed scheme mask of a loaded extension (Extension::
// kValidHostPermissionSchemes: http, https, file, ftp, ws, wss, chrome and,
// by Electron 39's Chromium, uuid-in-package; never chrome-extension, urn://,
// data, about, javascript or an app's own scheme). The scheme is taken as
// written (so no upper case), "*" stands for http and https and takes no
// numeric port, a host is required but for file, a path is required, and
// "*" may only be a whole host or a leading "*." label. A string that does
// not parse draws the unknown-permission warning; a chrome:// pattern parses
// but draws the invalid-scheme warning; Manifest V3's host_permissions are
// checked the same way, and fail the load only when they are no list of
// strings (checked with permissions, before description). Found by the
// Chromium differential (chromium-differential.spec.ts); Chrome 150 words
// a malformed host_permissions entry "URL pattern 'p' is malformed.", where
// Electron 39's Chromium keeps the unknown-permission wording expected here.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  failureOf,
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
  level: 'must',
  basis: 'chromium',
  summary: "Host permission match patterns are parsed as Chromium's URLPattern parses them, with a loaded extension's schemes.",
});

const t = useTarget(meta);
const unknown = (p: string) => `Permission '${p}' is unknown or URL pattern is malformed.`;

async function warningsFor(manifest: Record<string, unknown>): Promise<{ dir: string; warnings: string[] }> {
  await takeLoadWarnings(t);
  const dir = await writeExtension(join(await t.tempDir(), 'hosts'), manifest);
  const extension = await persistentSession(t).loadExtension(dir);
  persistentSession(t).removeExtension(extension.id);
  return { dir, warnings: await takeLoadWarnings(t) };
}

const ACCEPTED = [
  'http://a.test/*',
  'https://*.a.test/path',
  'file:///*',
  'file://*',
  'ftp://f.test:21/*',
  'ws://w.test/*',
  'wss://*/*',
  '*://*/*',
  '*://a.test:*/*',
  '<all_urls>',
  'http://[::1]:80/*',
  'http://A.TEST/*',
  'http://a.test:+80/*',
];
const REFUSED = [
  'chrome-extension://*/*',
  'urn://a/*',
  'uuid-in-package://a/*',
  'data:*',
  'about:blank',
  'javascript:*',
  'filesystem:*',
  'app://a.test/*',
  'HTTP://a.test/*',
  '<ALL_URLS>',
  'http://a.test',
  'http://*',
  'file://',
  '*://a.test:8080/*',
  'chrome://a:80/*',
  'http://a.test:/*',
  'http://a.test:65536/*',
  'http://a*.test/*',
  'http://*.*.a.test/*',
  'http://*./*',
  'http://[::1/*',
  'http://a%b/*',
  '//a.test/*',
  'https//a.test/*',
];

describe('Manifest V2 permissions as host patterns', () => {
  it('takes patterns of the schemes a loaded extension may ask for, and warns about the rest', async () => {
    const { dir, warnings } = await warningsFor(manifestOf(2, { permissions: ['storage', ...ACCEPTED, ...REFUSED] }));
    expect(warnings).toEqual([warningText(t.era, dir, [...mv2Deprecation(t.era), ...REFUSED.map(unknown)])]);
  });

  it('parses a chrome:// pattern but refuses its scheme, in list order with the other warnings', async () => {
    const permissions = ['app://*/*', 'chrome://settings/*', 'http://a.test/*', 'chrome-extension://*/*'];
    const { dir, warnings } = await warningsFor(manifestOf(2, { permissions }));
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        ...mv2Deprecation(t.era),
        unknown('app://*/*'),
        "Invalid scheme for 'permissions[chrome://settings/*]'.",
        unknown('chrome-extension://*/*'),
      ]),
    ]);
  });
});

describe('Manifest V3 host_permissions', () => {
  t.itInEras('current', 'warns about each entry that is no pattern of an allowed scheme, after the permissions', async () => {
    const host_permissions = ['https://a.test/*', 'chrome://*/*', 'urn:*', 'uuid-in-package:*', 'HTTP://a.test/*', 'file:///'];
    const { dir, warnings } = await warningsFor(manifestOf(3, { permissions: ['https://b.test/*'], host_permissions }));
    expect(warnings).toEqual([
      warningText(t.era, dir, [
        unknown('https://b.test/*'),
        "Invalid scheme for 'host_permissions[chrome://*/*]'.",
        unknown('urn:*'),
        unknown('HTTP://a.test/*'),
      ]),
    ]);
  });

  t.itInEras('current', 'refuses a value that is no list of strings, before the description is checked', async () => {
    for (const [value, message] of [
      ['https://a.test/*', "Invalid value for 'host_permissions'."],
      [{}, "Invalid value for 'host_permissions'."],
      [['https://a.test/*', 7], "Invalid value for 'host_permissions[1]'."],
      [[null], "Invalid value for 'host_permissions[0]'."],
    ] as const) {
      const dir = await writeExtension(
        join(await t.tempDir(), `bad-hosts-${String(message.length)}-${JSON.stringify(value).length}`),
        manifestOf(3, { host_permissions: value, description: 7 }),
      );
      expect(await failureOf(persistentSession(t).loadExtension(dir))).toBe(
        `Loading extension at ${dir} failed with: ${message}`,
      );
    }
  });
});
