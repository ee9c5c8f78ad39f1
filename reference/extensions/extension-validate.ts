// file_util::ValidateExtension: the files a created extension names must be
// there (background scripts, service worker and page, then icons, then the
// _locales folder a default_locale needs, as Chromium 150 was seen to order
// its handlers' checks), and the folder is looked over for what
// Chromium only warns about: a top-level name starting with "_", a name
// Windows reserves, a private key (*.pem) left inside.

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtensionEraRules } from './era-rules.ts';
import type { CreatedExtension } from './extension-create.ts';
import { parsePemKeyBytes } from './extension-id.ts';
import { ExtensionLoadError, format, MANIFEST_ERRORS } from './manifest-errors.ts';
import { backgroundRelativePath } from './manifest-handlers.ts';
import { isNonEmptyFile, isReservedNameOnWindows, resolveResource, safeRelativePath } from './resources.ts';

const RESERVED_UNDERSCORE_NAMES = new Set(['_locales', '_platform_specific', '__MACOSX']);

/** A background page or service worker: the file, and the name its error gives. */
async function backgroundFile(
  root: string,
  value: string,
  rules: ExtensionEraRules,
): Promise<{ file: string | null; shown: string }> {
  const relative = backgroundRelativePath(value);
  const file = relative === null ? null : await resolveResource(root, relative);
  return { file, shown: rules.missingBackgroundNamed === 'as-written' ? (relative ?? value) : (file ?? '') };
}

/**
 * DefaultLocaleHandler::Validate: a default_locale needs a _locales folder
 * (the reverse was refused when the manifest was localised).
 */
async function validateLocales(extension: CreatedExtension): Promise<void> {
  const fallback = extension.manifest.default_locale;
  if (typeof fallback !== 'string' || fallback === '') return;
  if (!(await exists(join(extension.path, '_locales')))) throw new ExtensionLoadError(MANIFEST_ERRORS.localesTreeMissing);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function validateFiles(extension: CreatedExtension, rules: ExtensionEraRules): Promise<void> {
  const { background, path: root } = extension;
  for (const script of background.scripts) {
    if (!(await resolveResource(root, script)))
      throw new ExtensionLoadError(format(MANIFEST_ERRORS.backgroundScriptMissing, script));
  }
  if (background.serviceWorker !== null) {
    const { file, shown } = await backgroundFile(root, background.serviceWorker, rules);
    if (!file) throw new ExtensionLoadError(format(MANIFEST_ERRORS.backgroundScriptMissing, shown));
  }
  if (background.page !== null && background.scripts.length === 0) {
    const { file, shown } = await backgroundFile(root, background.page, rules);
    if (!file) throw new ExtensionLoadError(format(MANIFEST_ERRORS.backgroundPageMissing, shown));
  }
  for (const icon of extension.icons) {
    const relative = safeRelativePath(icon.path);
    const file = relative === null ? null : await resolveResource(root, relative);
    if (!(await isNonEmptyFile(file))) throw new ExtensionLoadError(format(MANIFEST_ERRORS.iconMissing, icon.path, 'icons'));
  }
  await validateLocales(extension);
}

/** Every file and directory under `root` (links not descended into), as root-joined paths. */
async function walk(root: string): Promise<{ path: string; name: string; isFile: boolean }[]> {
  const found: { path: string; name: string; isFile: boolean }[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      found.push({ path, name: entry.name, isFile: entry.isFile() });
      if (entry.isDirectory()) await visit(path);
    }
  };
  await visit(root);
  return found;
}

async function folderWarnings(root: string): Promise<string[]> {
  const warnings: string[] = [];
  let top: string[] = [];
  try {
    top = await readdir(root);
  } catch {
    // The folder was checked before; a race leaves nothing to warn about.
  }
  const underscore = top.find((name) => name.startsWith('_') && !RESERVED_UNDERSCORE_NAMES.has(name));
  if (underscore !== undefined) warnings.push(format(MANIFEST_ERRORS.illegalFilename, underscore));
  const all = await walk(root);
  const reserved = all.find((entry) => isReservedNameOnWindows(entry.name));
  if (reserved) warnings.push(format(MANIFEST_ERRORS.reservedFilename, reserved.name));
  for (const entry of all) {
    if (!entry.isFile || !entry.name.toLowerCase().endsWith('.pem')) continue;
    const contents = await readFile(entry.path, 'latin1').catch(() => null);
    if (contents !== null && parsePemKeyBytes(contents)) warnings.push(format(MANIFEST_ERRORS.privateKey, entry.path));
  }
  return warnings;
}

/** Checks the files; returns the warnings the folder draws. */
export async function validateExtension(extension: CreatedExtension, rules: ExtensionEraRules): Promise<string[]> {
  await validateFiles(extension, rules);
  return folderWarnings(extension.path);
}
