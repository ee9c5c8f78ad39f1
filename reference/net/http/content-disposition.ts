// The Content-Disposition header as Chromium's network stack reads it
// (net/http/http_content_disposition.cc), for downloads' file names and
// webRequest's listeners: the disposition type (an unknown
// token counts as an attachment, a missing one as inline) and the file name,
// `filename*` (RFC 5987: charset'language'percent-encoded) preferred over
// `filename` (RFC 2047 encoded words, %-escaped UTF-8, or raw UTF-8 bytes).
// Parameters are read until the first malformed one, as Chromium's
// name-value iterator stops there.

export interface ContentDisposition {
  readonly type: 'inline' | 'attachment';
  /** The decoded file name, '' when the header names none usable. */
  readonly filename: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Header values arrive as Latin-1 strings, one character per byte. */
function bytesOf(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

function decodeAs(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset.trim().toLowerCase(), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** %XX sequences to bytes; other characters as their own byte. */
function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(text.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** One RFC 2047 encoded word (`=?charset?B|Q?text?=`), or undefined when the word is none. */
function decodeEncodedWord(word: string): string | undefined {
  const match = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(word);
  if (!match) return undefined;
  const [, charset, encoding, text] = match as unknown as [string, string, string, string];
  const bytes =
    encoding.toUpperCase() === 'B'
      ? Uint8Array.from(Buffer.from(text, 'base64'))
      : percentDecode(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, '%$1'));
  return decodeAs(bytes, charset);
}

/** DecodeWord: raw bytes as UTF-8, an encoded word, or %-escaped UTF-8; undefined when none fits. */
function decodeWord(word: string): { text: string; rfc2047: boolean } | undefined {
  if (!isAscii(word)) {
    const bytes = bytesOf(word);
    return { text: decodeAs(bytes, 'utf-8') ?? decodeAs(bytes, 'latin1') ?? '', rfc2047: false };
  }
  const encoded = decodeEncodedWord(word);
  if (encoded !== undefined) return { text: encoded, rfc2047: true };
  const unescaped = decodeAs(percentDecode(word), 'utf-8');
  return unescaped === undefined ? undefined : { text: unescaped, rfc2047: false };
}

/** DecodeFilenameValue: each word decoded; whitespace between plain words becomes a space. */
function decodeFilenameValue(value: string): string {
  let out = '';
  let previousEncoded = true;
  for (const piece of value.split(/([ \t\r\n])/)) {
    if (piece === '') continue;
    if (/^[ \t\r\n]$/.test(piece)) {
      if (!previousEncoded) out += ' ';
      continue;
    }
    const decoded = decodeWord(piece);
    if (!decoded) return '';
    previousEncoded = decoded.rfc2047;
    out += decoded.text;
  }
  return out;
}

/** DecodeExtValue: RFC 5987 `charset'language'value`, ASCII only, no quotes. */
function decodeExtValue(value: string): string {
  if (value.includes('"')) return '';
  const parts = value.split("'");
  if (parts.length !== 3) return '';
  const [charset, , encoded] = parts as [string, string, string];
  if (!charset.trim() || !isAscii(encoded)) return '';
  return decodeAs(percentDecode(encoded), charset) ?? '';
}

/** The `;`-separated name=value pairs after the type, quotes honoured, stopping at a malformed pair. */
function* parameters(text: string): Generator<{ name: string; value: string; quoted: boolean }> {
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
    const pair = text.slice(i, end).trim();
    i = end + 1;
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) return;
    const name = pair.slice(0, equals).trim();
    const raw = pair.slice(equals + 1).trim();
    if (!name) return;
    if (raw.startsWith('"')) {
      const closed = raw.length > 1 && raw.endsWith('"');
      const inner = raw.slice(1, closed ? -1 : undefined);
      yield { name, value: inner.replace(/\\(.)/g, '$1'), quoted: true };
    } else {
      yield { name, value: raw, quoted: false };
    }
  }
}

export function parseContentDisposition(header: string): ContentDisposition {
  const text = header.trim();
  const semicolon = text.indexOf(';');
  const head = (semicolon < 0 ? text : text.slice(0, semicolon)).trim();
  let type: ContentDisposition['type'] = 'inline';
  let rest = text;
  // A first part that is no token is read as a parameter, not a type.
  if (head && TOKEN.test(head)) {
    type = head.toLowerCase() === 'inline' ? 'inline' : 'attachment';
    rest = semicolon < 0 ? '' : text.slice(semicolon + 1);
  }
  let filename = '';
  let extFilename = '';
  for (const { name, value } of parameters(rest)) {
    const key = name.toLowerCase();
    if (key === 'filename' && !filename) filename = decodeFilenameValue(value);
    else if (key === 'filename*' && !extFilename) extFilename = decodeExtValue(value);
  }
  return { type, filename: extFilename || filename };
}
