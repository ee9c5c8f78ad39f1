// Files an extension names in its manifest (icons, background scripts and
// pages), resolved as Chromium resolves them. A name must be a safe,
// portable relative path (net::IsSafePortableRelativePath): no `..`, no
// absolute path, no backslash, no hidden or Windows-reserved component; one
// leading '/' is dropped. Electron loads with FOLLOW_SYMLINKS_ANYWHERE, so a
// symbolic link inside the folder may point outside it: the name is checked,
// the link is followed (ExtensionResource::GetFilePath).

import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const ILLEGAL_CHARACTERS = /[\u0000-\u001f\u007f"*/:<>?\\|]/;
const SHELL_EXTENSIONS = new Set(['local', 'lnk', 'scf', 'url']);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const WINDOWS_RESERVED_WHOLE = new Set(['clock$', 'desktop.ini', 'thumbs.db']);

/** net::IsReservedNameOnWindows. */
export function isReservedNameOnWindows(name: string): boolean {
  const stem = name.split('.')[0]!;
  return WINDOWS_RESERVED.test(stem) || WINDOWS_RESERVED_WHOLE.has(name.toLowerCase());
}

/** net::IsSafePortablePathComponent. */
function isSafeComponent(component: string): boolean {
  if (component === '' || component === '.' || component === '..') return false;
  if (ILLEGAL_CHARACTERS.test(component)) return false;
  // SanitizeGeneratedFileName would change a leading dot or a trailing dot or space.
  if (component.startsWith('.') || /[. ]$/.test(component)) return false;
  const dot = component.lastIndexOf('.');
  const extension = dot > 0 ? component.slice(dot + 1).toLowerCase() : '';
  if (SHELL_EXTENSIONS.has(extension) || /^\{.*\}$/.test(extension)) return false;
  return !isReservedNameOnWindows(component);
}

/**
 * Extension::GetResource: the relative path a manifest value names inside
 * the extension, or null when Chromium would refuse it.
 */
export function safeRelativePath(value: string): string | null {
  const relative = value.startsWith('/') ? value.slice(1) : value;
  if (relative === '' || relative.includes('\\') || relative.endsWith('/')) return null;
  const components = relative.split('/').filter((c) => c !== '');
  return components.length && components.every(isSafeComponent) ? components.join('/') : null;
}

/**
 * ExtensionResource::GetFilePath: the real path of an existing file inside
 * `root` (links followed anywhere), or null when it does not exist.
 */
export async function resolveResource(root: string, relative: string): Promise<string | null> {
  try {
    return await realpath(join(await realpath(root), relative));
  } catch {
    return null;
  }
}

/** file_util::ValidateFilePath: the file exists and is not empty. */
export async function isNonEmptyFile(path: string | null): Promise<boolean> {
  if (!path) return false;
  try {
    return (await stat(path)).size !== 0;
  } catch {
    return false;
  }
}

/** file_util::ExtensionURLToRelativeFilePath for a resource named in the manifest. */
export function relativePathOfUrlPath(value: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(value, 'chrome-extension://x/').pathname);
  } catch {
    return null;
  }
  if (/%2f|%5c/i.test(value)) return null;
  const relative = decoded.replace(/^[/\\]+/, '');
  return relative && !relative.startsWith('/') ? relative : null;
}
