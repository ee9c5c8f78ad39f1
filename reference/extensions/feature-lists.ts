// The manifest keys and permissions Chromium's extensions/ layer defines as
// features (extensions/common/api/_manifest_features.json and
// _permission_features.json, the part that stayed put from Chromium 83 to
// 142), the ones Electron 39 adds of its own, and the manifest-version
// limits some of them carry in current Chromium. era-rules.ts picks the
// lists of each era.

// biome-ignore format: a word list, kept dense
export const CHROMIUM_MANIFEST_KEYS = [
  'app', 'background', 'bluetooth', 'content_capabilities', 'content_security_policy', 'cross_origin_embedder_policy',
  'cross_origin_opener_policy', 'current_locale', 'declarative_net_request', 'default_locale', 'description',
  'differential_fingerprint', 'event_rules', 'export', 'externally_connectable', 'file_handlers', 'icons', 'import',
  'incognito', 'input_components', 'key', 'kiosk', 'kiosk_enabled', 'kiosk_only', 'kiosk_secondary_apps',
  'manifest_version', 'mime_types', 'mime_types_handler', 'nacl_modules', 'name', 'oauth2', 'offline_enabled',
  'options_page', 'options_ui', 'permissions', 'replacement_web_app', 'requirements', 'sandbox', 'sockets',
  'usb_printers', 'version', 'version_name', 'web_accessible_resources', 'webview',
];

// biome-ignore format: a word list, kept dense
export const CHROMIUM_PERMISSIONS = [
  'alarms', 'app.window.alpha', 'app.window.alwaysOnTop', 'app.window.fullscreen', 'app.window.fullscreen.overrideEsc',
  'app.window.shape', 'appview', 'audioCapture', 'declarativeNetRequest', 'declarativeNetRequestFeedback',
  'declarativeNetRequestWithHostAccess', 'declarativeWebRequest', 'dns', 'hid', 'idle', 'metricsPrivate', 'power',
  'printerProvider', 'serial', 'socket', 'storage', 'system.cpu', 'system.display', 'system.memory', 'system.network',
  'system.storage', 'unlimitedStorage', 'usb', 'videoCapture', 'webRequest', 'webRequestBlocking', 'webview',
];

/** Electron 39's additions (it imported most of Chrome's keys and permissions). */
// biome-ignore format: a word list, kept dense
export const ELECTRON_39_MANIFEST_KEYS = [
  'browser_action', 'chrome_settings_overrides', 'converted_from_user_script', 'file_browser_handlers',
  'file_system_provider_capabilities', 'natively_connectable', 'omnibox', 'optional_permissions', 'platforms',
  'side_panel', 'storage', 'theme', 'tts_engine', 'url_handlers',
];
// biome-ignore format: a word list, kept dense
export const ELECTRON_39_PERMISSIONS = [
  'accessibilityFeatures.modify', 'accessibilityFeatures.read', 'background', 'bookmarks', 'browsingData',
  'clipboardRead', 'clipboardWrite', 'contentSettings', 'contextMenus', 'cookies', 'debugger', 'declarativeContent',
  'desktopCapture', 'downloads', 'downloads.open', 'downloads.shelf', 'downloads.ui', 'experimental', 'favicon',
  'fontSettings', 'gcm', 'geolocation', 'history', 'identity', 'identity.email', 'notifications', 'pageCapture',
  'plugin', 'privacy', 'proxy', 'readingList', 'search', 'sessions', 'sidePanel', 'tabGroups', 'tabCapture',
  'topSites', 'transientBackground', 'tts', 'ttsEngine', 'webNavigation',
];

/** Manifest-version limits of keys and permissions: [minimum, maximum]. */
export type Limits = Readonly<Record<string, readonly [number, number]>>;

export const CURRENT_KEY_LIMITS: Limits = {
  action: [3, Infinity],
  browser_action: [1, 2],
  'background.page': [1, 2],
  'background.persistent': [1, 2],
  'background.scripts': [1, 2],
  host_permissions: [3, Infinity],
  side_panel: [3, Infinity],
};
export const CURRENT_PERMISSION_LIMITS: Limits = {
  readingList: [3, Infinity],
  scripting: [3, Infinity],
  sidePanel: [3, Infinity],
  tabGroups: [3, Infinity],
};

/**
 * The APIPermissionID of each limited permission (extensions/common/mojom/
 * api_permission_id.mojom): a permission set iterates in id order, and so do
 * the warnings about permissions a manifest version cannot have.
 */
export const PERMISSION_IDS: Readonly<Record<string, number>> = {
  tabGroups: 229,
  scripting: 230,
  sidePanel: 241,
  readingList: 250,
};
