// The MIME types a page navigation shows instead of downloading
// (blink::IsSupportedMimeType: images, media, HTML/XML/JSON/script, and text
// except the types browsers hand to other applications). A navigation to any
// other type, or to an answer that is an attachment, becomes a download.
// An answer without a type counts as one to download: the reference does not
// sniff content.

const IMAGES = new Set([
  'image/png',
  'image/gif',
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/webp',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/x-xbitmap',
  'image/x-png',
  'image/svg+xml',
  'image/avif',
  'image/apng',
]);

const NON_IMAGES = new Set([
  'application/xml',
  'application/atom+xml',
  'application/rss+xml',
  'application/xhtml+xml',
  'application/json',
  'application/javascript',
  'application/ecmascript',
  'application/x-javascript',
  'message/rfc822',
  'multipart/related',
]);

const MEDIA = new Set([
  'video/mp4',
  'video/webm',
  'video/ogg',
  'audio/mpeg',
  'audio/mp3',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'audio/flac',
  'audio/x-m4a',
]);

/** Text types a browser does not show (blink's unsupported text types). */
const UNSUPPORTED_TEXT = new Set([
  'text/calendar',
  'text/x-calendar',
  'text/x-vcalendar',
  'text/vcalendar',
  'text/vcard',
  'text/x-vcard',
  'text/directory',
  'text/ldif',
  'text/qif',
  'text/x-qif',
  'text/x-csv',
  'text/x-vcf',
  'text/rtf',
  'text/comma-separated-values',
  'text/csv',
  'text/tab-separated-values',
  'text/tsv',
  'text/ofx',
  'text/vnd.sun.j2me.app-descriptor',
  'text/x-ms-iqy',
  'text/x-ms-odc',
  'text/x-ms-rqy',
  'text/x-ms-contact',
]);

export function isRenderedMimeType(mime: string): boolean {
  if (IMAGES.has(mime) || NON_IMAGES.has(mime) || MEDIA.has(mime)) return true;
  if (/^application\/[^/]+\+json$/.test(mime)) return true;
  return mime.startsWith('text/') && !UNSUPPORTED_TEXT.has(mime);
}
