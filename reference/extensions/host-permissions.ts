// Host permissions (PermissionsParser's ParseHostPermissions): a Manifest V2
// `permissions` entry that is no API permission, or a Manifest V3
// `host_permissions` entry, must be a match pattern over the schemes a
// loaded extension may ask for (Extension::kValidHostPermissionSchemes;
// every scheme only for component or allowlisted extensions, never one
// session.loadExtension loads, so a scheme the app registered as standard
// is no pattern here). A string that does not parse draws the unknown
// permission warning; a chrome:// pattern parses but is refused with the
// invalid-scheme warning (Electron permits no chrome:// hosts). Neither
// fails the load; only a host_permissions value that is no list of strings
// does.

import { ExtensionLoadError, format, MANIFEST_ERRORS } from './manifest-errors.ts';
import type { ManifestFeatures } from './manifest-features.ts';
import { parseUrlPattern } from './url-pattern.ts';

/** The warning a host permission draws, or null when it is taken. */
export function hostPermissionWarning(key: string, permission: string, features: ManifestFeatures): string | null {
  const pattern = parseUrlPattern(permission, features.hostPermissionSchemes);
  if (pattern.result !== 'success') return format(MANIFEST_ERRORS.permissionUnknown, permission);
  if (!pattern.matchAllUrls && pattern.scheme === 'chrome') {
    return features.invalidSchemeNamesKey
      ? format(MANIFEST_ERRORS.invalidPermissionScheme, key, permission)
      : format(MANIFEST_ERRORS.invalidPermissionScheme, 'permissions', permission);
  }
  return null;
}

/** ParseHostsFromJSON then ParseHostPermissions for Manifest V3's host_permissions. */
export function parseHostPermissions(
  manifest: Record<string, unknown>,
  manifestVersion: number,
  features: ManifestFeatures,
): string[] {
  if (manifestVersion < 3 || !Object.hasOwn(manifest, 'host_permissions')) return [];
  const hosts = manifest.host_permissions;
  if (!Array.isArray(hosts)) throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidHostPermissions, 'host_permissions'));
  hosts.forEach((host, i) => {
    if (typeof host !== 'string')
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.invalidHostPermission, 'host_permissions', i));
  });
  return (hosts as string[]).flatMap((host) => hostPermissionWarning('host_permissions', host, features) ?? []);
}
