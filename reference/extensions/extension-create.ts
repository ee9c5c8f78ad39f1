// Extension::Create for a parsed manifest, in Chromium's order: the id (from
// `key`, else from the path), the manifest's key warnings, the manifest
// version, name, version and version_name, permissions, description, the
// manifest handlers (background, icons, web_accessible_resources,
// minimum_chrome_version), short_name. The first failure is
// the load's error; warnings accumulate in order.

import { displayName } from './display-name.ts';
import type { ExtensionEraRules } from './era-rules.ts';
import { idFromBytes, idFromPath, parsePemKeyBytes } from './extension-id.ts';
import { ExtensionLoadError, MANIFEST_ERRORS } from './manifest-errors.ts';
import type { ManifestFeatures } from './manifest-features.ts';
import {
  checkMinimumChromeVersion,
  isJsonInteger,
  manifestKeyWarnings,
  optionalString,
  parseBackground,
  parseIcons,
  parsePermissions,
  type BackgroundInfo,
  type IconEntry,
} from './manifest-handlers.ts';
import { parseHostPermissions } from './host-permissions.ts';
import { loadManifestVersion, parseExtensionVersion } from './manifest-version.ts';
import { parseWebAccessibleResources } from './web-accessible-parse.ts';

export interface CreatedExtension {
  readonly id: string;
  /** The directory exactly as the caller named it. */
  readonly path: string;
  readonly name: string;
  readonly version: string;
  readonly manifestVersion: number;
  readonly manifest: Record<string, unknown>;
  readonly background: BackgroundInfo;
  readonly icons: IconEntry[];
  readonly warnings: string[];
}

export interface CreateOptions {
  readonly rules: ExtensionEraRules;
  readonly features: ManifestFeatures;
  /** Component extensions must carry a key (Extension::REQUIRE_KEY). */
  readonly requireKey?: boolean;
}

function computeId(manifest: Record<string, unknown>, path: string, requireKey: boolean): string {
  if (Object.hasOwn(manifest, 'key')) {
    const bytes = typeof manifest.key === 'string' ? parsePemKeyBytes(manifest.key) : null;
    if (!bytes) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidKey);
    return idFromBytes(bytes);
  }
  if (requireKey) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidKey);
  return idFromPath(path);
}

export function createExtension(path: string, manifest: Record<string, unknown>, options: CreateOptions): CreatedExtension {
  const { rules, features } = options;
  const id = computeId(manifest, path, options.requireKey ?? false);
  // Manifest::ValidateManifest sees the version the manifest states (1 when it states none).
  const statedVersion = isJsonInteger(manifest, 'manifest_version') ? (manifest.manifest_version as number) : 1;
  const warnings = manifestKeyWarnings(manifest, statedVersion, features);
  const { manifestVersion, warning } = loadManifestVersion(manifest, rules);
  if (warning) warnings.push(warning);

  const rawName = manifest.name;
  if (typeof rawName !== 'string' || (rules.rejectEmptyName && rawName === ''))
    throw new ExtensionLoadError(MANIFEST_ERRORS.invalidName);
  if (typeof manifest.version !== 'string') throw new ExtensionLoadError(MANIFEST_ERRORS.invalidVersion);
  const version = parseExtensionVersion(manifest.version);
  if (version === null) throw new ExtensionLoadError(MANIFEST_ERRORS.invalidVersion);
  optionalString(manifest, 'version_name', MANIFEST_ERRORS.invalidVersionName);

  warnings.push(...parsePermissions(manifest, manifestVersion, features));
  warnings.push(...parseHostPermissions(manifest, manifestVersion, features));
  optionalString(manifest, 'description', MANIFEST_ERRORS.invalidDescription);
  const background = parseBackground(manifest, manifestVersion, features);
  const icons = parseIcons(manifest, rules);
  if (rules.parseWebAccessibleResources) parseWebAccessibleResources(manifest, manifestVersion);
  checkMinimumChromeVersion(manifest, rules);
  if (Object.hasOwn(manifest, 'short_name') && (typeof manifest.short_name !== 'string' || manifest.short_name === '')) {
    throw new ExtensionLoadError(MANIFEST_ERRORS.invalidShortName);
  }
  return { id, path, name: displayName(rawName), version, manifestVersion, manifest, background, icons, warnings };
}
