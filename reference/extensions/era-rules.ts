// What changes about loading extensions from one era to the next, read from
// Electron's shell/browser/api/electron_api_session.cc and
// shell/browser/extensions/electron_extension_loader.cc at v9, v12, v17 and
// v30-v39, and from the Chromium of each line (83, 89, 98, 124-142):
//
//   all      host permissions are URLPattern match patterns over Chromium's
//            host permission schemes: ws/wss with 8x, urn (a non-standard
//            scheme, 'urn:...') added by e17's Chromium (inferred from the
//            dates of the two source revisions read), uuid-in-package in
//            its place by Electron 39's; the invalid-scheme warning names
//            the key (host_permissions) from e17 on.
//   e9       any path is taken as given (a relative one resolves against the
//            working directory); no options; no events; warnings joined on
//            one line; Chromium 8x checks of manifest_version; an empty
//            name is accepted.
//   e12      the path must be absolute; `allowFileAccess`; the three events;
//            warnings one per line.
//   e17      warnings about unrecognized manifest keys are dropped and a
//            `_metadata` folder is deleted before loading (Electron 15+);
//            the manifest_version rules name the supported versions
//            ("either 2 or 3") and Manifest V2 draws a deprecation warning;
//            an empty name is refused; icons are parsed strictly; a missing
//            background page is named by its resolved path (so, empty).
//   current  the same, with the 2024 wording of the deprecation warning,
//            Electron 39's manifest keys and permissions, the manifest
//            versions some keys and permissions are limited to,
//            web_accessible_resources checked at load, and manifest.json
//            read by the Rust JSON parser; minimum_chrome_version is
//            checked against the Chromium version (Electron 27+).

import type { EraId } from '../../contract/eras/eras.ts';
import { ERA_VERSIONS } from '../era/versions.ts';
import {
  CHROMIUM_MANIFEST_KEYS,
  CHROMIUM_PERMISSIONS,
  CURRENT_KEY_LIMITS,
  CURRENT_PERMISSION_LIMITS,
  ELECTRON_39_MANIFEST_KEYS,
  ELECTRON_39_PERMISSIONS,
  type Limits,
} from './feature-lists.ts';

export interface ExtensionEraRules {
  readonly requireAbsolutePath: boolean;
  readonly acceptsOptions: boolean;
  readonly emitsEvents: boolean;
  /** `line`: "Warnings loading extension at D: a b "; `list`: one indented warning per line. */
  readonly warningLayout: 'line' | 'list';
  readonly dropUnrecognizedKeyWarnings: boolean;
  readonly deleteMetadataFolder: boolean;
  /** `legacy`: must be an integer >= 2; `ranged`: 2 or 3, higher ones load with a warning. */
  readonly manifestVersionRules: 'legacy' | 'ranged';
  readonly mv2DeprecationWarning: string | null;
  readonly rejectEmptyName: boolean;
  /** `lenient`: any integer size, the path checked only against the files; `strict`: sizes 1-2048, safe paths. */
  readonly iconParsing: 'lenient' | 'strict';
  /** How a missing background page or service worker is named: as written, or by its resolved path (empty). */
  readonly missingBackgroundNamed: 'as-written' | 'resolved';
  /** The manifest keys and permissions the build defines (Chromium's extensions/ plus Electron's own). */
  readonly manifestKeys: readonly string[];
  readonly permissions: readonly string[];
  readonly keyLimits: Limits;
  readonly permissionLimits: Limits;
  /** base::JSONReader's parser: the C++ one, or the Rust one (serde's error wording, stricter strings). */
  readonly jsonParser: 'cpp' | 'rust';
  /** Whether web_accessible_resources is checked at load (its generated-type errors and V3 entry rules). */
  readonly parseWebAccessibleResources: boolean;
  /** Extension::kValidHostPermissionSchemes of the build's Chromium (urn, later uuid-in-package, non-standard). */
  readonly hostPermissionSchemes: readonly string[];
  /** "Invalid scheme for 'permissions[P]'." (`permissions`), or naming the key it came from (`key`). */
  readonly invalidSchemeWording: 'permissions' | 'key';
  /** The Chromium version minimum_chrome_version is checked against (Electron 27+), or null where nothing checks it. */
  readonly minimumChromeVersionOf: string | null;
}

