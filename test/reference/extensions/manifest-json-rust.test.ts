// The Rust-parser reading of manifest.json against JSON.parse on everything
// both accept, and its error words and positions on inputs whose errors
// were read from Chromium 150's unpacked loader.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonInteger } from '../../../reference/extensions/manifest-json.ts';
import { parseManifestJsonRust } from '../../../reference/extensions/manifest-json-rust.ts';
import { failureOf } from './json-reader-support.ts';

const parse = (text: string) => parseManifestJsonRust(Buffer.from(text, 'utf8'));

const failure = failureOf(parseManifestJsonRust);

describe('parseManifestJsonRust', () => {
  it('reads what JSON.parse reads, with the same values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/\\ud[89a-f]/i.test(text));
        expect(parse(text)).toEqual(JSON.parse(text));
        expect(parse(JSON.stringify(value, null, 2))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('tells integers from doubles, keeps the last duplicate, drops one byte order mark, takes comments', () => {
    const root = parseManifestJsonRust(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 2, "b": 2.0, "c": 1e2, /* x */ "a": 3} // end')]),
    ) as Record<string, number>;
    expect(root).toEqual({ a: 3, b: 2, c: 100 });
    expect([isJsonInteger(root, 'a'), isJsonInteger(root, 'b'), isJsonInteger(root, 'c')]).toEqual([true, false, false]);
  });

  it("words errors as Chromium 150's loader reported them", () => {
    for (const [text, message] of [
      ['{\n  "a": 1\n  "b": 2\n}', 'expected `,` or `}` at line 3 column 3'],
      ['{\n  "name": "x",\n}', 'trailing comma at line 3 column 1'],
      ['{"a": [1, 2,]}', 'trailing comma at line 1 column 13'],
      ['{ name: 1 }', 'key must be a string at line 1 column 3'],
      ['{"a" 1}', 'expected `:` at line 1 column 6'],
      ['{"a": @}', 'expected value at line 1 column 7'],
      ['{"a": 1', 'EOF while parsing an object at line 1 column 7'],
      ['{"a": "xyz', 'EOF while parsing a string at line 1 column 10'],
      ['{"a": ', 'EOF while parsing a value at line 1 column 6'],
      ['{} x', 'trailing characters at line 1 column 4'],
      ['{"a": tru}', 'expected ident at line 1 column 10'],
      ['{"a": "\\q"}', 'invalid escape at line 1 column 9'],
      ['', 'EOF while parsing a value at line 1 column 0'],
      ['   \n ', 'EOF while parsing a value at line 2 column 1'],
      ['{\r\n"a": 1\r\n"b": 2}', 'expected `,` or `}` at line 3 column 1'],
      ['{"a": [1 2]}', 'expected `,` or `]` at line 1 column 10'],
      ['{"a": 01}', 'invalid number at line 1 column 8'],
      ['{"name": "a\tb"}', 'control character (\\u0000-\\u001F) found while parsing a string at line 1 column 12'],
      ['{} /* x', 'EOF while parsing a block comment at line 1 column 7'],
      ['{"a": "\\ud800"}', 'unexpected end of hex escape at line 1 column 14'],
      ['['.repeat(201) + ']'.repeat(201), 'recursion limit exceeded at line 1 column 200'],
    ] as const) {
      expect(failure(text), JSON.stringify(text)).toBe(message);
    }
    expect(failure(Buffer.from('{"a": "\xff"}', 'latin1'))).toBe('invalid unicode code point at line 1 column 9');
    expect(failure(Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('expected value at line 1 column 1');
  });
});
