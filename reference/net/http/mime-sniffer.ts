// The MIME sniffing Chromium's network service applies to a response whose
// loader asked for it (kURLLoadOptionSniffMimeType: downloads and
// navigations), so a download's MIME type (DownloadItem.getMimeType, and the
// extension its file name gets) is the sniffed one, not the header's.
//
// Follows net/base/mime_sniffer.cc: ShouldSniffMimeType (http, https and
// file URLs; text/plain, application/octet-stream, text/xml,
// application/xml, the Office types, and unknown types: none, empty,
// unknown/unknown, application/unknown, */*, anything without a slash),
// and SniffMimeType over the first kMaxBytesToSniff (1024) bytes: HTML and
// <?xml tags for unknown types (http only, not file URLs), the binary check
// (a BOM is text; a control byte other than TAB, LF, FF, CR, ESC is binary)
// for unknown types and text/plain, feeds for XML types, .crx and Office
// documents by URL extension and magic number, false Office types, and the
// table of magic numbers (PDF, PostScript, GIF, PNG, JPEG, BMP, scripts,
// GZIP, ZIP, RAR, WebM, WebP, TIFF, MP3, EXE, ...) except for
// application/octet-stream. URLLoader's rule for nosniff without a type
// (text/plain) is here too. Left out: sniffing after a content decoding
// (the reference sees decoded bodies anyway), and the loader's sniffing in
// several steps as the body trickles in (one sniff of what arrived up to
// 1024 bytes or the end).

export const MAX_BYTES_TO_SNIFF = 1024;
/** kBytesRequiredForMagic: the longest magic number. */
const BYTES_FOR_MAGIC = 42;

const SNIFFABLE_TYPES = new Set([
  'text/plain',
  'application/octet-stream',
  'text/xml',
  'application/xml',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.ms-powerpoint.presentation.macroenabled.12',
  'application/mspowerpoint',
  'application/msexcel',
  'application/vnd.ms-word',
  'application/vnd.ms-word.document.12',
  'application/vnd.msword',
]);

/** The Office types (every sniffable type after the first four). */
const OFFICE_TYPES = new Set([...SNIFFABLE_TYPES].slice(4));

interface Magic {
  type: string;
  /** Bytes as a latin1 string; '.' matches any byte. */
  magic: string;
  /** A case-insensitive string (HTML tags). */
  text?: boolean;
}

const MAGIC_NUMBERS: readonly Magic[] = [
  { type: 'application/pdf', magic: '%PDF-' },
  { type: 'application/postscript', magic: '%!PS-Adobe-' },
  { type: 'image/gif', magic: 'GIF87a' },
  { type: 'image/gif', magic: 'GIF89a' },
  { type: 'image/png', magic: '\x89PNG\r\n\x1a\n' },
  { type: 'image/jpeg', magic: '\xff\xd8\xff' },
  { type: 'image/bmp', magic: 'BM' },
  { type: 'text/plain', magic: '#!' },
  { type: 'text/plain', magic: '%!' },
  { type: 'text/plain', magic: 'From' },
  { type: 'text/plain', magic: '>From' },
  { type: 'application/x-gzip', magic: '\x1f\x8b\x08' },
  { type: 'audio/x-pn-realaudio', magic: '.RMF' },
  { type: 'video/x-ms-asf', magic: '0&\xb2u\x8ef\xcf\x11\xa6\xd9\x00\xaa\x00b\xcel' },
  { type: 'image/tiff', magic: 'I I' },
  { type: 'image/tiff', magic: 'II*' },
  { type: 'image/tiff', magic: 'MM\x00*' },
  { type: 'audio/mpeg', magic: 'ID3' },
  { type: 'image/webp', magic: 'RIFF....WEBPVP' },
  { type: 'video/webm', magic: '\x1a\x45\xdf\xa3' },
  { type: 'application/zip', magic: 'PK\x03\x04' },
  { type: 'application/x-rar-compressed', magic: 'Rar!\x1a\x07\x00' },
  { type: 'application/x-msmetafile', magic: '\xd7\xcd\xc6\x9a' },
  { type: 'application/octet-stream', magic: 'MZ' },
];

