// The manifest handlers a load runs (BackgroundManifestHandler,
// IconsHandler, PermissionsParser, MinimumChromeVersionChecker): each parses
// its keys at creation, failing with Chromium's error or adding install
// warnings. What they keep is checked against the files later
// (extension-validate.ts).

import type { ExtensionEraRules } from './era-rules.ts';
import { ExtensionLoadError, format, MANIFEST_ERRORS } from './manifest-errors.ts';
import { manifestVersionLimitMessage, type ManifestFeatures } from './manifest-features.ts';
import { PERMISSION_IDS } from './feature-lists.ts';
import { hostPermissionWarning } from './host-permissions.ts';
import { isJsonInteger } from './manifest-json.ts';
import { relativePathOfUrlPath, safeRelativePath } from './resources.ts';

export interface BackgroundInfo {
  /** Scripts as written (relative paths, or null where Chromium refused the name). */
  scripts: string[];
  page: string | null;
  serviceWorker: string | null;
}

export interface IconEntry {
  size: number;
  path: string;
}

type Manifest = Record<string, unknown>;

function dictionary(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** BackgroundInfo::Parse, with the manifest-version limits of its keys. */
export function parseBackground(manifest: Manifest, manifestVersion: number, features: ManifestFeatures): BackgroundInfo {
  const info: BackgroundInfo = { scripts: [], page: null, serviceWorker: null };
  const background = dictionary(manifest.background);
  if (!background) return info;
  // A key its feature limits to other manifest versions is left out (its
  // warning comes from manifestKeyWarnings); before such limits existed,
  // Manifest V3 refused background pages and scripts outright.
  const available = (key: 'page' | 'scripts' | 'persistent') => {
    if (!Object.hasOwn(background, key)) return false;
    const limits = features.keyLimits[`background.${key}`];
    if (limits) return manifestVersionLimitMessage(`background.${key}`, limits, manifestVersion) === null;
    if (manifestVersion >= 3 && key !== 'persistent') {
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.backgroundInvalidForMV3, `background.${key}`));
    }
    return true;
  };
  if (available('scripts')) {
    const scripts = background.scripts;
    if (!Array.isArray(scripts)) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidBackgroundScripts);
    scripts.forEach((script, index) => {
      const relative = typeof script === 'string' ? safeRelativePath(script) : null;
      if (relative === null) throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidBackgroundScript, index));
      info.scripts.push(relative);
    });
  }
  if (available('page')) {
    if (typeof background.page !== 'string') throw new ExtensionLoadError(MANIFEST_ERRORS.invalidBackground);
    info.page = background.page;
  }
  if (Object.hasOwn(background, 'service_worker')) {
    if (typeof background.service_worker !== 'string') throw new ExtensionLoadError(MANIFEST_ERRORS.invalidServiceWorker);
    info.serviceWorker = background.service_worker;
  }
  if (available('persistent')) {
    if (typeof background.persistent !== 'boolean') throw new ExtensionLoadError(MANIFEST_ERRORS.invalidBackgroundPersistent);
    if (info.page === null && info.scripts.length === 0) throw new ExtensionLoadError(MANIFEST_ERRORS.persistentNoPage);
  }
  const solutions = Number(info.page !== null) + Number(info.scripts.length > 0) + Number(info.serviceWorker !== null);
  if (solutions > 1) throw new ExtensionLoadError(MANIFEST_ERRORS.backgroundCombination);
  return info;
}

/** The relative path of a background page or service worker named by URL, or null. */
export function backgroundRelativePath(value: string): string | null {
  const relative = relativePathOfUrlPath(value);
  return relative === null ? null : safeRelativePath(relative);
}

/** IconsHandler::Parse: sizes to paths, in ascending size (ExtensionIconSet's map). */
export function parseIcons(manifest: Manifest, rules: ExtensionEraRules): IconEntry[] {
  if (!Object.hasOwn(manifest, 'icons')) return [];
  const icons = dictionary(manifest.icons);
  if (!icons) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidIcons);
  const bySize = new Map<number, string>();
  for (const [key, value] of Object.entries(icons)) {
    const size = /^[+-]?\d+$/.test(key) ? Number(key) : NaN;
    if (rules.iconParsing === 'lenient') {
      // Chromium 8x: any integer key; the path only loses its leading slashes here.
      const path = typeof value === 'string' ? value.replace(/^\/+/, '') : '';
      if (!Number.isInteger(size) || Math.abs(size) > 0x7fffffff || path === '')
        throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidIconPath, key));
      bySize.set(size, path);
      continue;
    }
    if (!Number.isInteger(size) || size <= 0 || size > 2048)
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidIconKey, key));
    const path = typeof value === 'string' ? safeRelativePath(value) : null;
    if (path === null) throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidIconPath, key));
    bySize.set(size, path);
  }
  return [...bySize.entries()].sort((a, b) => a[0] - b[0]).map(([size, path]) => ({ size, path }));
}

