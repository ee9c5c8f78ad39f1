// manifest.json read as Chromium's C++ JSON parser (base/json/json_parser.cc,
// the e9-e17 eras; manifest-json-rust.ts reads it for the current one)
// reads it with the options an extension manifest gets: comments, control
// characters and newlines in strings, \v and \x escapes are accepted;
// trailing commas are not. Errors carry Chromium's wording and its line and
// column ("Line: 2, column: 5, Syntax error."), counted in bytes from the
// last line break as the parser counts them. Integers and doubles are told
// apart (`2` and `2.0` are different to a manifest), and dictionaries keep
// the last of duplicate keys in the sorted key order base::Value uses.

const MAX_DEPTH = 200;

export const JSON_ERRORS = {
  invalidEscape: 'Invalid escape sequence.',
  syntax: 'Syntax error.',
  unexpectedToken: 'Unexpected token.',
  trailingComma: 'Trailing comma not allowed.',
  tooMuchNesting: 'Too much nesting.',
  dataAfterRoot: 'Unexpected data after root element.',
  unsupportedEncoding: 'Unsupported encoding. JSON must be UTF-8.',
  unquotedKey: 'Dictionary keys must be quoted.',
} as const;

export class JsonParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`Line: ${line}, column: ${column}, ${reason}`);
  }
}

/** Which number members of parsed containers were written as doubles. */
const doubles = new WeakMap<object, Set<string | number>>();

/** Records which members of a container parsed elsewhere were written as doubles. */
export function markDoubles(container: object, members: readonly (string | number)[]): void {
  if (members.length) doubles.set(container, new Set(members));
}

/** True when `container[key]` was written as an integer that fits in 32 bits. */
export function isJsonInteger(container: object, key: string | number): boolean {
  const value = (container as Record<string | number, unknown>)[key];
  return typeof value === 'number' && Number.isInteger(value) && !doubles.get(container)?.has(key);
}

type Token =
  | 'objectBegin'
  | 'objectEnd'
  | 'arrayBegin'
  | 'arrayEnd'
  | 'string'
  | 'number'
  | 'true'
  | 'false'
  | 'null'
  | 'listSeparator'
  | 'pairSeparator'
  | 'end'
  | 'invalid';

