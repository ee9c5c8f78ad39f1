// The Content-Disposition header as Chromium's network stack reads it
// (net/http/http_content_disposition.cc), for downloads' file names and
// webRequest's listeners: the disposition type (an unknown
// token counts as an attachment, a missing one as inline) and the file name,
// `filename*` (RFC 5987: charset'language'percent-encoded) preferred over
// `filename` (RFC 2047 encoded words, %-escaped UTF-8, or raw UTF-8 bytes;
// content-disposition-words.ts decodes both). The first of each that decodes
// to something counts. Parameters are read until the first malformed one, as
// Chromium's name-value iterator stops there.

import { decodeExtValue, decodeFilenameValue } from './content-disposition-words.ts';

export interface ContentDisposition {
  readonly type: 'inline' | 'attachment';
  /** The decoded file name, '' when the header names none usable. */
  readonly filename: string;
}

/** HttpUtil::TrimLWS: spaces and tabs only (a raw 0xA0 byte is part of a UTF-8 name). */
function trimLws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

// Only double quotes quote (a single-quoted value keeps its quotes).
const isQuote = (c: string | undefined) => c === '"';

/** HttpUtil::Unquote: the outer quotes off, each backslash escaping the next character. */
function unquote(value: string): string {
  let out = '';
  let escaped = false;
  for (const c of value.slice(1, -1)) {
    if (c === '\\' && !escaped) {
      escaped = true;
      continue;
    }
    escaped = false;
    out += c;
  }
  return out;
}

/**
 * The `;`-separated name=value pairs after the type (HttpUtil's
 * NameValuePairsIterator): `"` quotes a `;`, empty pieces are skipped, and
 * iteration stops at a malformed pair: no name, no `=`, an empty value, or a
 * `"` in the name. A value in matching `"` is unquoted; one whose quotes do not match loses its first character and
 * is used as it is. `raw` is the value before unquoting.
 */
function* parameters(text: string): Generator<{ name: string; value: string; raw: string }> {
  let i = 0;
  while (i < text.length) {
    let end = i;
    let inQuotes = false;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '"') inQuotes = !inQuotes;
      else if (c === '\\' && inQuotes) end++;
      else if (c === ';' && !inQuotes) break;
    }
    const pair = trimLws(text.slice(i, end));
    i = end + 1;
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const name = trimLws(pair.slice(0, equals));
    const raw = trimLws(pair.slice(equals + 1));
    if ([...name].some(isQuote) || !raw) return;
    if (!isQuote(raw[0])) yield { name, value: raw, raw };
    else if (raw.length === 1 || raw[0] !== raw[raw.length - 1]) yield { name, value: raw.slice(1), raw: raw.slice(1) };
    else yield { name, value: unquote(raw), raw };
  }
}

export function parseContentDisposition(header: string): ContentDisposition {
  const text = trimLws(header);
  const semicolon = text.indexOf(';');
  const head = trimLws(semicolon < 0 ? text : text.slice(0, semicolon));
  let type: ContentDisposition['type'] = 'inline';
  let rest = text;
  // A first part that is no token is read as a parameter, not a type.
  if (head && TOKEN.test(head)) {
    type = head.toLowerCase() === 'inline' ? 'inline' : 'attachment';
    rest = semicolon < 0 ? '' : text.slice(semicolon + 1);
  }
  let filename = '';
  let extFilename = '';
  for (const { name, value, raw } of parameters(rest)) {
    const key = name.toLowerCase();
    if (key === 'filename' && !filename) filename = decodeFilenameValue(value);
    // filename* is decoded from the value as written: a quoted one is refused.
    else if (key === 'filename*' && !extFilename) extFilename = decodeExtValue(raw);
  }
  return { type, filename: extFilename || filename };
}
