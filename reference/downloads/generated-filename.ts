// The file name Chromium generates for a download (net::GenerateFileName,
// net/base/filename_util_internal.cc), which `item.getFilename()` reports and
// a save dialog proposes: the Content-Disposition file name, else the last
// segment of the URL's path, else the default name ('download' in
// Electron); dots trimmed from both ends, path separators and characters
// illegal in file names replaced by '_'; then an extension from the MIME type
// when the name has none (or came from a URL with a query, a generator whose
// extension is unreliable). A name from Content-Disposition keeps exactly the
// extension it has.

import { parseContentDisposition } from '../net/http/content-disposition.ts';
import { percentDecode, utf8Of } from '../net/http/content-disposition-words.ts';
import { extensionsOf, preferredExtension } from '../net/mime-types.ts';

const DOUBLE_EXTENSION_SUFFIXES = ['bz', 'bz2', 'gz', 'lz', 'lzma', 'lzo', 'xz', 'z', 'zst'];

/** base::FilePath::Extension(): the last one, or two for `foo.tar.gz`; with the dot, '' for none. */
export function extensionOf(name: string): string {
  if (name === '.' || name === '..') return '';
  const last = name.lastIndexOf('.');
  if (last <= 0) return last === 0 ? name : '';
  const penultimate = name.lastIndexOf('.', last - 1);
  if (penultimate >= 0) {
    if (name.slice(penultimate + 1).toLowerCase() === 'user.js') return name.slice(penultimate);
    const suffix = name.slice(last + 1).toLowerCase();
    if (DOUBLE_EXTENSION_SUFFIXES.includes(suffix) && last - penultimate <= 5 && last - penultimate > 1)
      return name.slice(penultimate);
  }
  return name.slice(last);
}

function replaceExtension(name: string, extension: string): string {
  const current = extensionOf(name);
  const bare = current ? name.slice(0, name.length - current.length) : name;
  return extension ? `${bare}.${extension}` : bare;
}

/** The extension the MIME type asks for, keeping one it already lists (GetCorrectedExtensionUnsafe). */
function correctedExtension(name: string, mime: string, ignoreExtension: boolean): string {
  const extension = extensionOf(name).replace(/^\./, '');
  if (!mime || (extension && !ignoreExtension)) return extension;
  const preferred = preferredExtension(mime);
  if (preferred === undefined) return extension;
  // The tables are lower case and compared exactly: `photo.JPG` is not a listed jpeg name.
  const all = extensionsOf(mime);
  if (all.includes(extension)) return extension;
  const final = name.slice(name.lastIndexOf('.') + 1);
  if (name.includes('.') && all.includes(final)) return extension;
  return preferred;
}

/**
 * GetFileNameFromURL: the last path segment without `;parameters`,
 * %-unescaped to bytes; bytes that are not UTF-8 go through the locale's
 * decoder (UTF-8 here), which gives nothing. '' for data:, about: and
 * unparsable URLs. A query, even an empty one, marks the extension as
 * unreliable.
 */
function fileNameFromUrl(url: string): { name: string; hasQuery: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { name: '', hasQuery: false };
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'about:') return { name: '', hasQuery: false };
  const segment = (parsed.pathname.split('/').pop() ?? '').split(';')[0] ?? '';
  const name = utf8Of(percentDecode(segment)) ?? '';
  // GURL::has_query: a `?` before the fragment (WHATWG's search is '' for a bare `?`).
  const hasQuery = parsed.href.split('#')[0]!.includes('?');
  return { name, hasQuery: name !== '' && hasQuery };
}

// base::i18n's illegal characters: "*/:<>?\| and controls, format characters
// and non-characters anywhere; white space, `.` and `~` at either end (`~`
// inside a name only on Windows, where it may make an 8.3 short name).
const ILLEGAL_ANYWHERE = /["*/:<>?\\|\p{Cc}\p{Cf}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;
const ILLEGAL_AT_ENDS = /^[\s.~]|[\s.~]$/gu;

function sanitize(name: string): string {
  const trimmed = name.replace(/^\.+|\.+$/g, '');
  return trimmed.replace(/[/\\]/g, '_');
}

export interface FilenameSources {
  url: string;
  contentDisposition: string;
  mimeType: string;
  /** The name used when no source gives one (Electron passes 'download'). */
  defaultName?: string;
}

export function generateFilename({ url, contentDisposition, mimeType, defaultName = 'download' }: FilenameSources): string {
  let name = contentDisposition ? parseContentDisposition(contentDisposition).filename : '';
  const fromDisposition = name !== '';
  let overwriteExtension = false;
  if (!name) ({ name, hasQuery: overwriteExtension } = fileNameFromUrl(url));
  name = sanitize(name);
  if (!/[^-_]/.test(name)) {
    name = defaultName;
    overwriteExtension = false;
  }
  name = name.replace(ILLEGAL_ANYWHERE, '_').replace(ILLEGAL_AT_ENDS, '_');
  const extension = fromDisposition
    ? extensionOf(name).replace(/^\./, '')
    : correctedExtension(name, mimeType, overwriteExtension);
  return replaceExtension(name, extension);
}