/** Chromium's IsValidCharacter: no surrogates, no noncharacters. */
function isValidCharacter(c: number): boolean {
  return c < 0xd800 || (c >= 0xe000 && c < 0xfdd0) || (c > 0xfdef && c <= 0x10ffff && (c & 0xfffe) !== 0xfffe);
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

class Parser {
  #index = 0;
  #line = 1;
  #lastLine = 0;
  #depth = 0;
  constructor(private readonly input: Uint8Array) {}

  parse(): unknown {
    if (this.input[0] === 0xef && this.input[1] === 0xbb && this.input[2] === 0xbf) this.#index = 3;
    const root = this.#parseToken(this.#nextToken());
    if (this.#nextToken() !== 'end') this.#fail(JSON_ERRORS.dataAfterRoot, 1);
    return root.value;
  }

  #fail(reason: string, columnAdjust: number): never {
    throw new JsonParseError(this.#line, this.#index - this.#lastLine + columnAdjust, reason);
  }

  #peek(offset = 0): number | undefined {
    return this.input[this.#index + offset];
  }

  #matches(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.#peek(i) !== text.charCodeAt(i)) return false;
    return true;
  }

  #eatWhitespaceAndComments(): void {
    for (let c = this.#peek(); c !== undefined; c = this.#peek()) {
      if (c === 0x0d || c === 0x0a) {
        this.#lastLine = this.#index;
        if (!(c === 0x0a && this.#index > 0 && this.input[this.#index - 1] === 0x0d)) this.#line++;
        this.#index++;
      } else if (c === 0x20 || c === 0x09) {
        this.#index++;
      } else if (c === 0x2f) {
        if (!this.#eatComment()) return;
      } else {
        return;
      }
    }
  }

  #eatComment(): boolean {
    if (this.#matches('//')) {
      this.#index += 2;
      for (let c = this.#peek(); c !== undefined; c = this.#peek()) {
        if (c === 0x0a || c === 0x0d) return true;
        this.#index++;
      }
    } else if (this.#matches('/*')) {
      this.#index += 2;
      let previous = 0;
      for (let c = this.#peek(); c !== undefined; c = this.#peek()) {
        if (previous === 0x2a && c === 0x2f) {
          this.#index++;
          return true;
        }
        previous = c;
        this.#index++;
      }
    }
    return false;
  }

  #nextToken(): Token {
    this.#eatWhitespaceAndComments();
    const c = this.#peek();
    if (c === undefined) return 'end';
    switch (String.fromCharCode(c)) {
      case '{':
        return 'objectBegin';
      case '}':
        return 'objectEnd';
      case '[':
        return 'arrayBegin';
      case ']':
        return 'arrayEnd';
      case '"':
        return 'string';
      case ',':
        return 'listSeparator';
      case ':':
        return 'pairSeparator';
      case 't':
        return 'true';
      case 'f':
        return 'false';
      case 'n':
        return 'null';
      case '-':
        return 'number';
      default:
        return c >= 0x30 && c <= 0x39 ? 'number' : 'invalid';
    }
  }

  /** A value and whether it was written as a double. */
  #parseToken(token: Token): { value: unknown; double?: boolean } {
    switch (token) {
      case 'objectBegin':
        return { value: this.#dictionary() };
      case 'arrayBegin':
        return { value: this.#list() };
      case 'string':
        return { value: this.#string() };
      case 'number':
        return this.#number();
      case 'true':
      case 'false':
      case 'null':
        return { value: this.#literal() };
      default:
        this.#fail(JSON_ERRORS.unexpectedToken, 1);
    }
  }

  #enter(): void {
    this.#index++;
    if (++this.#depth > MAX_DEPTH) this.#fail(JSON_ERRORS.tooMuchNesting, -1);
  }

  #dictionary(): Record<string, unknown> {
    this.#enter();
    const entries = new Map<string, { value: unknown; double?: boolean }>();
    let token = this.#nextToken();
    while (token !== 'objectEnd') {
      if (token !== 'string') this.#fail(JSON_ERRORS.unquotedKey, 1);
      const key = this.#string();
      if (this.#nextToken() !== 'pairSeparator') this.#fail(JSON_ERRORS.syntax, 1);
      this.#index++;
      entries.set(key, this.#parseToken(this.#nextToken()));
      token = this.#nextToken();
      if (token === 'listSeparator') {
        this.#index++;
        token = this.#nextToken();
        if (token === 'objectEnd') this.#fail(JSON_ERRORS.trailingComma, 1);
      } else if (token !== 'objectEnd') {
        this.#fail(JSON_ERRORS.syntax, 1);
      }
    }
    this.#index++;
    this.#depth--;
    const dict: Record<string, unknown> = {};
    const doubleKeys = new Set<string>();
    for (const key of [...entries.keys()].sort(compareBytes)) {
      const entry = entries.get(key)!;
      Object.defineProperty(dict, key, { value: entry.value, enumerable: true, writable: true, configurable: true });
      if (entry.double) doubleKeys.add(key);
    }
    if (doubleKeys.size) doubles.set(dict, doubleKeys);
    return dict;
  }

  #list(): unknown[] {
    this.#enter();
    const list: unknown[] = [];
    const doubleIndexes = new Set<number>();
    let token = this.#nextToken();
    while (token !== 'arrayEnd') {
      const item = this.#parseToken(token);
      if (item.double) doubleIndexes.add(list.length);
      list.push(item.value);
      token = this.#nextToken();
      if (token === 'listSeparator') {
        this.#index++;
        token = this.#nextToken();
        if (token === 'arrayEnd') this.#fail(JSON_ERRORS.trailingComma, 1);
      } else if (token !== 'arrayEnd') {
        this.#fail(JSON_ERRORS.syntax, 1);
      }
    }
    this.#index++;
    this.#depth--;
    if (doubleIndexes.size) doubles.set(list, doubleIndexes);
    return list;
  }

  #literal(): boolean | null {
    for (const [text, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.#matches(text)) {
        this.#index += text.length;
        return value;
      }
    }
    this.#fail(JSON_ERRORS.syntax, 1);
  }

  /** Digits; a leading zero only where allowed. */
  #readInt(allowLeadingZeros: boolean): boolean {
    const start = this.#index;
    while (this.#peek() !== undefined && this.#peek()! >= 0x30 && this.#peek()! <= 0x39) this.#index++;
    const length = this.#index - start;
    if (length === 0) return false;
    return allowLeadingZeros || length === 1 || this.input[start] !== 0x30;
  }

  #number(): { value: number; double?: boolean } {
    const start = this.#index;
    if (this.#peek() === 0x2d) this.#index++;
    if (!this.#readInt(false)) this.#fail(JSON_ERRORS.syntax, 1);
    let end = this.#index;
    if (this.#peek() === 0x2e) {
      this.#index++;
      if (!this.#readInt(true)) this.#fail(JSON_ERRORS.syntax, 1);
      end = this.#index;
    }
    if (this.#peek() === 0x65 || this.#peek() === 0x45) {
      this.#index++;
      if (this.#peek() === 0x2d || this.#peek() === 0x2b) this.#index++;
      if (!this.#readInt(true)) this.#fail(JSON_ERRORS.syntax, 1);
      end = this.#index;
    }
    // The parser looks ahead for what may follow a number, then steps back;
    // the line count it advanced on the way is not stepped back (as in Chromium).
    const exit = this.#index;
    const next = this.#nextToken();
    if (next !== 'objectEnd' && next !== 'arrayEnd' && next !== 'listSeparator' && next !== 'end')
      this.#fail(JSON_ERRORS.syntax, 1);
    this.#index = exit;
    const text = Buffer.from(this.input.subarray(start, end)).toString('latin1');
    const value = Number(text);
    if (/^-?\d+$/.test(text) && value >= -2147483648 && value <= 2147483647) return { value };
    if (!Number.isFinite(value)) this.#fail(JSON_ERRORS.syntax, 1);
    return { value, double: true };
  }

  #hex4(): number | null {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.#peek();
      if (c === undefined) return null;
      const digit = String.fromCharCode(c).match(/[0-9a-fA-F]/) ? parseInt(String.fromCharCode(c), 16) : -1;
      this.#index++;
      if (digit < 0) return null;
      value = value * 16 + digit;
    }
    return value;
  }

  #utf16Escape(): number | null {
    const high = this.#hex4();
    if (high === null) return null;
    if (high >= 0xd800 && high <= 0xdfff) {
      if (high > 0xdbff || !this.#matches('\\u')) return null;
      this.#index += 2;
      const low = this.#hex4();
      if (low === null || low < 0xdc00 || low > 0xdfff) return null;
      const point = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
      return isValidCharacter(point) ? point : null;
    }
    return isValidCharacter(high) ? high : null;
  }

  /** One UTF-8 encoded code point at the cursor, or null when the bytes are not UTF-8. */
  #utf8(): number | null {
    const b0 = this.#peek()!;
    const length = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
    if (length === 0) return null;
    let point = length === 1 ? b0 : b0 & (0xff >> (length + 1));
    for (let i = 1; i < length; i++) {
      const b = this.#peek(i);
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      point = (point << 6) | (b & 0x3f);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][length]!;
    if (point < minimum || point > 0x10ffff) return null;
    this.#index += length;
    return point;
  }

  #string(): string {
    this.#index++;
    let out = '';
    while (this.#peek() !== undefined) {
      const start = this.#index;
      const c = this.#utf8();
      if (c === null || !isValidCharacter(c)) {
        this.#index = start;
        this.#fail(JSON_ERRORS.unsupportedEncoding, 1);
      }
      if (c === 0x22) return out;
      if (c !== 0x5c) {
        out += String.fromCodePoint(c);
        continue;
      }
      const escaped = this.#peek();
      if (escaped === undefined) this.#fail(JSON_ERRORS.invalidEscape, 0);
      this.#index++;
      const letter = String.fromCharCode(escaped);
      if (letter === 'x') {
        const hex = [this.#peek(), this.#peek(1)];
        if (hex.some((h) => h === undefined)) this.#fail(JSON_ERRORS.invalidEscape, -3);
        this.#index += 2;
        const text = String.fromCharCode(hex[0]!, hex[1]!);
        if (!/^[0-9a-fA-F]{2}$/.test(text)) this.#fail(JSON_ERRORS.invalidEscape, -3);
        out += String.fromCharCode(parseInt(text, 16));
      } else if (letter === 'u') {
        const point = this.#utf16Escape();
        if (point === null) this.#fail(JSON_ERRORS.invalidEscape, -1);
        out += String.fromCodePoint(point);
      } else if (letter in ESCAPES) {
        out += ESCAPES[letter];
      } else {
        this.#fail(JSON_ERRORS.invalidEscape, 0);
      }
    }
    this.#fail(JSON_ERRORS.syntax, -1);
  }
}

/** Byte order of UTF-8 keys, as base::Value's sorted dictionaries keep them. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Parses manifest bytes; throws JsonParseError with Chromium's message. */
export function parseManifestJson(bytes: Uint8Array): unknown {
  return new Parser(bytes).parse();
}

/** A deep copy as gin builds one per conversion, keeping which numbers were doubles. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) {
    const copy = value.map((item) => cloneJson(item));
    const marks = doubles.get(value);
    if (marks) doubles.set(copy, new Set(marks));
    return copy as T;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, {
        value: cloneJson((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    const marks = doubles.get(value);
    if (marks) doubles.set(copy, new Set(marks));
    return copy as T;
  }
  return value;
}
