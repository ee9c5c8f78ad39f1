// Extension::LoadManifestVersion in its two forms. Chromium up to the 90s
// (e9, e12) wants an integer of at least 2 and names "2" as the value to
// use; later Chromium (e17, current) supports 2 and 3, names both, loads a
// higher version with a warning, and warns about Manifest V2 on unpacked
// extensions.

import type { ExtensionEraRules } from './era-rules.ts';
import { ExtensionLoadError, format, MANIFEST_ERRORS } from './manifest-errors.ts';
import { isJsonInteger } from './manifest-json.ts';

const MIN_SUPPORTED = 2;
const MAX_SUPPORTED = 3;

/** The manifest version to use, plus an install warning if there is one. */
export function loadManifestVersion(
  manifest: Record<string, unknown>,
  rules: ExtensionEraRules,
): { manifestVersion: number; warning: string | null } {
  const present = Object.hasOwn(manifest, 'manifest_version');
  const value = manifest.manifest_version;
  const isInt = present && isJsonInteger(manifest, 'manifest_version');
  if (rules.manifestVersionRules === 'legacy') {
    if (present && (!isInt || (value as number) < 1)) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidManifestVersion);
    const version = present ? (value as number) : 1;
    if (version < MIN_SUPPORTED) {
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidManifestVersionOld, MIN_SUPPORTED, 'extensions'));
    }
    return { manifestVersion: version, warning: null };
  }
  const range = `either ${MIN_SUPPORTED} or ${MAX_SUPPORTED}`;
  if (present && !isInt)
    throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidManifestVersionUnsupported, range, 'extensions'));
  const version = present ? (value as number) : 1;
  if (version > MAX_SUPPORTED) {
    return { manifestVersion: version, warning: format(MANIFEST_ERRORS.manifestVersionTooHigh, MAX_SUPPORTED, version) };
  }
  if (version < MIN_SUPPORTED) {
    const template = present
      ? MANIFEST_ERRORS.invalidManifestVersionUnsupported
      : MANIFEST_ERRORS.invalidManifestVersionMissingKey;
    throw new ExtensionLoadError(format(template, range, 'extensions'));
  }
  return { manifestVersion: version, warning: version === 2 ? rules.mv2DeprecationWarning : null };
}

/**
 * base::Version as Extension::LoadVersion accepts it: 1-4 dot-separated
 * unsigned 32-bit integers (Chromium's message says 65536), no sign, and a
 * leading zero refused in the first part only. The string reported back is
 * the numbers rejoined ("1.02" reads as "1.2").
 */
export function parseExtensionVersion(text: string): string | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return null;
    const n = Number(part);
    if (n > 0xffffffff) return null;
    if (numbers.length === 0 && String(n) !== part) return null;
    numbers.push(n);
  }
  return numbers.join('.');
}
