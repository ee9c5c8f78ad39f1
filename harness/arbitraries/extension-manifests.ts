// Seeded extension folders for the unpacked-loader differential: a
// manifest.json (an object mostly; sometimes missing, not JSON, with a BOM
// or comments, or not an object) with valid and invalid manifest versions,
// names, versions, keys, icons, background pages, scripts and service
// workers, locales, permissions, host patterns over many schemes (in
// permissions and host_permissions), unknown keys and web-accessible
// resources in both manifest forms, plus the files it names (or not). A case is plain
// data; writeExtensionCase puts it on disk. Only the `key` needs a fresh RSA
// key pair per case (the id derives from it on both sides), so a replayed
// seed gives the same folders with other keys.

import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';

export interface ExtensionCase {
  /** Files relative to the extension folder; manifest.json raw (text or bytes) or absent. */
  files: Record<string, string | Buffer>;
}

/** A real public key (base64 DER SubjectPublicKeyInfo), as a manifest `key` carries it. */
function publicKeyBase64(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

const KEY = Symbol('a fresh public key');
const PEM_KEY = Symbol('a fresh public key in PEM armour');

type Value = unknown;
const ABSENT = undefined;

// biome-ignore format: a word list, kept dense
const VERSIONS: Value[] = ['1', '1.0', '1.2.3.4', '0.0.1', '65535', '65536', '4294967295', '4294967296', '01.0', '1.01',
  '1.0.0.00', '1.2.3.4.5', '', '1.', '.1', '-1', '+1', '1.a', ' 1', '1 ', '1..2', 1, 1.5, null, ABSENT];
// biome-ignore format: a word list, kept dense
const NAMES: Value[] = ['Generated', 'Generated', '  spaced \t name  ', 'line\nbreak', '', 'x'.repeat(300),
  '\u202bembedded', 5, null, ['n'], ABSENT];
// biome-ignore format: a word list, kept dense
const MANIFEST_VERSIONS: Value[] = [3, 3, 3, 2, 2, 1, 0, -1, 4, '3', ABSENT];
// biome-ignore format: a word list, kept dense
const PERMISSIONS = ['storage', 'alarms', 'cookies', 'bogusPermission', 'tabs', 'scripting', 'sidePanel', 'readingList',
  'https://*.example.com/', '<all_urls>', 'notaurl', 'http://', 'webRequest', 'management', 'unlimitedStorage'];

/**
 * Match patterns over many schemes, as host permissions (Manifest V2
 * `permissions`, Manifest V3 `host_permissions`): the schemes a loaded
 * extension may ask for and ones it may not (chrome-extension, urn,
 * uuid-in-package, data, about, javascript, an app's own), upper-case
 * schemes, ":" for "://", missing hosts and paths, ports on schemes with
 * and without a default one, and wildcards out of place.
 */
// biome-ignore format: a word list, kept dense
export const HOST_PATTERNS = ['http://a.test/*', 'https://*.a.test/path', 'file:///*', 'file://*', 'file://host/x',
  'file://', 'file:', 'ftp://f.test/', 'ws://w.test/*', 'wss://*/*', 'chrome://settings/*', 'chrome://*/*',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/*', 'chrome-extension://*/*', 'urn://a/*', 'urn:*', 'urn:uuid:x',
  'uuid-in-package://a/*', 'uuid-in-package:*', 'data:*', 'data://a/*', 'about:blank', 'about://a/*', 'javascript:*',
  'filesystem:*', 'app://a.test/*', 'app://*/*', '*://*/*', '*://a.test:8080/*', '*://a.test:*/*', '*:*', '<all_urls>',
  '<ALL_URLS>', 'HTTP://a.test/*', 'Https://a.test/*', 'http://A.TEST/*', 'http://a.test', 'http://*', 'http:///*',
  'http://:80/*', 'http://a.test:80/*', 'http://a.test:65536/*', 'http://a.test:/*', 'http://a.test:x/*',
  'chrome://a:80/*', 'ftp://f.test:21/*', 'ws://w.test:*/*', 'http://*.*.a.test/*', 'http://a*.test/*',
  'http://*./*', 'http://*a.test/*', 'http://a.*/*', 'http://[::1]/*', 'http://[::1]:80/*', 'http://[::1/*',
  'http://[]/*', 'http://a b/*', 'http://a%20b/*', 'http://xn--nxasmq6b/*', 'http://ü.test/*', 'https:/a.test/*',
  'https//a.test/*', '//a.test/*', '', ' http://a.test/*', 'http://a.test/ *', 'https://a.test?q/*'];

/**
 * Keys beyond the ones planned, each with a value its handler (if the build
 * has one) accepts: unknown to both sides, or known with no handler that
 * could refuse the value. Keys whose handlers only Chrome has
 * (chrome_url_overrides...) are left out: Electron does not parse them.
 */
const EXTRA_KEYS: Record<string, unknown> = {
  zz_unknown: 'x',
  author: 'someone',
  homepage_url: 'https://example.com/',
  content_scripts: [],
  update_url: 'https://example.com/update.xml',
};

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arb: fc.Arbitrary<T>, weight = 1) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(ABSENT) }, { weight, arbitrary: arb });

