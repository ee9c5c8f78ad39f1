// The manifest keys and permissions an Electron build knows, and the
// manifest versions some of them are limited to. Chromium warns about the
// rest (Manifest::ValidateManifest, PermissionsParser): "Unrecognized
// manifest key 'k'.", "Permission 'p' is unknown or URL pattern is
// malformed.", "'k' requires manifest version of at least 3.". The sets are
// Chromium's extensions/common/api/_manifest_features.json and
// _permission_features.json (the part of them that stayed put from Chromium
// 83 to 142) joined with Electron's own files of each era
// (shell/common/extensions/api/), which era-rules.ts carries.

import type { EraId } from '../../contract/eras/eras.ts';
import type { ExtensionEraRules } from './era-rules.ts';

const CHROMIUM_MANIFEST_KEYS = [
  'app', 'background', 'bluetooth', 'content_capabilities', 'content_security_policy', 'cross_origin_embedder_policy',
  'cross_origin_opener_policy', 'current_locale', 'declarative_net_request', 'default_locale', 'description',
  'differential_fingerprint', 'event_rules', 'export', 'externally_connectable', 'file_handlers', 'icons', 'import',
  'incognito', 'input_components', 'key', 'kiosk', 'kiosk_enabled', 'kiosk_only', 'kiosk_secondary_apps',
  'manifest_version', 'mime_types', 'mime_types_handler', 'nacl_modules', 'name', 'oauth2', 'offline_enabled',
  'options_page', 'options_ui', 'permissions', 'replacement_web_app', 'requirements', 'sandbox', 'sockets',
  'usb_printers', 'version', 'version_name', 'web_accessible_resources', 'webview',
];

const CHROMIUM_PERMISSIONS = [
  'alarms', 'app.window.alpha', 'app.window.alwaysOnTop', 'app.window.fullscreen', 'app.window.fullscreen.overrideEsc',
  'app.window.shape', 'appview', 'audioCapture', 'declarativeNetRequest', 'declarativeNetRequestFeedback',
  'declarativeNetRequestWithHostAccess', 'declarativeWebRequest', 'dns', 'hid', 'idle', 'metricsPrivate', 'power',
  'printerProvider', 'serial', 'socket', 'storage', 'system.cpu', 'system.display', 'system.memory', 'system.network',
  'system.storage', 'unlimitedStorage', 'usb', 'videoCapture', 'webRequest', 'webRequestBlocking', 'webview',
];

/** Electron 39's additions (it imported most of Chrome's keys and permissions). */
const ELECTRON_39_MANIFEST_KEYS = [
  'browser_action', 'chrome_settings_overrides', 'converted_from_user_script', 'file_browser_handlers',
  'file_system_provider_capabilities', 'natively_connectable', 'omnibox', 'optional_permissions', 'platforms',
  'side_panel', 'storage', 'theme', 'tts_engine', 'url_handlers',
];
const ELECTRON_39_PERMISSIONS = [
  'accessibilityFeatures.modify', 'accessibilityFeatures.read', 'background', 'bookmarks', 'browsingData',
  'clipboardRead', 'clipboardWrite', 'contentSettings', 'contextMenus', 'cookies', 'debugger', 'declarativeContent',
  'desktopCapture', 'downloads', 'downloads.open', 'downloads.shelf', 'downloads.ui', 'experimental', 'favicon',
  'fontSettings', 'gcm', 'geolocation', 'history', 'identity', 'identity.email', 'notifications', 'pageCapture',
  'plugin', 'privacy', 'proxy', 'readingList', 'search', 'sessions', 'sidePanel', 'tabGroups', 'tabCapture',
  'topSites', 'transientBackground', 'tts', 'ttsEngine', 'webNavigation',
];

/** Manifest-version limits of keys and permissions: [minimum, maximum]. */
type Limits = Readonly<Record<string, readonly [number, number]>>;

const CURRENT_KEY_LIMITS: Limits = {
  action: [3, Infinity],
  browser_action: [1, 2],
  'background.page': [1, 2],
  'background.persistent': [1, 2],
  'background.scripts': [1, 2],
  host_permissions: [3, Infinity],
  side_panel: [3, Infinity],
};
const CURRENT_PERMISSION_LIMITS: Limits = {
  readingList: [3, Infinity],
  scripting: [3, Infinity],
  sidePanel: [3, Infinity],
  tabGroups: [3, Infinity],
};

export interface ManifestFeatures {
  isKnownKey(key: string): boolean;
  isKnownPermission(permission: string): boolean;
  /** Limited manifest keys, dotted paths included, in feature-name order. */
  readonly keyLimits: Limits;
  readonly permissionLimits: Limits;
}

export function manifestFeatures(era: EraId, rules: ExtensionEraRules): ManifestFeatures {
  const current = era === 'current';
  const keys = new Set([...CHROMIUM_MANIFEST_KEYS, ...rules.electronManifestKeys, ...(current ? ELECTRON_39_MANIFEST_KEYS : [])]);
  const permissions = new Set([...CHROMIUM_PERMISSIONS, ...rules.electronPermissions, ...(current ? ELECTRON_39_PERMISSIONS : [])]);
  return {
    isKnownKey: (key) => keys.has(key),
    isKnownPermission: (permission) => permissions.has(permission),
    keyLimits: current ? CURRENT_KEY_LIMITS : {},
    permissionLimits: current ? CURRENT_PERMISSION_LIMITS : {},
  };
}

/** SimpleFeature's availability message for a manifest version outside a feature's limits. */
export function manifestVersionLimitMessage(name: string, limits: readonly [number, number], manifestVersion: number): string | null {
  if (manifestVersion < limits[0]) return `'${name}' requires manifest version of at least ${limits[0]}.`;
  if (manifestVersion > limits[1]) return `'${name}' requires manifest version of ${limits[1]} or lower.`;
  return null;
}