/**
 * PermissionsParser: a list whose entries are names or one-key
 * dictionaries, else an error naming the first that is neither. Warnings come in Chromium's order: first the
 * known permissions its features limit to other manifest versions (in the
 * order of their permission ids), then, in list order, the entries that are
 * no permission: in Manifest V2 those that are no host pattern either (or
 * one of a scheme a loaded extension may not ask for), in Manifest V3 all of
 * them (host patterns belong in host_permissions there).
 */
export function parsePermissions(manifest: Manifest, manifestVersion: number, features: ManifestFeatures): string[] {
  if (!Object.hasOwn(manifest, 'permissions')) return [];
  const permissions = manifest.permissions;
  if (!Array.isArray(permissions)) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidPermissions);
  // An entry is a name, or { name: arguments } with exactly one key.
  const names = permissions.map((entry, i) => {
    if (typeof entry === 'string') return entry;
    const asDictionary = dictionary(entry);
    if (!asDictionary || Object.keys(asDictionary).length !== 1)
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidPermission, i));
    return Object.keys(asDictionary)[0]!;
  });
  const limited: string[] = [];
  const unknown: string[] = [];
  for (const permission of names) {
    if (features.isKnownPermission(permission)) {
      const limits = features.permissionLimits[permission];
      const message = limits ? manifestVersionLimitMessage(permission, limits, manifestVersion) : null;
      if (message && !limited.includes(permission)) limited.push(permission);
    } else if (manifestVersion >= 3) {
      unknown.push(format(MANIFEST_ERRORS.permissionUnknown, permission));
    } else {
      const warning = hostPermissionWarning('permissions', permission, features);
      if (warning) unknown.push(warning);
    }
  }
  const byId = (a: string, b: string) => (PERMISSION_IDS[a] ?? 0) - (PERMISSION_IDS[b] ?? 0);
  return [
    ...limited.sort(byId).map((p) => manifestVersionLimitMessage(p, features.permissionLimits[p]!, manifestVersion)!),
    ...unknown,
  ];
}

/** Manifest::ValidateManifest: limited features first (by name), then unknown keys (in key order). */
export function manifestKeyWarnings(manifest: Manifest, manifestVersion: number, features: ManifestFeatures): string[] {
  const warnings: string[] = [];
  for (const [name, limits] of Object.entries(features.keyLimits).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [head, tail] = name.split('.') as [string, string | undefined];
    const present = tail === undefined ? Object.hasOwn(manifest, head) : Object.hasOwn(dictionary(manifest[head]) ?? {}, tail);
    const message = present ? manifestVersionLimitMessage(name, limits, manifestVersion) : null;
    if (message) warnings.push(message);
  }
  for (const key of Object.keys(manifest)) {
    if (!features.isKnownKey(key)) warnings.push(format(MANIFEST_ERRORS.unrecognizedKey, key));
  }
  return warnings;
}

/** base::Version's parse: dot-separated unsigned 32-bit numbers, the first without leading zeros. */
function parseBaseVersion(text: string): number[] | null {
  const parts = text.split('.');
  const numbers: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (!/^\d+$/.test(part)) return null;
    const n = Number(part);
    if (n > 0xffffffff || (i === 0 && String(n) !== part)) return null;
    numbers.push(n);
  }
  return numbers;
}

/** base::Version::CompareTo: missing trailing parts count as zero. */
function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** MinimumChromeVersionChecker: a version string no higher than the build's Chromium, else Chromium's error. */
export function checkMinimumChromeVersion(manifest: Manifest, rules: ExtensionEraRules): void {
  if (rules.minimumChromeVersionOf === null || !Object.hasOwn(manifest, 'minimum_chrome_version')) return;
  const stated = manifest.minimum_chrome_version;
  const minimum = typeof stated === 'string' ? parseBaseVersion(stated) : null;
  if (minimum === null) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidMinimumChromeVersion);
  if (compareVersions(parseBaseVersion(rules.minimumChromeVersionOf)!, minimum) < 0)
    throw new ExtensionLoadError(format(MANIFEST_ERRORS.chromeVersionTooLow, 'Chromium', stated as string));
}

/** An optional string member: absent, or a string, or Chromium's error. */
export function optionalString(manifest: Manifest, key: string, error: string): string | null {
  if (!Object.hasOwn(manifest, key)) return null;
  if (typeof manifest[key] !== 'string') throw new ExtensionLoadError(error);
  return manifest[key] as string;
}

export { isJsonInteger };