/** Ways to break the manifest's JSON text, each a class of parser error (or a leniency). */
const CORRUPTIONS = {
  missingComma: (json: string) => json.replace(/,\n/, '\n'),
  crlfMissingComma: (json: string) => json.replace(/\n/g, '\r\n').replace(/,\r\n/, '\r\n'),
  unquotedKey: (json: string) => json.replace(/"name"/, 'name'),
  singleQuotes: (json: string) => json.replace(/"name"/, "'name'"),
  missingColon: (json: string) => json.replace(/": /, '" '),
  badValue: (json: string) => json.replace(/: ([^\n]*?)(,?)\n/, ': @$2\n'),
  truncated: (json: string) => json.slice(0, Math.floor(json.length / 2)),
  truncatedInString: (json: string) => json.slice(0, json.indexOf('"', 3) + 3),
  trailingText: (json: string) => `${json}\n}`,
  badLiteral: (json: string) => json.replace(/\{/, '{\n  "flag": tru,'),
  badEscape: (json: string) => json.replace(/"name": "/, '"name": "\\q'),
  verticalTabEscape: (json: string) => json.replace(/"name": "/, '"name": "\\v'),
  hexEscape: (json: string) => json.replace(/"name": "/, '"name": "\\x41'),
  rawTab: (json: string) => json.replace(/"name": "/, '"name": "\t'),
  rawNewline: (json: string) => json.replace(/"name": "/, '"name": "\n'),
  leadingZero: (json: string) => json.replace(/\{/, '{\n  "n": 012,'),
  bareFraction: (json: string) => json.replace(/\{/, '{\n  "n": 1.,'),
  loneSurrogate: (json: string) => json.replace(/"name": "/, '"name": "\\ud800'),
  deepNesting: (json: string) => json.replace(/\{/, `{\n  "deep": ${'['.repeat(205)}${']'.repeat(205)},`),
  empty: () => '',
  unclosedComment: (json: string) => `${json} /* open`,
  formFeed: (json: string) => `\f${json}`,
  bigNumber: (json: string) => json.replace(/\{/, '{\n  "n": 1e999,'),
};

/** What the manifest object asks for; turned into files by caseOf. */
interface Plan {
  form: 'object' | 'missing' | 'syntax' | 'bom' | 'comments' | 'non-object' | 'trailing-comma' | 'double-version';
  /** How a 'syntax' manifest is broken. */
  corruption: keyof typeof CORRUPTIONS;
  manifestVersion: Value;
  name: Value;
  version: Value;
  key: 'none' | 'real' | 'pem' | 'invalid' | 'number';
  icons: 'none' | 'present' | 'missing-file' | 'empty-file' | 'bad-size' | 'not-object' | 'bad-path';
  background: 'none' | 'worker' | 'worker-missing' | 'scripts' | 'scripts-missing' | 'page' | 'page-missing' | 'both' | 'bad';
  locales: 'none' | 'both' | 'default-only' | 'folder-only' | 'wrong-default';
  permissions: Value;
  unknownKeys: string[];
  description: Value;
  war:
    | 'none'
    | 'mv2-form'
    | 'mv3-form'
    | 'mv3-no-matches'
    | 'not-list'
    | 'mv3-bad-match'
    | 'mv3-dynamic'
    | 'mv3-no-resources'
    | 'mv3-resource-number';
  shortName: Value;
  /** Host patterns added to `permissions` (each draws a warning in Manifest V3). */
  permissionPatterns: string[];
  /** The host_permissions value: absent, patterns, or a value that is no list of strings. */
  hostPermissions: Value;
}

const planArbitrary: fc.Arbitrary<Plan> = fc.record({
  form: fc.oneof(
    { weight: 20, arbitrary: fc.constant('object' as const) },
    { weight: 4, arbitrary: fc.constant('syntax' as const) },
    {
      weight: 1,
      arbitrary: pick(['missing', 'bom', 'comments', 'non-object', 'trailing-comma', 'double-version'] as const),
    },
  ),
  corruption: pick(Object.keys(CORRUPTIONS) as (keyof typeof CORRUPTIONS)[]),
  manifestVersion: fc.oneof(
    { weight: 6, arbitrary: fc.constant(3) },
    { weight: 3, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: pick(MANIFEST_VERSIONS) },
  ),
  name: fc.oneof({ weight: 8, arbitrary: fc.constant('Generated') }, { weight: 1, arbitrary: pick(NAMES) }),
  version: fc.oneof({ weight: 6, arbitrary: fc.constant('1.0') }, { weight: 2, arbitrary: pick(VERSIONS) }),
  key: fc.oneof(
    { weight: 6, arbitrary: fc.constant('none' as const) },
    { weight: 3, arbitrary: fc.constant('real' as const) },
    { weight: 1, arbitrary: pick(['pem', 'invalid', 'number'] as const) },
  ),
  icons: fc.oneof(
    { weight: 8, arbitrary: fc.constant('none' as const) },
    { weight: 3, arbitrary: fc.constant('present' as const) },
    { weight: 1, arbitrary: pick(['missing-file', 'empty-file', 'bad-size', 'not-object', 'bad-path'] as const) },
  ),
  background: fc.oneof(
    { weight: 6, arbitrary: fc.constant('none' as const) },
    { weight: 6, arbitrary: pick(['worker', 'scripts', 'page'] as const) },
    { weight: 2, arbitrary: pick(['worker-missing', 'scripts-missing', 'page-missing', 'both', 'bad'] as const) },
  ),
  locales: fc.oneof(
    { weight: 10, arbitrary: fc.constant('none' as const) },
    { weight: 2, arbitrary: fc.constant('both' as const) },
    { weight: 1, arbitrary: pick(['default-only', 'folder-only', 'wrong-default'] as const) },
  ),
  permissions: maybe(
    fc.oneof(
      { weight: 8, arbitrary: fc.uniqueArray(pick(PERMISSIONS), { maxLength: 4 }) },
      { weight: 1, arbitrary: pick<Value>(['storage', 5, [5], ['storage', null], [{ a: 1, b: 2 }]]) },
    ),
  ),
  unknownKeys: fc.uniqueArray(pick(Object.keys(EXTRA_KEYS)), {
    maxLength: 2,
  }),
  description: maybe(
    fc.oneof({ weight: 4, arbitrary: pick(['A generated extension.', '']) }, { weight: 1, arbitrary: fc.constant(7) }),
  ),
  war: fc.oneof(
    { weight: 8, arbitrary: fc.constant('none' as const) },
    { weight: 2, arbitrary: pick(['mv2-form', 'mv3-form'] as const) },
    {
      weight: 2,
      arbitrary: pick([
        'mv3-no-matches',
        'not-list',
        'mv3-bad-match',
        'mv3-dynamic',
        'mv3-no-resources',
        'mv3-resource-number',
      ] as const),
    },
  ),
  shortName: maybe(fc.oneof({ weight: 4, arbitrary: fc.constant('Short') }, { weight: 1, arbitrary: pick(['', 3]) })),
  // Last, so adding them left the earlier fields of a seed's cases as they were.
  permissionPatterns: fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.uniqueArray(pick(HOST_PATTERNS), { minLength: 1, maxLength: 4 }) },
  ),
  hostPermissions: fc.oneof(
    { weight: 3, arbitrary: fc.constant(ABSENT) },
    { weight: 2, arbitrary: fc.uniqueArray(pick(HOST_PATTERNS), { maxLength: 5 }) },
    { weight: 1, arbitrary: pick<Value>(['https://a.test/*', ['https://a.test/*', 7], [null], {}]) },
  ),
});

/** Sets key to value, leaving it out when the value is ABSENT. */
function put(manifest: Record<string | symbol, unknown>, key: string, value: Value): void {
  if (value !== ABSENT) manifest[key] = value;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function iconsOf(plan: Plan, files: Record<string, string | Buffer>): Value {
  switch (plan.icons) {
    case 'none':
      return ABSENT;
    case 'present':
      files['icons/16.png'] = PNG;
      return { 16: 'icons/16.png', 48: '/icons/16.png' };
    case 'missing-file':
      return { 32: 'nope.png' };
    case 'empty-file':
      files['empty.png'] = '';
      return { 16: 'empty.png' };
    case 'bad-size':
      files['i.png'] = PNG;
      return { big: 'i.png' };
    case 'not-object':
      return ['i.png'];
    case 'bad-path':
      return { 16: '../outside.png' };
  }
}

function backgroundOf(plan: Plan, files: Record<string, string | Buffer>): Value {
  switch (plan.background) {
    case 'none':
      return ABSENT;
    case 'worker':
      files['sw.js'] = '// service worker\n';
      return { service_worker: 'sw.js' };
    case 'worker-missing':
      return { service_worker: 'missing-sw.js' };
    case 'scripts':
      files['bg.js'] = '// background script\n';
      return { scripts: ['bg.js'] };
    case 'scripts-missing':
      return { scripts: ['missing.js'] };
    case 'page':
      files['bg.html'] = '<!doctype html>';
      return { page: 'bg.html' };
    case 'page-missing':
      return { page: 'missing.html', persistent: false };
    case 'both':
      files['sw.js'] = '';
      files['bg.js'] = '';
      return { service_worker: 'sw.js', scripts: ['bg.js'] };
    case 'bad':
      return { service_worker: 5 };
  }
}

function localesOf(plan: Plan, files: Record<string, string | Buffer>): Value {
  const messages = JSON.stringify({ hello: { message: 'Hello' } });
  switch (plan.locales) {
    case 'none':
      return ABSENT;
    case 'both':
      files['_locales/en/messages.json'] = messages;
      return 'en';
    case 'default-only':
      return 'en';
    case 'folder-only':
      files['_locales/en/messages.json'] = messages;
      return ABSENT;
    case 'wrong-default':
      files['_locales/en/messages.json'] = messages;
      return 'fr';
  }
}

function warOf(plan: Plan, files: Record<string, string | Buffer>): Value {
  if (plan.war !== 'none') files['page.html'] = '<!doctype html>';
  switch (plan.war) {
    case 'none':
      return ABSENT;
    case 'mv2-form':
      return ['page.html', 'img/*'];
    case 'mv3-form':
      return [{ resources: ['page.html'], matches: ['<all_urls>'] }];
    case 'mv3-no-matches':
      return [{ resources: ['page.html'] }];
    case 'not-list':
      return 'page.html';
    case 'mv3-bad-match':
      return [{ resources: ['page.html'], matches: ['https://a.test/path'] }];
    case 'mv3-dynamic':
      return [
        { resources: ['page.html'], use_dynamic_url: true },
        { resources: ['*.png'], extension_ids: ['*'] },
      ];
    case 'mv3-no-resources':
      return [{ matches: ['<all_urls>'] }];
    case 'mv3-resource-number':
      return [{ resources: ['page.html', 7], matches: ['*://*/*'] }];
  }
}

function keyOf(plan: Plan): Value {
  switch (plan.key) {
    case 'none':
      return ABSENT;
    case 'real':
      return KEY;
    case 'pem':
      return PEM_KEY;
    case 'invalid':
      return 'not a base64 key!';
    case 'number':
      return 12;
  }
}

function manifestText(plan: Plan, manifest: Record<string, unknown>): string | Buffer | null {
  const json = JSON.stringify(manifest, null, 2);
  switch (plan.form) {
    case 'object':
      return json;
    case 'missing':
      return null;
    case 'syntax':
      return CORRUPTIONS[plan.corruption](json);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]);
    case 'comments':
      return `// a comment\n${json.replace('{', '{ /* inline */')}`;
    case 'non-object':
      return JSON.stringify([manifest]);
    case 'trailing-comma':
      return json.replace(/\n}$/, ',\n}');
    case 'double-version':
      return json.replace(/"manifest_version": (\d+)/, '"manifest_version": $1.0');
  }
}

function caseOf(plan: Plan): ExtensionCase {
  const files: Record<string, string | Buffer> = {};
  const manifest: Record<string, unknown> = {};
  put(manifest, 'manifest_version', plan.manifestVersion);
  put(manifest, 'name', plan.name);
  put(manifest, 'version', plan.version);
  const key = keyOf(plan);
  if (key === KEY) manifest.key = publicKeyBase64();
  else if (key === PEM_KEY) manifest.key = `-----BEGIN PUBLIC KEY-----\n${publicKeyBase64()}\n-----END PUBLIC KEY-----`;
  else put(manifest, 'key', key);
  put(manifest, 'icons', iconsOf(plan, files));
  put(manifest, 'background', backgroundOf(plan, files));
  put(manifest, 'default_locale', localesOf(plan, files));
  const permissions =
    plan.permissionPatterns.length === 0
      ? plan.permissions
      : [...(Array.isArray(plan.permissions) ? plan.permissions : []), ...plan.permissionPatterns];
  put(manifest, 'permissions', permissions);
  put(manifest, 'description', plan.description);
  put(manifest, 'web_accessible_resources', warOf(plan, files));
  put(manifest, 'short_name', plan.shortName);
  put(manifest, 'host_permissions', plan.hostPermissions);
  for (const extra of plan.unknownKeys) manifest[extra] = EXTRA_KEYS[extra];
  const text = manifestText(plan, manifest);
  if (text !== null) files['manifest.json'] = text;
  return { files };
}

/** `count` extension folders, fixed by `seed` (apart from the keys' bytes). */
export function extensionCases(seed: number, count: number): ExtensionCase[] {
  return fc.sample(planArbitrary, { seed, numRuns: count }).map(caseOf);
}

/** Writes a case into `dir` (created). */
export async function writeExtensionCase(dir: string, extensionCase: ExtensionCase): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, contents] of Object.entries(extensionCase.files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), contents);
  }
}