const HTML_TAGS = [
  '!DOCTYPE html',
  'script',
  'html',
  '!--',
  'head',
  'iframe',
  'h1',
  'div',
  'font',
  'table',
  'a',
  'style',
  'title',
  'b',
  'body',
  'br',
  'p',
];
const SNIFFABLE_TAGS: readonly Magic[] = [
  { type: 'text/xml', magic: '<?xml' },
  ...HTML_TAGS.map((tag) => ({ type: 'text/html', magic: `<${tag}`, text: true })),
];

const BYTE_ORDER_MARKS = ['\xfe\xff', '\xff\xfe', '\xef\xbb\xbf'];
const OFFICE_MAGIC = { cfb: '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', ooxml: 'PK\x03\x04' };
const OFFICE_EXTENSIONS: readonly [string, 'word' | 'excel' | 'powerpoint'][] = [
  ['.doc', 'word'],
  ['.xls', 'excel'],
  ['.ppt', 'powerpoint'],
  ['.docx', 'word'],
  ['.xlsx', 'excel'],
  ['.pptx', 'powerpoint'],
];
const OFFICE_RESULT = {
  cfb: { word: 'application/msword', excel: 'application/vnd.ms-excel', powerpoint: 'application/vnd.ms-powerpoint' },
  ooxml: {
    word: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    excel: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    powerpoint: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
};
const CRX_MAGIC = ['Cr24\x02\x00\x00\x00', 'Cr24\x03\x00\x00\x00'];

/** MatchMagicNumber: a '.' in a byte pattern matches any byte (RealAudio's leading 0x2E too, as in Chromium). */
function matches(content: string, { magic, text }: Magic): boolean {
  if (content.length < magic.length) return false;
  if (text) return content.slice(0, magic.length).toLowerCase() === magic.toLowerCase();
  for (let i = 0; i < magic.length; i++) if (magic[i] !== '.' && magic[i] !== content[i]) return false;
  return true;
}

function firstMatch(content: string, table: readonly Magic[]): string | undefined {
  return table.find((entry) => matches(content, entry))?.type;
}

/** IsUnknownMimeType. */
function isUnknown(mime: string): boolean {
  return mime === '' || mime === 'unknown/unknown' || mime === 'application/unknown' || mime === '*/*' || !mime.includes('/');
}

/** LooksLikeBinary: a byte below 0x20 other than TAB, LF, FF, CR and ESC. */
export function looksLikeBinary(content: string): boolean {
  for (let i = 0; i < content.length; i++) {
    const byte = content.charCodeAt(i);
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return true;
  }
  return false;
}

/** ShouldSniffMimeType: the scheme allows it and the type is one servers get wrong. */
export function shouldSniffMimeType(url: URL, mime: string): boolean {
  if (!['http:', 'https:', 'file:', 'filesystem:'].includes(url.protocol)) return false;
  return SNIFFABLE_TYPES.has(mime) || isUnknown(mime);
}

function urlPathEndsWith(url: URL, suffix: string, ignoreCase: boolean): boolean {
  const path = ignoreCase ? url.pathname.toLowerCase() : url.pathname;
  return path.endsWith(suffix);
}

function officeDocument(content: string, url: URL): string | undefined {
  const version = content.startsWith(OFFICE_MAGIC.cfb) ? 'cfb' : content.startsWith(OFFICE_MAGIC.ooxml) ? 'ooxml' : undefined;
  if (!version) return undefined;
  const kind = OFFICE_EXTENSIONS.find(([ext]) => urlPathEndsWith(url, ext, true))?.[1];
  return kind && OFFICE_RESULT[version][kind];
}

/**
 * SniffXML: a feed's first tag within 300 bytes after XML and DOCTYPE
 * declarations; `decided` once a first plain tag (or five tags) was seen.
 */
function xmlFeed(content: string): { type?: string; decided: boolean } {
  const head = content.slice(0, 300);
  let pos = 0;
  for (let i = 0; i < 5 && pos < head.length; i++) {
    pos = head.indexOf('<', pos);
    if (pos < 0) return { decided: false };
    const current = head.slice(pos).toLowerCase();
    if (current.startsWith('<?xml') || current.startsWith('<!doctype')) {
      pos++;
      continue;
    }
    if (current.startsWith('<feed')) return { type: 'application/atom+xml', decided: true };
    if (current.startsWith('<rss')) return { type: 'application/rss+xml', decided: true };
    return { decided: true };
  }
  return { decided: pos < head.length };
}

export interface Sniffed {
  type: string;
  /** Whether more bytes (up to MAX_BYTES_TO_SNIFF) could change the type: the loader waits for them. */
  enough: boolean;
}

/**
 * SniffMimeType over the body's first bytes (a latin1 string; past
 * MAX_BYTES_TO_SNIFF they are ignored): the type the loader reports for
 * `hint`, and whether it has seen enough to stop waiting for more.
 */
export function sniffMimeType(body: string, url: URL, hint: string): Sniffed {
  const content = body.slice(0, MAX_BYTES_TO_SNIFF);
  if (OFFICE_TYPES.has(hint)) {
    if (content.length < 8) return { type: hint, enough: false };
    const valid = content.startsWith(OFFICE_MAGIC.cfb) || content.startsWith(OFFICE_MAGIC.ooxml);
    return { type: valid ? hint : 'application/octet-stream', enough: true };
  }
  let enough = true;
  let type = hint;
  const unknown = isUnknown(hint);
  if (unknown && url.protocol !== 'file:') {
    enough &&= content.length >= 512;
    const html = firstMatch(content.slice(0, 512).replace(/^[ \t\n\r\f\v]+/, ''), SNIFFABLE_TAGS);
    if (html) return { type: html, enough: true };
  }
  if (unknown || hint === 'text/plain') {
    const bom = BYTE_ORDER_MARKS.some((mark) => content.startsWith(mark));
    const binary = !bom && looksLikeBinary(content);
    type = binary ? 'application/octet-stream' : 'text/plain';
    // Text so far: a binary byte may still come.
    if (!binary && !bom) enough &&= content.length >= MAX_BYTES_TO_SNIFF;
    // A text/plain answer that does not look binary is trusted.
    if (!binary && hint === 'text/plain') return { type, enough };
  }
  if (hint === 'text/xml' || hint === 'application/xml') {
    const feed = xmlFeed(content);
    return feed.type ? { type: feed.type, enough: true } : { type, enough: feed.decided || (enough && content.length >= 300) };
  }
  if (urlPathEndsWith(url, '.crx', false)) {
    enough &&= content.length >= BYTES_FOR_MAGIC;
    if (CRX_MAGIC.some((magic) => content.startsWith(magic))) return { type: 'application/x-chrome-extension', enough: true };
  }
  enough &&= content.length >= 8;
  const office = officeDocument(content, url);
  if (office) return { type: office, enough: true };
  if (hint === 'application/octet-stream') return { type, enough };
  enough &&= content.length >= BYTES_FOR_MAGIC;
  const magic = firstMatch(content, MAGIC_NUMBERS);
  return magic ? { type: magic, enough: true } : { type, enough };
}

/**
 * The type a sniffing loader reports for a response: the sniffed type when
 * it sniffs (`sniff` looks at the first bytes), text/plain for
 * `X-Content-Type-Options: nosniff` without a type, else the header's.
 */
export async function loaderMimeType(
  mime: string,
  url: URL,
  contentTypeOptions: string,
  sniff: (hint: string) => Promise<string>,
): Promise<string> {
  const blocked = contentTypeOptions.trim().toLowerCase() === 'nosniff';
  if (!blocked && shouldSniffMimeType(url, mime)) return sniff(mime);
  return mime === '' ? 'text/plain' : mime;
}
