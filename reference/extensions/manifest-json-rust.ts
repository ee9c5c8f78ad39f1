// manifest.json read as Chromium reads it once base::JSONReader runs the
// Rust parser (serde_json_lenient, the default on desktop since the
// Chromium 12x line, so Electron 39's): with the options an extension
// manifest gets, comments, raw line breaks in strings and \x escapes are
// accepted; other control characters, \v escapes and trailing commas are
// not. Errors carry serde's wording and position ("expected `,` or `}` at
// line 3 column 3"): lines count '\n' only, and the column is the number of
// bytes since the last line break up to and including the byte that was
// looked at. A leading UTF-8 byte order mark is dropped before parsing.
// Containers nest at most 199 deep.

import { JsonParseError, markDoubles } from './manifest-json.ts';

const MAX_DEPTH = 200;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** serde's error: the message, then "at line L column C". */
class RustJsonError extends JsonParseError {
  constructor(line: number, column: number, reason: string) {
    super(line, column, reason);
    this.message = `${reason} at line ${line} column ${column}`;
  }
}

class RustParser {
  #index = 0;
  #depth = 0;
  constructor(private readonly input: Uint8Array) {}

  parse(): unknown {
    const root = this.#value();
    this.#skipWhitespace();
    if (this.#index < this.input.length) this.#peekError('trailing characters');
    return root.value;
  }

  /** Fails at the position after `end` bytes. */
  #failAt(end: number, reason: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < end; i++) {
      if (this.input[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new RustJsonError(line, end - lineStart, reason);
  }

  /** An error about the byte under the cursor (counted as read), or at the end. */
  #peekError(reason: string): never {
    this.#failAt(Math.min(this.#index + 1, this.input.length), reason);
  }

  /** An error after what was consumed. */
  #error(reason: string): never {
    this.#failAt(this.#index, reason);
  }

