// Seeded download scenarios for the file-name differential: one response per
// scenario (URL, Content-Type, Content-Disposition), rich in the cases where
// name generators disagree. Content-Disposition comes as attachment, inline,
// odd-cased, unknown or missing types; filename= quoted, unquoted, with
// backslash escapes, raw UTF-8 or Latin-1 bytes, %-escapes (good and bad),
// RFC 2047 words; filename*= in UTF-8, ISO-8859-1, unknown charsets and
// malformed forms; both, in either order, repeated or empty. Names hold path
// separators, `..`, leading dots, decomposed accents, a UTF-8 0xA0 last byte, trailing dots and spaces, characters
// illegal in file names, controls, bidi overrides, and 300-byte lengths.
// An unquoted comma splits the header into two values (Chromium then refuses
// the response). Without a usable Content-Disposition the URL path names the file: trailing
// slashes, queries, `;parameters`, %-escapes of UTF-8 and of invalid bytes,
// IDN hosts. MIME types with and without known extensions, and ones whose
// extensions conflict with the name's; and a third of the scenarios send a
// type Chromium's loader sniffs (none, empty, unknown, invalid, text/plain,
// octet-stream, XML, Office) with a body of each kind its sniffer tells
// apart, so the extension added is the sniffed type's.
//
// Header values are "byte strings" (one character per byte, as a raw socket
// writes them with 'latin1'), so non-UTF-8 bytes reach the browser unchanged.

import fc from 'fast-check';

export interface DownloadScenario {
  /** The host name, before the scenario's own first label is prefixed (IDN allowed). */
  host: string;
  /** Path, query and fragment as put into the URL (the URL parser escapes what it must). */
  path: string;
  /** Content-Type byte string; undefined sends none. */
  contentType?: string;
  /** Content-Disposition byte string; undefined sends none. */
  contentDisposition?: string;
  /** The body as a byte string; undefined sends the fixture's short text. */
  body?: string;
}

const HOSTS = ['files.test', 'example.com', 'bücher.test', 'xn--bcher-kva.test', 'localhost', 'a.b.c.test'] as const;

/** UTF-8 bytes of a JS string, as a byte string. */
export function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/**
 * Latin-1 bytes of a JS string, characters beyond it as `?` (a NUL byte would
 * make Chromium refuse the whole response, which is no naming question).
 */
function latin1Bytes(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) <= 0xff && c.length === 1 ? c : '?')).join('');
}

