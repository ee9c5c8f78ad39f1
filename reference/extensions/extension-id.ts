// Extension ids as Chromium computes them (components/crx_file/id_util): the
// SHA-256 of some bytes, its first 16 bytes written in hex, each hex digit
// then moved into the letters a-p ('0' -> 'a' ... 'f' -> 'p'). An unpacked
// extension hashes its directory path exactly as it was given (no
// normalisation on POSIX; Windows upper-cases the drive letter and hashes
// the UTF-16 code units); a manifest `key` hashes the decoded public key.

import { createHash } from 'node:crypto';

const ID_BYTES = 16;

/** The a-p spelling of a byte string's SHA-256 prefix. */
export function idFromBytes(bytes: Uint8Array): string {
  const hex = createHash('sha256')
    .update(bytes)
    .digest('hex')
    .slice(0, ID_BYTES * 2);
  let id = '';
  for (const digit of hex) id += String.fromCharCode(97 + parseInt(digit, 16));
  return id;
}

/** The id of an unpacked extension without a key: the hash of its path's bytes. */
export function idFromPath(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return idFromBytes(Buffer.from(path, 'utf8'));
  const normalized = /^[a-z]:/.test(path) ? path[0]!.toUpperCase() + path.slice(1) : path;
  return idFromBytes(Buffer.from(normalized, 'utf16le'));
}

const PEM_BEGIN = '-----BEGIN';
const PEM_END = '-----END';
const PEM_INFO_END = 'KEY-----';
const MAX_KEY_INPUT = 100 * 1024;

/** Chromium's CollapseWhitespaceASCII(text, true), as PEM parsing uses it. */
function collapseAsciiWhitespace(text: string): string {
  return text
    .replace(/[ \t\n\v\f\r]*[\n\r][ \t\n\v\f\r]*/g, '')
    .replace(/[ \t\n\v\f\r]+/g, ' ')
    .trim();
}

/** base::Base64Decode in its strict form: the RFC 4648 alphabet, padded to a multiple of four. */
function strictBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return Buffer.from(text, 'base64');
}

/**
 * Extension::ParsePEMKeyBytes: the bytes of a manifest `key`, which is
 * base64, optionally wrapped in PEM header and footer lines. Null when it
 * cannot be read.
 */
export function parsePemKeyBytes(input: string): Buffer | null {
  if (input.length === 0 || input.length > MAX_KEY_INPUT) return null;
  let working = input;
  if (working.startsWith(PEM_BEGIN)) {
    working = collapseAsciiWhitespace(working);
    const header = working.indexOf(PEM_INFO_END, PEM_BEGIN.length);
    if (header < 0) return null;
    const start = header + PEM_INFO_END.length;
    const end = working.lastIndexOf(PEM_END);
    if (end < 0 || start >= end) return null;
    working = working.slice(start, end);
    if (working.length === 0) return null;
  }
  return strictBase64(working);
}