  #skipWhitespace(): void {
    for (;;) {
      const c = this.input[this.#index];
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
        this.#index++;
      } else if (c === 0x2f && this.input[this.#index + 1] === 0x2f) {
        while (this.#index < this.input.length && this.input[this.#index] !== 0x0a) this.#index++;
      } else if (c === 0x2f && this.input[this.#index + 1] === 0x2a) {
        const end = Buffer.from(this.input).indexOf('*/', this.#index + 2);
        if (end < 0) {
          this.#index = this.input.length;
          this.#error('EOF while parsing a block comment');
        }
        this.#index = end + 2;
      } else {
        return;
      }
    }
  }

  #value(): { value: unknown; double?: boolean } {
    this.#skipWhitespace();
    const c = this.input[this.#index];
    if (c === undefined) this.#peekError('EOF while parsing a value');
    switch (String.fromCharCode(c)) {
      case 'n':
        return { value: this.#ident('null', null) };
      case 't':
        return { value: this.#ident('true', true) };
      case 'f':
        return { value: this.#ident('false', false) };
      case '"':
        this.#index++;
        return { value: this.#string() };
      case '[':
        return { value: this.#container('list') };
      case '{':
        return { value: this.#container('object') };
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.#number();
        this.#peekError('expected value');
    }
  }

  #ident<T>(text: string, value: T): T {
    this.#index++;
    for (const expected of text.slice(1)) {
      if (this.#index >= this.input.length) this.#error('EOF while parsing a value');
      if (this.input[this.#index++] !== expected.charCodeAt(0)) this.#error('expected ident');
    }
    return value;
  }

  #digits(): number {
    const start = this.#index;
    while (this.input[this.#index]! >= 0x30 && this.input[this.#index]! <= 0x39) this.#index++;
    return this.#index - start;
  }

  #number(): { value: number; double?: boolean } {
    const start = this.#index;
    if (this.input[this.#index] === 0x2d) this.#index++;
    const first = this.input[this.#index];
    if (first === undefined) this.#error('EOF while parsing a value');
    this.#index++;
    if (first === 0x30) {
      const next = this.input[this.#index];
      if (next !== undefined && next >= 0x30 && next <= 0x39) this.#peekError('invalid number');
    } else if (first < 0x31 || first > 0x39) {
      this.#error('invalid number');
    } else {
      this.#digits();
    }
    let double = false;
    if (this.input[this.#index] === 0x2e) {
      this.#index++;
      double = true;
      if (this.#digits() === 0) this.#peekError(this.#index < this.input.length ? 'invalid number' : 'EOF while parsing a value');
    }
    if (this.input[this.#index] === 0x65 || this.input[this.#index] === 0x45) {
      this.#index++;
      double = true;
      if (this.input[this.#index] === 0x2b || this.input[this.#index] === 0x2d) this.#index++;
      if (this.#digits() === 0) {
        this.#index++;
        this.#error('invalid number');
      }
    }
    const value = Number(Buffer.from(this.input.subarray(start, this.#index)).toString('latin1'));
    if (!Number.isFinite(value)) this.#error('number out of range');
    const fits = !double && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
    return fits ? { value } : { value, double: true };
  }

  #hex(count: number): number | null {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const c = this.input[this.#index];
      if (c === undefined) this.#error('EOF while parsing a string');
      this.#index++;
      const digit = parseInt(String.fromCharCode(c), 16);
      if (Number.isNaN(digit)) return null;
      value = value * 16 + digit;
    }
    return value;
  }

  #string(): string {
    const bytes: number[] = [];
    for (;;) {
      const c = this.input[this.#index];
      if (c === undefined) this.#error('EOF while parsing a string');
      this.#index++;
      if (c === 0x22) break;
      if (c < 0x20 && c !== 0x0a && c !== 0x0d) this.#error('control character (\\u0000-\\u001F) found while parsing a string');
      if (c !== 0x5c) {
        bytes.push(c);
        continue;
      }
      const letter = this.input[this.#index];
      if (letter === undefined) this.#error('EOF while parsing a string');
      this.#index++;
      const name = String.fromCharCode(letter);
      if (name in ESCAPES) {
        bytes.push(ESCAPES[name]!.charCodeAt(0));
      } else if (name === 'x') {
        const value = this.#hex(2);
        if (value === null) this.#error('invalid escape');
        bytes.push(...Buffer.from(String.fromCharCode(value), 'utf8'));
      } else if (name === 'u') {
        bytes.push(...Buffer.from(this.#unicodeEscape(), 'utf8'));
      } else {
        this.#error('invalid escape');
      }
    }
    const text = Buffer.from(bytes);
    const decoded = text.toString('utf8');
    if (!Buffer.from(decoded, 'utf8').equals(text)) this.#error('invalid unicode code point');
    return decoded;
  }

  #unicodeEscape(): string {
    const high = this.#hex(4);
    if (high === null) this.#error('invalid escape');
    if (high < 0xd800 || high > 0xdfff) return String.fromCharCode(high);
    if (high > 0xdbff) this.#error('lone leading surrogate in hex escape');
    for (const expected of [0x5c, 0x75]) {
      if (this.input[this.#index] === undefined) this.#error('EOF while parsing a string');
      if (this.input[this.#index++] !== expected) this.#error('unexpected end of hex escape');
    }
    const low = this.#hex(4);
    if (low === null) this.#error('invalid escape');
    if (low < 0xdc00 || low > 0xdfff) this.#error('lone leading surrogate in hex escape');
    return String.fromCodePoint(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00));
  }

  #container(kind: 'list' | 'object'): unknown {
    if (++this.#depth >= MAX_DEPTH) this.#peekError('recursion limit exceeded');
    this.#index++;
    const close = kind === 'list' ? 0x5d : 0x7d;
    const eof = kind === 'list' ? 'EOF while parsing a list' : 'EOF while parsing an object';
    const list: unknown[] = [];
    const entries = new Map<string, { value: unknown; double?: boolean }>();
    const doubleMembers: (string | number)[] = [];
    this.#skipWhitespace();
    let first = true;
    for (;;) {
      const c = this.input[this.#index];
      if (c === undefined) this.#peekError(eof);
      if (c === close) {
        if (!first) this.#peekError('trailing comma');
        this.#index++;
        break;
      }
      if (kind === 'list') {
        const item = this.#value();
        if (item.double) doubleMembers.push(list.length);
        list.push(item.value);
      } else {
        if (c !== 0x22) this.#peekError('key must be a string');
        this.#index++;
        const key = this.#string();
        this.#skipWhitespace();
        if (this.input[this.#index] === undefined) this.#peekError(eof);
        if (this.input[this.#index] !== 0x3a) this.#peekError('expected `:`');
        this.#index++;
        entries.set(key, this.#value());
      }
      first = false;
      this.#skipWhitespace();
      const next = this.input[this.#index];
      if (next === undefined) this.#peekError(eof);
      if (next === close) {
        this.#index++;
        break;
      }
      if (next !== 0x2c) this.#peekError(kind === 'list' ? 'expected `,` or `]`' : 'expected `,` or `}`');
      this.#index++;
      this.#skipWhitespace();
      if (this.input[this.#index] === close) this.#peekError('trailing comma');
    }
    this.#depth--;
    if (kind === 'list') {
      markDoubles(list, doubleMembers);
      return list;
    }
    const dict: Record<string, unknown> = {};
    for (const key of [...entries.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
      const entry = entries.get(key)!;
      Object.defineProperty(dict, key, { value: entry.value, enumerable: true, writable: true, configurable: true });
      if (entry.double) doubleMembers.push(key);
    }
    markDoubles(dict, doubleMembers);
    return dict;
  }
}

/** Parses manifest bytes as the Rust parser does; throws JsonParseError with serde's message. */
export function parseManifestJsonRust(bytes: Uint8Array): unknown {
  const input = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return new RustParser(input).parse();
}
