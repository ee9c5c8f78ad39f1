// The TypeErrors Electron's native bindings throw when an argument cannot be
// converted, reproduced so callers see the same type and message. Electron
// 1.x-9 (native_mate) described the value with V8's ToDetailString; gin,
// from Electron 10, names only strings, `undefined` and `null` and leaves the
// rest empty.

import { types } from 'node:util';
import type { EraId } from '../../contract/eras/eras.ts';

export type ConversionStyle = 'native_mate' | 'gin';

export function conversionStyle(era: EraId): ConversionStyle {
  return era === 'legacy' || era === 'e9' ? 'native_mate' : 'gin';
}

/** A data property along the prototype chain, read without running getters or proxy traps (V8's GetDataProperty). */
function dataProperty(object: object, key: PropertyKey): unknown {
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    if (types.isProxy(o)) return undefined;
    const descriptor = Object.getOwnPropertyDescriptor(o, key);
    if (descriptor) return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

/** JSReceiver::class_name for the kinds of objects a caller can pass. */
function builtinTag(value: object): string {
  if (typeof value === 'function') return 'Function';
  if (Array.isArray(value)) return 'Array';
  if (types.isNativeError(value)) return 'Error';
  if (types.isDate(value)) return 'Date';
  if (types.isRegExp(value)) return 'RegExp';
  if (types.isBooleanObject(value)) return 'Boolean';
  if (types.isNumberObject(value)) return 'Number';
  if (types.isStringObject(value)) return 'String';
  if (types.isArgumentsObject(value)) return 'Arguments';
  return 'Object';
}

/** Error::NoSideEffectsErrorToString. */
function errorText(value: object): string {
  const name = dataProperty(value, 'name');
  const message = dataProperty(value, 'message');
  const nameText = typeof name === 'string' ? name : 'Error';
  const messageText = typeof message === 'string' ? message : '';
  if (!nameText) return messageText;
  return messageText ? `${nameText}: ${messageText}` : nameText;
}

/**
 * V8's Value::ToDetailString (Object::NoSideEffectsToString): primitives as
 * strings, functions as their source (long ones shortened), errors as
 * "Name: message", plain objects as #<Constructor>, anything else as
 * [object Tag]. It never calls into the value, so a deep or huge array costs
 * nothing.
 */
function detailString(value: unknown): string {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  if (value === null) return 'null';
  if (types.isProxy(value)) return '[object Object]';
  if (typeof value === 'function') {
    let source: string;
    try {
      source = Function.prototype.toString.call(value);
    } catch {
      return 'function';
    }
    return source.length > 128 ? `${source.slice(0, 111)}...<omitted>...${source.slice(-2)}` : source;
  }
  const stringify = dataProperty(value, 'toString');
  if (types.isNativeError(value) || stringify === Error.prototype.toString) return errorText(value);
  if (stringify === Object.prototype.toString) {
    const ctor = dataProperty(value, 'constructor');
    const name = typeof ctor === 'function' ? dataProperty(ctor, 'name') : undefined;
    if (typeof name === 'string' && name) return `#<${name}>`;
  }
  const tag = dataProperty(value, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinTag(value)}]`;
}

export function describeValue(value: unknown, style: ConversionStyle): string {
  if (style === 'native_mate') return detailString(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : '';
}

export function argumentError(index: number, value: unknown, style: ConversionStyle = 'gin'): TypeError {
  return new TypeError(`Error processing argument at index ${index}, conversion failure from ${describeValue(value, style)}`);
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
