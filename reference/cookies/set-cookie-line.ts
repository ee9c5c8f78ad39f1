// A Set-Cookie header value read the way Chromium's ParsedCookie reads it:
// the line ends at the first CR, LF or NUL; the first pair is the name and
// value (a pair without `=` is a nameless cookie whose value is the whole
// pair); later pairs are attributes, known ones matched case-insensitively,
// the last occurrence of each winning even when its value is empty or
// invalid, except that an attribute value over 1024 bytes is ignored (the
// previous occurrence stands). A nameless cookie may not hold `=`. Spaces and tabs around tokens are trimmed;
// quotes are kept.

import { byteLength, hasControlCharacter, MAX_ATTRIBUTE_BYTES, MAX_NAME_VALUE_BYTES } from './cookie-syntax.ts';

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** Known attributes, lower-case names, last occurrence's value ('' for a flag). */
  attributes: Map<string, string>;
}

const KNOWN = new Set(['path', 'domain', 'expires', 'max-age', 'secure', 'httponly', 'samesite', 'priority', 'partitioned']);

function trim(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The parsed line, or undefined when Chromium would find it invalid. */
export function parseSetCookie(line: string): ParsedSetCookie | undefined {
  const end = line.search(/[\r\n\0]/);
  const text = end < 0 ? line : line.slice(0, end);
  const pairs = text.split(';');
  const first = pairs[0]!;
  const eq = first.indexOf('=');
  const name = eq < 0 ? '' : trim(first.slice(0, eq));
  const value = trim(eq < 0 ? first : first.slice(eq + 1));
  if (name === '' && value === '') return undefined;
  // A nameless cookie whose value holds `=` would come back as a named one in a Cookie header.
  if (name === '' && value.includes('=')) return undefined;
  if (byteLength(name) + byteLength(value) > MAX_NAME_VALUE_BYTES) return undefined;
  // Chromium 156 also refuses a tab inside a name or value (around them it is trimmed).
  if (hasControlCharacter(name) || hasControlCharacter(value) || /\t/.test(name + value)) return undefined;
  const attributes = new Map<string, string>();
  for (const pair of pairs.slice(1)) {
    const at = pair.indexOf('=');
    const key = trim(at < 0 ? pair : pair.slice(0, at)).toLowerCase();
    const attributeValue = at < 0 ? '' : trim(pair.slice(at + 1));
    if (!KNOWN.has(key)) continue;
    if (byteLength(attributeValue) > MAX_ATTRIBUTE_BYTES) continue;
    attributes.set(key, attributeValue);
  }
  return { name, value, attributes };
}