// Chromium 8x's mask; Chromium 9x added urn (its web bundle URLs), which
// later became uuid-in-package. Never chrome-extension, data or filesystem.
const HOST_SCHEMES_8X = ['http', 'https', 'file', 'ftp', 'chrome', 'ws', 'wss'];

const MV2_2023 =
  'Manifest version 2 is deprecated, and support will be removed in 2023. See https://developer.chrome.com/blog/mv2-transition/ for more details.';
const MV2_2024 =
  'Manifest version 2 is deprecated, and support will be removed in 2024. See https://developer.chrome.com/docs/extensions/develop/migrate/mv2-deprecation-timeline for details.';

const E9: ExtensionEraRules = {
  requireAbsolutePath: false,
  acceptsOptions: false,
  emitsEvents: false,
  warningLayout: 'line',
  dropUnrecognizedKeyWarnings: false,
  deleteMetadataFolder: false,
  manifestVersionRules: 'legacy',
  mv2DeprecationWarning: null,
  rejectEmptyName: false,
  iconParsing: 'lenient',
  missingBackgroundNamed: 'as-written',
  manifestKeys: [...CHROMIUM_MANIFEST_KEYS, 'content_scripts', 'devtools_page'],
  permissions: [...CHROMIUM_PERMISSIONS, 'resourcesPrivate'],
  keyLimits: {},
  permissionLimits: {},
  parseWebAccessibleResources: false,
  jsonParser: 'cpp',
  hostPermissionSchemes: HOST_SCHEMES_8X,
  invalidSchemeWording: 'permissions',
  minimumChromeVersionOf: null,
};

const E12: ExtensionEraRules = {
  ...E9,
  requireAbsolutePath: true,
  acceptsOptions: true,
  emitsEvents: true,
  warningLayout: 'list',
  permissions: [...CHROMIUM_PERMISSIONS, 'resourcesPrivate', 'management'],
};

const E17: ExtensionEraRules = {
  ...E12,
  dropUnrecognizedKeyWarnings: true,
  deleteMetadataFolder: true,
  manifestVersionRules: 'ranged',
  mv2DeprecationWarning: MV2_2023,
  rejectEmptyName: true,
  iconParsing: 'strict',
  missingBackgroundNamed: 'resolved',
  permissions: [...CHROMIUM_PERMISSIONS, 'resourcesPrivate', 'management', 'cryptotokenPrivate'],
  hostPermissionSchemes: [...HOST_SCHEMES_8X, 'urn'],
  invalidSchemeWording: 'key',
};

const CURRENT: ExtensionEraRules = {
  ...E17,
  mv2DeprecationWarning: MV2_2024,
  // Chromium moved some of Chrome's keys into extensions/ by the time Electron 39 shipped.
  manifestKeys: [
    ...CHROMIUM_MANIFEST_KEYS,
    ...ELECTRON_39_MANIFEST_KEYS,
    'about_page',
    'action',
    'author',
    'commands',
    'content_scripts',
    'devtools_page',
    'homepage_url',
    'host_permissions',
    'minimum_chrome_version',
    'optional_host_permissions',
    'short_name',
    'trial_tokens',
    'update_url',
  ],
  permissions: [
    ...CHROMIUM_PERMISSIONS,
    ...ELECTRON_39_PERMISSIONS,
    'resourcesPrivate',
    'pdfViewerPrivate',
    'management',
    'tabs',
    'scripting',
  ],
  keyLimits: CURRENT_KEY_LIMITS,
  permissionLimits: CURRENT_PERMISSION_LIMITS,
  parseWebAccessibleResources: true,
  jsonParser: 'rust',
  hostPermissionSchemes: [...HOST_SCHEMES_8X, 'uuid-in-package'],
  minimumChromeVersionOf: ERA_VERSIONS.current.chrome,
};

export const EXTENSION_ERAS: Readonly<Record<EraId, ExtensionEraRules | null>> = {
  legacy: null,
  e9: E9,
  e12: E12,
  e17: E17,
  current: CURRENT,
};
