// The manifest JSON reader against JSON.parse on everything both accept, plus
// what only Chromium's reader does: comments, integer/double distinction,
// last-duplicate-wins, and its error positions.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonInteger, parseManifestJson } from '../../../reference/extensions/manifest-json.ts';
import { parseExtensionVersion } from '../../../reference/extensions/manifest-version.ts';
import { idFromBytes, idFromPath, parsePemKeyBytes } from '../../../reference/extensions/extension-id.ts';
import { failureOf } from './json-reader-support.ts';

const parse = (text: string) => parseManifestJson(Buffer.from(text, 'utf8'));

const failure = failureOf(parseManifestJson);

describe('parseManifestJson', () => {
  it('reads what JSON.parse reads, with the same values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/\\ud[89a-f]/i.test(text));
        expect(parse(text)).toEqual(JSON.parse(text));
        expect(parse(JSON.stringify(value, null, 2))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('skips comments wherever whitespace may go', () => {
    expect(parse('// lead\n{ /* a */ "a" /* b */ : /* c */ [1 /* d */, 2] // e\n}')).toEqual({ a: [1, 2] });
  });

  it('tells integers from doubles', () => {
    const value = parse('{"i": 2, "d": 2.0, "e": 2e0, "big": 3000000000}') as Record<string, unknown>;
    expect(isJsonInteger(value, 'i')).toBe(true);
    expect(isJsonInteger(value, 'd')).toBe(false);
    expect(isJsonInteger(value, 'e')).toBe(false);
    expect(isJsonInteger(value, 'big')).toBe(false);
  });

  it('keeps the last of duplicate keys', () => {
    expect(parse('{"a": 1, "a": 2}')).toEqual({ a: 2 });
  });

  it('reports Chromium positions and reasons', () => {
    expect(failure('[1,]')).toBe('Line: 1, column: 4, Trailing comma not allowed.');
    // Chromium's own json_reader_unittest case: the error sits at the 7.
    expect(failure('[\n0,\n1,\n2,\n3,4,5,6 7,\n8,\n9\n]')).toBe('Line: 5, column: 10, Syntax error.');
    expect(failure('{"a": tru}')).toBe('Line: 1, column: 7, Syntax error.');
    expect(failure('{"a": 01}')).toBe('Line: 1, column: 9, Syntax error.');
    expect(failure('{"a": "\\ud800"}')).toBe('Line: 1, column: 12, Invalid escape sequence.');
    expect(failure(Buffer.from([0x22, 0xff, 0x22]))).toBe('Line: 1, column: 2, Unsupported encoding. JSON must be UTF-8.');
  });

  it('accepts a byte order mark, \\x and \\v escapes, and control characters in strings', () => {
    expect(parse('\ufeff{"a": "\\x41\\v\t"}')).toEqual({ a: 'A\v\t' });
  });
});

describe('parseExtensionVersion', () => {
  it('accepts 1-4 parts of digits, a leading zero only after the first', () => {
    const part = fc.oneof(fc.nat({ max: 70000 }).map(String), fc.constantFrom('', '00', '01', '+1', '-1', ' 1', 'a'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join('.');
        const valid = parts.length <= 4 && parts.every((p) => /^\d+$/.test(p)) && String(Number(parts[0])) === parts[0];
        expect(parseExtensionVersion(text)).toBe(valid ? parts.map(Number).join('.') : null);
      }),
      { numRuns: 500 },
    );
  });
});

describe('extension ids', () => {
  it('turns the PDF viewer key into its well-known id', () => {
    const key =
      'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDN6hM0rsDYGbzQPQfOygqlRtQgKUXMfnSjhIBL7LnReAVBEd7ZmKtyN2qmSasMl4HZpMhVe2rPWVVwBDl6iyNE/Kok6E6v6V3vCLGsOpQAuuNVye/3QxzIldzG/jQAdWZiyXReRVapOhZtLjGfywCvlWq7Sl/e3sbc0vWybSDI2QIDAQAB';
    expect(idFromBytes(parsePemKeyBytes(key)!)).toBe('mhjfbmdgcfjbbpaeojofohoefgiehjai');
  });

  it('hashes Windows paths as UTF-16 with an upper-case drive letter', () => {
    expect(idFromPath('c:\\ext', 'win32')).toBe(idFromPath('C:\\ext', 'win32'));
    expect(idFromPath('C:\\ext', 'win32')).toBe(idFromBytes(Buffer.from('C:\\ext', 'utf16le')));
  });

  it('refuses keys that are not strict base64 or a well-formed PEM block', () => {
    for (const bad of ['', 'abc', 'ab=c', '-----BEGIN PUBLIC KEY-----', 'QUJD\nREVG']) expect(parsePemKeyBytes(bad)).toBeNull();
    expect(parsePemKeyBytes('-----BEGIN PUBLIC KEY-----\nQUJD\nREVG\n-----END PUBLIC KEY-----')?.toString()).toBe('ABCDEF');
  });
});