/** Every byte %-escaped except unreserved ASCII (encodeURIComponent over bytes). */
function percentAll(bytes: string): string {
  return [...bytes]
    .map((c) => (/[A-Za-z0-9._~-]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

const STEMS = [
  'report',
  'a b',
  'naïve résumé',
  'cafe\u0301',
  'voilà',
  '日本語',
  'emoji😀',
  '..',
  '.',
  '...',
  '.hidden',
  'trailing.',
  'trailing ',
  'trailing. . ',
  '  spaced  ',
  'dir/sub/x',
  '../../etc/passwd',
  '..\\..\\win',
  'C:\\temp\\x',
  'con',
  'x:y',
  'a*b?c',
  '<x>',
  'a|b',
  'quo"te',
  'tab\tx',
  'ctl\x01x',
  'del\x7fx',
  '~tilde',
  'PROGRA~1',
  'mid~tilde~',
  'rtl\u202etxt',
  'zw\u200bsp',
  '-_-',
  '___',
  '-',
  '',
  ' ',
  'x'.repeat(300),
  'é'.repeat(140),
] as const;

const EXTENSIONS = [
  '',
  '.txt',
  '.pdf',
  '.tar.gz',
  '.exe',
  '.html',
  '.JPG',
  '.jpeg',
  '.user.js',
  '.lnk',
  '.local',
  '.{abc}',
  '.',
  '.bin',
  '.zip',
  '.gz',
  '.csv',
  '.a.b.c',
] as const;

export const nameArbitrary = fc.tuple(fc.constantFrom(...STEMS), fc.constantFrom(...EXTENSIONS)).map(([stem, ext]) => stem + ext);

/** A Content-Disposition file name value in one of the encodings Chromium reads (a byte string). */
const filenameParam = fc.oneof(
  nameArbitrary.map((n) => `filename="${utf8Bytes(n).replace(/["\\]/g, '\\$&')}"`),
  nameArbitrary.map((n) => `filename=${utf8Bytes(n)}`),
  nameArbitrary.map((n) => `filename="${utf8Bytes(n)}"`),
  nameArbitrary.map((n) => `filename="${percentAll(utf8Bytes(n))}"`),
  nameArbitrary.map((n) => `filename=${percentAll(utf8Bytes(n))}`),
  nameArbitrary.map((n) => `filename="${latin1Bytes(n)}"`),
  nameArbitrary.map((n) => `filename="=?UTF-8?B?${Buffer.from(n, 'utf8').toString('base64')}?="`),
  nameArbitrary.map((n) => `filename="=?ISO-8859-1?Q?${percentAll(latin1Bytes(n)).replace(/%/g, '=')}?="`),
  nameArbitrary.map((n) => `filename="=?utf-8?q?${percentAll(utf8Bytes(n)).replace(/%/g, '=')}?= tail.txt"`),
  fc.constantFrom(
    'filename=',
    'filename=""',
    'filename="   "',
    'filename="%ZZbad.txt"',
    'filename="%FF%FE.txt"',
    'filename="\\"esc\\\\aped\\".txt"',
    'filename="unterminated.txt',
    'filename=two words.txt',
    'filename="a"b.txt"',
    'filename = "spaced.txt"',
    'FILENAME="upper.txt"',
    'filename=a,b.txt',
    "filename='single quoted.txt'",
    'f"x=1',
    'filename="a,b.txt"',
    'filename="=?bogus?B?AAAA?="',
    'filename="=?UTF-8?B?not base64?="',
  ),
);

const extParam = fc.oneof(
  nameArbitrary.map((n) => `filename*=UTF-8''${percentAll(utf8Bytes(n))}`),
  nameArbitrary.map((n) => `filename*=utf-8'en'${percentAll(utf8Bytes(n))}`),
  nameArbitrary.map((n) => `filename*=ISO-8859-1''${percentAll(latin1Bytes(n))}`),
  nameArbitrary.map((n) => `filename*="UTF-8''${percentAll(utf8Bytes(n))}"`),
  nameArbitrary.map((n) => `filename*=UTF-8''${utf8Bytes(n)}`),
  fc.constantFrom(
    "filename*=UTF-8''",
    "filename*=UTF-8''%FF%FE.txt",
    "filename*=''nocharset.txt",
    "filename*=bogus''x.txt",
    'filename*=UTF-8x.txt',
    "filename*=UTF-8'x.txt",
    "filename*=UTF-8'''x.txt",
    "filename*=windows-1252''%80euro.txt",
    "filename*=UTF-8''a%2Fb.txt",
    "filename*=UTF-8''%2E%2E",
    "FILENAME*=UTF-8''upper%20ext.txt",
    `filename*="UTF-8''unterminated%20ext.txt`,
  ),
);

const dispositionType = fc.constantFrom(
  'attachment',
  'inline',
  'ATTACHMENT',
  'Inline',
  'form-data',
  'bogus',
  '',
  '"quoted"',
  'attachment x',
);

export const contentDispositionArbitrary = fc
  .tuple(
    dispositionType,
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: filenameParam },
        { weight: 2, arbitrary: extParam },
        { weight: 1, arbitrary: fc.constantFrom('size=12', 'x', 'creation-date="Wed, 12 Feb 1997 16:29:51 -0500"', '') },
      ),
      {
        maxLength: 3,
      },
    ),
    fc.constantFrom('; ', ';', ' ;  '),
  )
  .map(([type, params, sep]) => [type, ...params].filter((p, i) => i > 0 || p !== '').join(sep));

const URL_FILES = [
  '',
  'file',
  'file.txt',
  'a%20b.pdf',
  'caf%C3%A9',
  'naïve.txt',
  '%FF%FE.bin',
  'x;param=1.txt',
  'report.php',
  'archive.tar.gz',
  '.hidden',
  'trail.',
  'trail%20',
  '%2E%2E',
  '..%2F..%2Fetc',
  'a%5Cb.txt',
  '%E2%80%AEtxt.exe',
  'photo.JPG',
  'page.html',
  'data.bin',
  '-_-',
  'con.txt',
  'a%3Ab%2Ac.txt',
  'x'.repeat(300),
] as const;

const urlPath = fc
  .tuple(
    fc.constantFrom('/', '/dir/', '/a/b/', '/%C3%A9/'),
    fc.constantFrom(...URL_FILES),
    fc.constantFrom('', '', '?', '?a=1', '?x=y.pdf', '#frag', '?q=1#f', '/'),
  )
  .map(([dir, file, tail]) => dir + file + tail);

