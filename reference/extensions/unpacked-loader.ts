// ElectronExtensionLoader's LoadUnpacked, off the caller's turn as Electron
// runs it on the extension file task runner: the directory must exist, a
// `_metadata` folder is deleted first (Electron 15+), manifest.json is read
// and parsed, localisation is checked, the extension is created and
// validated. Failures come back as Electron words them ("Extension
// directory not found: D", "Loading extension at D failed with: ..."), with
// D the path exactly as given; install warnings as one text in the era's
// layout.

import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtensionEraRules } from './era-rules.ts';
import { createExtension, type CreatedExtension } from './extension-create.ts';
import { validateExtension } from './extension-validate.ts';
import { ExtensionLoadError, MANIFEST_ERRORS } from './manifest-errors.ts';
import type { ManifestFeatures } from './manifest-features.ts';
import { JsonParseError, parseManifestJson } from './manifest-json.ts';
import { parseManifestJsonRust } from './manifest-json-rust.ts';

export type LoadResult = { ok: true; extension: CreatedExtension; warnings: string } | { ok: false; error: string };

async function kind(path: string): Promise<'directory' | 'other' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

/** file_util::LoadManifest. */
async function loadManifest(dir: string, rules: ExtensionEraRules): Promise<Record<string, unknown>> {
  const path = join(dir, 'manifest.json');
  if ((await kind(path)) === null) throw new ExtensionLoadError(MANIFEST_ERRORS.manifestUnreadable);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new ExtensionLoadError(MANIFEST_ERRORS.manifestUnreadable);
  }
  let root: unknown;
  try {
    root = rules.jsonParser === 'rust' ? parseManifestJsonRust(bytes) : parseManifestJson(bytes);
  } catch (error) {
    if (error instanceof JsonParseError) throw new ExtensionLoadError(`${MANIFEST_ERRORS.manifestParse}  ${error.message}`);
    throw error;
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root))
    throw new ExtensionLoadError(MANIFEST_ERRORS.manifestInvalid);
  return root as Record<string, unknown>;
}

/** The part of extension_l10n_util::LocalizeExtension that can fail: a _locales folder needs its default locale. */
async function checkLocales(dir: string, manifest: Record<string, unknown>): Promise<void> {
  const locales = join(dir, '_locales');
  if ((await kind(locales)) === null) return;
  const fallback = manifest.default_locale;
  const usable = typeof fallback === 'string' && fallback !== '' && (await kind(join(locales, fallback))) !== null;
  if (!usable) throw new ExtensionLoadError(MANIFEST_ERRORS.localesNoDefault);
}

export function formatWarnings(dir: string, warnings: readonly string[], rules: ExtensionEraRules): string {
  if (!warnings.length) return '';
  if (rules.warningLayout === 'line') return `Warnings loading extension at ${dir}: ${warnings.map((w) => `${w} `).join('')}`;
  return `Warnings loading extension at ${dir}:\n${warnings.map((w) => `  ${w}\n`).join('')}`;
}

export async function loadUnpacked(dir: string, rules: ExtensionEraRules, features: ManifestFeatures): Promise<LoadResult> {
  if ((await kind(dir)) !== 'directory') return { ok: false, error: `Extension directory not found: ${dir}` };
  if (rules.deleteMetadataFolder && (await kind(join(dir, '_metadata'))) === 'directory') {
    await rm(join(dir, '_metadata'), { recursive: true, force: true });
  }
  try {
    const manifest = await loadManifest(dir, rules);
    await checkLocales(dir, manifest);
    const extension = createExtension(dir, manifest, { rules, features });
    const warnings = [...extension.warnings, ...(await validateExtension(extension, rules))];
    const shown = rules.dropUnrecognizedKeyWarnings
      ? warnings.filter((w) => !/^Unrecognized manifest key '.*'\.$/s.test(w))
      : warnings;
    return { ok: true, extension, warnings: formatWarnings(dir, shown, rules) };
  } catch (error) {
    if (error instanceof ExtensionLoadError)
      return { ok: false, error: `Loading extension at ${dir} failed with: ${error.message}` };
    throw error;
  }
}
