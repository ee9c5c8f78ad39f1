// The fuzzer's judgement of an error's form: what Electron itself gives
// (its messages, net::ERR_*, what Node's Request constructor throws for the
// caller's arguments) passes; an engine or Node error from inside the
// implementation does not.

import { describe, expect, it } from 'vitest';
import { wrongForm } from '../../fuzz/error-form.ts';

function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('error form', () => {
  it("accepts what Node's Request constructor throws for headers and methods outside Latin-1", () => {
    expect(wrongForm(thrownBy(() => new Request('http://a.test/', { headers: { 'x-a': 'a\uDCFD' } })))).toBeUndefined();
    expect(wrongForm(thrownBy(() => new Request('http://a.test/', { headers: { '\uDA35': 'a' } })))).toBeUndefined();
    expect(wrongForm(thrownBy(() => new Request('http://a.test/', { method: '\uDCFD' })))).toBeUndefined();
  });

  it("accepts the engine's conversion errors when Node's Request constructor converts the caller's input", () => {
    const noStringForm = Object.create(null) as string;
    expect(wrongForm(thrownBy(() => new Request(noStringForm)))).toBeUndefined();
    expect(wrongForm(thrownBy(() => new Request('http://a.test/', { headers: { 'x-a': noStringForm } })))).toBeUndefined();
    expect(wrongForm(thrownBy(() => `${noStringForm}`))).toMatch(/^TypeError: Cannot convert object to primitive value/);
  });

  it('accepts net errors and Electron-style messages', () => {
    expect(wrongForm(new Error('net::ERR_ABORTED'))).toBeUndefined();
    expect(wrongForm(new TypeError("Failed to parse URL from 'x'"))).toBeUndefined();
  });

  it('rejects engine errors from inside the implementation', () => {
    expect(wrongForm(thrownBy(() => Object.keys(null as unknown as object)))).toMatch(
      /^TypeError: Cannot convert undefined or null/,
    );
    expect(wrongForm(thrownBy(() => `${Symbol('s') as unknown as string}`))).toMatch(/^TypeError: Cannot convert a Symbol/);
    expect(wrongForm(thrownBy(() => (undefined as unknown as { a: number }).a))).toMatch(/Cannot read propert/);
    expect(wrongForm(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }))).toMatch(/Node error/);
    expect(wrongForm('a string')).toMatch(/non-Error/);
  });
});
