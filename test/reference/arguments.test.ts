// The conversion-failure messages of reference/era/arguments.ts: native_mate
// (Electron 1.x-9) describes the value as V8's ToDetailString does, which
// never calls into the value, so deep, huge or hostile arguments cost nothing.

import { describe, expect, it } from 'vitest';
import { argumentError, describeValue } from '../../reference/era/arguments.ts';

describe("native_mate's description of a value", () => {
  it('names arrays by their tag, however deep or long they are', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const huge: string[] = ['a'];
    huge.length = 2 ** 32 - 1;
    expect(argumentError(0, deep, 'native_mate').message).toBe(
      'Error processing argument at index 0, conversion failure from [object Array]',
    );
    expect(describeValue(huge, 'native_mate')).toBe('[object Array]');
  });

  it('describes objects, errors, functions and primitives as V8 does, without running their code', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    const getter = Object.defineProperty({}, 'toString', {
      get: () => {
        throw new Error('getter');
      },
    });
    expect(describeValue({}, 'native_mate')).toBe('#<Object>');
    expect(describeValue(new (class Probe {})(), 'native_mate')).toBe('#<Probe>');
    expect(describeValue(new Map(), 'native_mate')).toBe('#<Map>');
    expect(describeValue(new TypeError('bad'), 'native_mate')).toBe('TypeError: bad');
    expect(describeValue(Object.create(null), 'native_mate')).toBe('[object Object]');
    expect(describeValue(hostile, 'native_mate')).toBe('[object Object]');
    expect(describeValue(getter, 'native_mate')).toBe('[object Object]');
    expect(describeValue(Symbol('s'), 'native_mate')).toBe('Symbol(s)');
    expect(describeValue(12n, 'native_mate')).toBe('12');
    expect(describeValue('x'.repeat(300), 'native_mate')).toHaveLength(300);
    const long = new Function(`return ${'1 + '.repeat(100)}1;`);
    expect(describeValue(long, 'native_mate')).toMatch(/^function anonymous\(.*\.\.\.<omitted>\.\.\.\n}$/s);
  });

  it('gin names only strings, undefined and null', () => {
    expect(describeValue([1], 'gin')).toBe('');
    expect(describeValue('s', 'gin')).toBe('s');
    expect(describeValue(null, 'gin')).toBe('null');
  });
});
