// Decoding of Content-Disposition file name values as Chromium's
// net/http/http_content_disposition.cc does it, for a browser that passes no
// referrer charset (Electron, DevTools downloads) and runs in a UTF-8 locale.
// `filename` is split into words at whitespace; a word is raw UTF-8 (other
// raw bytes decode to nothing), an RFC 2047 encoded word (strict B and Q
// forms; a malformed one fails the whole value), or %-escaped UTF-8. A space
// between words survives only after a word that was not encoded. `filename*`
// is RFC 5987's charset'language'value, taken unquoted only, ASCII only, and
// NFC-normalised after decoding.

/** Header values arrive as Latin-1 strings, one character per byte. */
export function bytesOf(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

// windows-1252's 0x80-0x9F; ICU and Chromium read ISO-8859-1 labels with it too.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

// base::IsStringUTF8 refuses non-characters as well as malformed sequences.
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** Strict UTF-8 as base::IsStringUTF8 reads it, or undefined. */
export function utf8Of(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return NONCHARACTER.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Bytes in `charset` to text (ICU's converters, stopping at an invalid sequence), or undefined. */
export function decodeCharset(bytes: Uint8Array, charset: string): string | undefined {
  const label = charset.trim().toLowerCase();
  if (CP1252_LABELS.has(label))
    return Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
  if (label === 'utf-8' || label === 'utf8') return utf8Of(bytes);
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** %XX sequences to bytes (base::UnescapeBinaryURLComponent); other characters as their own byte. */
export function percentDecode(text: string): Uint8Array {
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

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** RFC 2047 Q: `_` is a space, `=XX` a byte, other printable ASCII but `?` itself; anything else fails. */
function decodeQ(text: string): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (text[i] === '_') out.push(0x20);
    else if (text[i] === '=') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (c > 0x20 && c < 0x7f && text[i] !== '?') out.push(c);
    else return undefined;
  }
  return Uint8Array.from(out);
}

function decodeBQ(text: string, base64: boolean, charset: string): string | undefined {
  const bytes = base64
    ? STRICT_BASE64.test(text)
      ? bytesOf(Buffer.from(text, 'base64').toString('latin1'))
      : undefined
    : decodeQ(text);
  if (!bytes) return undefined;
  return bytes.length === 0 ? '' : decodeCharset(bytes, charset);
}

interface Word {
  text: string;
  rfc2047: boolean;
}

/** `=?charset?B|Q?text?=` read '?'-token by token; 'plain' when the word is no encoded word, undefined when it fails. */
function decodeEncodedWord(word: string): Word | 'plain' | undefined {
  const parts = word.split('?').filter((p) => p !== '');
  let index = 0;
  let charset = '';
  let base64 = false;
  let decoded = '';
  for (const part of parts) {
    if (index === 0) {
      if (part !== '=') return 'plain';
    } else if (index === 1) charset = part;
    else if (index === 2) {
      if (part.length > 1 || !/[bBqQ]/.test(part)) return 'plain';
      base64 = part === 'b' || part === 'B';
    } else if (index === 3) {
      const text = decodeBQ(part, base64, charset);
      if (text === undefined) return undefined;
      decoded = text;
    } else if (index === 4) {
      if (part !== '=') return undefined;
    } else return undefined;
    index++;
  }
  return word.endsWith('=') ? { text: decoded, rfc2047: true } : undefined;
}

/** DecodeWord: undefined fails the whole value. */
function decodeWord(word: string): Word | undefined {
  if (!isAscii(word)) return { text: utf8Of(bytesOf(word)) ?? '', rfc2047: false };
  const encoded = decodeEncodedWord(word);
  if (encoded !== 'plain') return encoded;
  const unescaped = utf8Of(percentDecode(word));
  return unescaped === undefined ? undefined : { text: unescaped, rfc2047: false };
}

/** DecodeFilenameValue: '' when any word fails. */
export function decodeFilenameValue(value: string): string {
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

/** ParseExtValueComponents: exactly two `'`, a charset and a value (empty pieces between quotes are skipped). */
function extValueComponents(value: string): { charset: string; chars: string } | undefined {
  let delimiters = 0;
  let charset = '';
  let chars = '';
  for (const piece of value.split(/(')/)) {
    if (piece === '') continue;
    if (piece === "'") {
      delimiters++;
      continue;
    }
    if (delimiters === 0) charset = piece;
    else if (delimiters === 2) chars = piece;
    else if (delimiters > 2) return undefined;
  }
  return delimiters === 2 && charset && chars ? { charset, chars } : undefined;
}

/** DecodeExtValue of the parameter's raw value (quotes included, which fail it). */
export function decodeExtValue(raw: string): string {
  if (raw.includes('"')) return '';
  const parts = extValueComponents(raw);
  if (!parts || !isAscii(parts.chars)) return '';
  return decodeCharset(percentDecode(parts.chars), parts.charset)?.normalize('NFC') ?? '';
}
