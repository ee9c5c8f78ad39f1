// What changes about loading extensions from one era to the next, read from
// Electron's shell/browser/api/electron_api_session.cc and
// shell/browser/extensions/electron_extension_loader.cc at v9, v12, v17 and
// v30+, and from the Chromium of each line (83, 89, 98, 124+):
//
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
//            an empty name is refused.
//   current  the same, with the 2024 wording of the deprecation warning.

import type { EraId } from '../../contract/eras/eras.ts';

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
  /** Electron's own manifest keys and permissions for the era (shell/common/extensions/api). */
  readonly electronManifestKeys: readonly string[];
  readonly electronPermissions: readonly string[];
}

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
  electronManifestKeys: ['content_scripts', 'devtools_page'],
  electronPermissions: ['resourcesPrivate'],
};

const E12: ExtensionEraRules = {
  ...E9,
  requireAbsolutePath: true,
  acceptsOptions: true,
  emitsEvents: true,
  warningLayout: 'list',
  electronPermissions: ['resourcesPrivate', 'management'],
};

const E17: ExtensionEraRules = {
  ...E12,
  dropUnrecognizedKeyWarnings: true,
  deleteMetadataFolder: true,
  manifestVersionRules: 'ranged',
  mv2DeprecationWarning: MV2_2023,
  rejectEmptyName: true,
  electronPermissions: ['resourcesPrivate', 'management', 'cryptotokenPrivate'],
};

const CURRENT: ExtensionEraRules = {
  ...E17,
  mv2DeprecationWarning: MV2_2024,
  // Chromium moved these into extensions/ by the time Electron 39 shipped.
  electronManifestKeys: [
    'about_page', 'action', 'author', 'commands', 'content_scripts', 'devtools_page', 'homepage_url', 'host_permissions',
    'minimum_chrome_version', 'optional_host_permissions', 'short_name', 'trial_tokens', 'update_url',
  ],
  electronPermissions: ['resourcesPrivate', 'pdfViewerPrivate', 'management', 'tabs', 'scripting'],
};

export function extensionRules(era: EraId): ExtensionEraRules | null {
  switch (era) {
    case 'legacy':
      return null;
    case 'e9':
      return E9;
    case 'e12':
      return E12;
    case 'e17':
      return E17;
    case 'current':
      return CURRENT;
  }
}
