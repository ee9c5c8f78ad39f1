// The directory name of a persistent partition: the name lower-cased (ASCII
// only) and escaped with Chromium's path charmap (base::EscapePath), so
// `persist:Foo Bar` lives in `Partitions/foo%20bar`.

// Bytes Chromium's kPathCharmap escapes: controls, space and "#%:<>?[\]^`{|},
// DEL, and every non-ASCII byte of the UTF-8 encoding.
const ESCAPED_ASCII = new Set(' "#%:<>?[\\]^`{|}'.split('').map((c) => c.charCodeAt(0)));

function escapesByte(byte: number): boolean {
  return byte < 0x20 || byte >= 0x7f || ESCAPED_ASCII.has(byte);
}

export function escapePath(input: string): string {
  let out = '';
  for (const byte of Buffer.from(input, 'utf8')) {
    out += escapesByte(byte) ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return out;
}

export function toLowerAscii(input: string): string {
  return input.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function partitionDirectoryName(name: string): string {
  return escapePath(toLowerAscii(name));
}