// Types Chromium keeps as sent and decides from its built-in tables (types
// only the platform's MIME database knows, text/csv on Linux, depend on the
// machine, so none is here).
const MIME_TYPES = [
  'application/octet-stream',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'text/html',
  'application/zip',
  'application/x-gzip',
  'application/gzip',
  'application/json',
  'TEXT/HTML',
  'application/x-unknown-thing',
  'video/mp4',
  'application/xhtml+xml',
  'text/javascript',
  'application/x-msdownload',
  'image/svg+xml',
] as const;

// Types Chromium's loader MIME-sniffs (net::ShouldSniffMimeType), undefined
// sending none: missing, empty, unknown, unparsable and odd-cased values,
// text/plain (binary bodies are not text), octet-stream (sniffed for .crx
// and Office documents only), XML (feeds) and an Office type (checked for
// its magic number).
const SNIFFED_TYPES = [
  undefined,
  '',
  ' ',
  'text/plain',
  'TEXT/PLAIN; charset=x',
  'application/octet-stream',
  'unknown/unknown',
  'application/unknown',
  '*/*',
  'text',
  'garbage',
  'foo; a=b/c',
  'text/plain junk',
  'text/html junk',
  'application/pdf(comment)',
  '/x',
  'a/b/c',
  'text/xml',
  'application/msword',
] as const;

const BINARY = '\x00\x01\x02\x03binary\xff\xfe';

// Bodies of each kind the sniffer tells apart: text (with the bytes it
// allows: TAB, LF, FF, CR, ESC), binary bytes, byte order marks, the magic
// numbers of its table, HTML and XML starts, feeds, Office and CRX
// signatures, text past the 1024 bytes it reads, and nothing at all.
const BODIES = [
  undefined,
  '',
  'plain words\tand\fform\x1b[0m\r\n',
  BINARY,
  `text first${'.'.repeat(600)}\x01 binary late`,
  `${'a'.repeat(1100)}\x00 past the sniffed bytes`,
  '\xef\xbb\xbfBOM text \x01',
  '\xff\xfeu\x00t\x00f\x001\x006\x00',
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n',
  '%!PS-Adobe-3.0\n',
  'GIF89a\x01\x00\x01\x00',
  '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR',
  '\xff\xd8\xff\xe0\x00\x10JFIF',
  'BMtext that is a bitmap',
  '#!/bin/sh\necho hi\n',
  'From someone\n',
  '\x1f\x8b\x08\x00\x00\x00\x00\x00',
  'PK\x03\x04\x14\x00\x00\x00',
  'Rar!\x1a\x07\x00\x01',
  'MZ\x90\x00\x03\x00',
  'RIFF\x24\x00\x00\x00WEBPVP8 ',
  '\x1a\x45\xdf\xa3\x01',
  'ID3\x03\x00',
  'II*\x00',
  '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00',
  'Cr24\x03\x00\x00\x00',
  '<!DOCTYPE html><title>x</title>',
  '  \n<html><body>x',
  '<?xml version="1.0"?><rss version="2.0"></rss>',
  '<?xml version="1.0"?><feed></feed>',
  '<?xml version="1.0"?><root/>',
  '<p>paragraph',
  '<pre>not sniffed as HTML',
] as const;

const sniffedResponse = fc.record({
  contentType: fc.constantFrom(...SNIFFED_TYPES),
  body: fc.constantFrom(...BODIES),
});

const keptResponse = fc.record({ contentType: fc.constantFrom(...MIME_TYPES), body: fc.constant(undefined) });

export const downloadScenarioArbitrary: fc.Arbitrary<DownloadScenario> = fc
  .tuple(
    fc.constantFrom(...HOSTS),
    fc.oneof(
      { weight: 6, arbitrary: urlPath },
      { weight: 1, arbitrary: fc.constantFrom('/doc.DOC', '/sheet.xlsx', '/ext.crx', '/x.pdf', '/noext') },
    ),
    fc.oneof({ weight: 2, arbitrary: keptResponse }, { weight: 1, arbitrary: sniffedResponse }),
    fc.oneof({ weight: 3, arbitrary: contentDispositionArbitrary }, { weight: 1, arbitrary: fc.constant(undefined) }),
  )
  .map(([host, path, { contentType, body }, contentDisposition]) => ({
    host,
    path,
    ...(contentType === undefined ? {} : { contentType }),
    ...(contentDisposition === undefined ? {} : { contentDisposition }),
    ...(body === undefined ? {} : { body }),
  }));

/** `count` scenarios fixed by `seed`. */
export function downloadScenarios(seed: number, count: number): DownloadScenario[] {
  return count > 0 ? fc.sample(downloadScenarioArbitrary, { seed, numRuns: count }) : [];
}
