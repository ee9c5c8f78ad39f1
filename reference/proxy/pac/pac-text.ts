// Turning fetched PAC bytes into script text the way Chromium's PAC fetcher
// does: the declared charset if any, else a byte-order mark, else ISO-8859-1
// (every byte one character); undecodable bytes become U+FFFD. Also the
// data: URL reading (DataURL::Parse) for inline scripts.

const BOMS: { bytes: number[]; charset: string }[] = [
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
];

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  const name = charset.toLowerCase();
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'l1') return latin1(bytes);
  if (name === 'us-ascii' || name === 'ascii') return latin1(bytes).replace(/[\u0080-\u00ff]/g, '\ufffd');
  if (name === 'utf-16be') {
    // TextDecoder has no big-endian UTF-16; swap to little-endian first.
    const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1]!;
      swapped[i + 1] = bytes[i]!;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    // An unknown charset converts nothing, which fails as an empty script.
    return '';
  }
}

export function decodePacBytes(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) return decodeWith(charset, bytes);
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return decodeWith(bom.charset, bytes.subarray(bom.bytes.length));
  }
  return latin1(bytes);
}

/** The charset parameter of a Content-Type value. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

function percentDecodeBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      out.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Uint8Array.from(out);
}

/** DataURL::Parse: bytes and charset of a data: URL, or null when malformed. */
export function parseDataUrl(url: string): { bytes: Uint8Array; charset: string } | null {
  const body = url.slice(url.indexOf(':') + 1);
  const comma = body.indexOf(',');
  if (comma < 0) return null;
  const params = body
    .slice(0, comma)
    .split(';')
    .map((p) => p.trim());
  const base64 = params.length > 1 && params[params.length - 1]!.toLowerCase() === 'base64';
  const charsetParam = params.slice(1).find((p) => /^charset=/i.test(p));
  const charset = charsetParam ? charsetParam.slice('charset='.length).replace(/^"|"$/g, '') : 'US-ASCII';
  const data = body.slice(comma + 1).replace(/#.*$/s, '');
  if (!base64) return { bytes: percentDecodeBytes(data), charset };
  const compact = latin1(percentDecodeBytes(data)).replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return null;
  return { bytes: Uint8Array.from(Buffer.from(compact, 'base64')), charset };
}
