// The manifest keys and permissions an Electron build knows, and the
// manifest versions some of them are limited to, as sets for one era's
// rules. Chromium warns about the rest (Manifest::ValidateManifest,
// PermissionsParser): "Unrecognized manifest key 'k'.", "Permission 'p' is
// unknown or URL pattern is malformed.", "'k' requires manifest version of
// at least 3.".

import type { ExtensionEraRules } from './era-rules.ts';
import type { Limits } from './feature-lists.ts';

export interface ManifestFeatures {
  isKnownKey(key: string): boolean;
  isKnownPermission(permission: string): boolean;
  /** Limited manifest keys, dotted paths included. */
  readonly keyLimits: Limits;
  readonly permissionLimits: Limits;
  /** The schemes a host permission's pattern may have (Extension::kValidHostPermissionSchemes). */
  readonly hostPermissionSchemes: ReadonlySet<string>;
  /** Whether the invalid-scheme warning names the key the pattern came from (else always 'permissions'). */
  readonly invalidSchemeNamesKey: boolean;
}

export function manifestFeatures(rules: ExtensionEraRules): ManifestFeatures {
  const keys = new Set(rules.manifestKeys);
  const permissions = new Set(rules.permissions);
  return {
    isKnownKey: (key) => keys.has(key),
    isKnownPermission: (permission) => permissions.has(permission),
    keyLimits: rules.keyLimits,
    permissionLimits: rules.permissionLimits,
    hostPermissionSchemes: new Set(rules.hostPermissionSchemes),
    invalidSchemeNamesKey: rules.invalidSchemeWording === 'key',
  };
}

/** SimpleFeature's availability message for a manifest version outside a feature's limits. */
export function manifestVersionLimitMessage(
  name: string,
  limits: readonly [number, number],
  manifestVersion: number,
): string | null {
  if (manifestVersion < limits[0]) return `'${name}' requires manifest version of at least ${limits[0]}.`;
  if (manifestVersion > limits[1]) return `'${name}' requires manifest version of ${limits[1]} or lower.`;
  return null;
}
