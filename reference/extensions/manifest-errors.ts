// The load errors and warnings of Chromium's extension manifest parsing, in
// its words (extensions/common/manifest_constants.cc and
// extensions/strings/extensions_strings.grd). `*` placeholders are filled
// in order, as ErrorUtils::FormatErrorMessage fills them.

export const MANIFEST_ERRORS = {
  manifestUnreadable: 'Manifest file is missing or unreadable',
  manifestInvalid: 'Manifest file is invalid',
  manifestParse: 'Manifest is not valid JSON.',
  invalidKey: "Value 'key' is missing or invalid.",
  invalidName: "Required value 'name' is missing or invalid.",
  invalidVersion:
    "Required value 'version' is missing or invalid. It must be between 1-4 dot-separated integers each between 0 and 65536.",
  invalidVersionName: "Invalid value for 'version_name'.",
  invalidDescription: "Invalid value for 'description'.",
  invalidShortName: "Invalid value for 'short_name'.",
  invalidMinimumChromeVersion: "Invalid value for 'minimum_chrome_version'.",
  chromeVersionTooLow: 'This extension requires * version * or greater.',
  invalidManifestVersion: "Invalid value for 'manifest_version'. Must be an integer greater than zero.",
  invalidManifestVersionOld:
    "The 'manifest_version' key must be present and set to * (without quotes). See developer.chrome.com/*/manifestVersion.html for details.",
  invalidManifestVersionMissingKey:
    "Missing 'manifest_version' key. Its value must be an integer *. See developer.chrome.com/*/manifestVersion for details.",
  invalidManifestVersionUnsupported:
    "Invalid value for 'manifest_version'. Must be an integer *. See developer.chrome.com/*/manifestVersion for details.",
  manifestVersionTooHigh:
    'The maximum currently-supported manifest version is *, but this is *.  Certain features may not work as expected.',
  invalidPermissions: "Invalid value for 'permissions'.",
  invalidPermission: "Invalid value for 'permissions[*]'.",
  localesTreeMissing: 'Default locale was specified, but _locales subtree is missing.',
  permissionUnknown: "Permission '*' is unknown or URL pattern is malformed.",
  invalidPermissionScheme: "Invalid scheme for '*[*]'.",
  invalidHostPermissions: "Invalid value for '*'.",
  invalidHostPermission: "Invalid value for '*[*]'.",
  unrecognizedKey: "Unrecognized manifest key '*'.",
  invalidIcons: "Invalid value for 'icons'.",
  invalidIconKey: 'Invalid key in icons: "*".',
  invalidIconPath: 'Invalid value for \'icons["*"]\'.',
  iconMissing: "Could not load icon '*' specified in '*'.",
  invalidBackground: "Invalid value for 'background_page'.",
  invalidBackgroundScripts: "Invalid value for 'background.scripts'.",
  invalidBackgroundScript: "Invalid value for 'background.scripts[*]'.",
  invalidServiceWorker: "Invalid value for 'background.service_worker'.",
  invalidBackgroundPersistent: "Invalid value for 'background.persistent'.",
  persistentNoPage: 'Must specify one of background.page or background.scripts to use background.persistent.',
  backgroundCombination: "Only one of 'background.page', 'background.scripts', and 'background.service_worker' can be specified.",
  backgroundInvalidForMV3: 'The "*" key cannot be used with manifest_version 3. Use the "background.service_worker" key instead.',
  backgroundScriptMissing: "Could not load background script '*'.",
  backgroundPageMissing: "Could not load background page '*'.",
  illegalFilename:
    'Cannot load extension with file or directory name *. Filenames starting with "_" are reserved for use by the system.',
  reservedFilename: 'Cannot load extension with file or directory name *. The filename is illegal.',
  privateKey: "This extension includes the key file '*'. You probably don't want to do that.",
  localesNoDefault: "Localization used, but default_locale wasn't specified in the manifest.",
} as const;

/** ErrorUtils::FormatErrorMessage: each `*` takes the next argument. */
export function format(template: string, ...args: (string | number)[]): string {
  let next = 0;
  return template.replace(/\*/g, () => String(args[next++] ?? '*'));
}

/** A load that fails: its message is Chromium's, without Electron's prefix. */
export class ExtensionLoadError extends Error {}
