// The TypeErrors Electron's native bindings throw when an argument cannot be
// converted, reproduced so callers see the same type and message. Electron
// 1.x-9 (native_mate) described the value with V8's ToDetailString; gin,
// from Electron 10, names only strings, `undefined` and `null` and leaves the
// rest empty.

import type { EraId } from '../../contract/eras/eras.ts';

export type ConversionStyle = 'native_mate' | 'gin';

export function conversionStyle(era: EraId): ConversionStyle {
  return era === 'legacy' || era === 'e9' ? 'native_mate' : 'gin';
}

function detailString(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'function';
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'object' && !Array.isArray(value)) return `#<${value.constructor?.name ?? 'Object'}>`;
  return String(value);
}

export function describeValue(value: unknown, style: ConversionStyle): string {
  if (style === 'native_mate') return detailString(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : '';
}

export function argumentError(index: number, value: unknown, style: ConversionStyle = 'gin'): TypeError {
  return new TypeError(
    `Error processing argument at index ${index}, conversion failure from ${describeValue(value, style)}`,
  );
}

export function throwArgumentError(index: number, value: unknown, style: ConversionStyle = 'gin'): never {
  throw argumentError(index, value, style);
}

export function insufficientArguments(): TypeError {
  return new TypeError('Insufficient number of arguments.');
}

/** gin's view of one call's arguments: reading past the end is an insufficiency, not a conversion failure. */
export function requireArgument(args: ArrayLike<unknown>, index: number): void {
  if (args.length <= index) throw insufficientArguments();
}
