'use strict';
// The small tables and helpers the peer's sections (peer-encode.cjs,
// peer-decode.cjs, peer-requests.cjs, peer-incoming.cjs) agree on: which
// error classes and symbols travel by name, the numbers JSON cannot hold,
// which request fields are plain JSON, and the by-reference marker.
// ES2015, Node's core only.

var BUILTIN_ERRORS = {
  Error: Error,
  TypeError: TypeError,
  RangeError: RangeError,
  SyntaxError: SyntaxError,
  ReferenceError: ReferenceError,
  EvalError: EvalError,
  URIError: URIError,
};

var WELL_KNOWN_SYMBOLS = [
  'iterator',
  'asyncIterator',
  'hasInstance',
  'toPrimitive',
  'toStringTag',
  'species',
  'isConcatSpreadable',
  'unscopables',
  'match',
  'replace',
  'search',
  'split',
];

/** Request fields that are plain JSON; every other field is a value. */
var RAW_FIELDS = { key: true, command: true, completion: true, crash: true };

/** Marks a value to be sent as a handle even if it is a plain object (the session module is one). */
class ByRef {
  constructor(target) {
    this.target = target;
  }
}

function byRef(target) {
  return new ByRef(target);
}

/** `out[key] = value` that also works for a key named __proto__. */
function setOwn(out, key, value) {
  Object.defineProperty(out, key, { value: value, enumerable: true, writable: true, configurable: true });
}

function specialNumber(n) {
  if (n !== n) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0 && 1 / n < 0) return '-0';
  return undefined;
}

var SPECIAL_NUMBERS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

module.exports = {
  BUILTIN_ERRORS: BUILTIN_ERRORS,
  WELL_KNOWN_SYMBOLS: WELL_KNOWN_SYMBOLS,
  SPECIAL_NUMBERS: SPECIAL_NUMBERS,
  RAW_FIELDS: RAW_FIELDS,
  ByRef: ByRef,
  byRef: byRef,
  setOwn: setOwn,
  specialNumber: specialNumber,
};
