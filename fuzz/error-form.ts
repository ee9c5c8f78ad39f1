// Whether an error the API threw or rejected with has a form Electron gives:
// its TypeErrors and Errors with their own messages, net::ERR_* failures,
// an abort's DOMException, what a Request constructor throws, or the
// caller's own error passed through. What is not: an engine error from
// inside the implementation (reading a property of undefined, calling a
// non-function, running out of stack), a Node system error (ENOENT, an
// ERR_* code of Node's), a SyntaxError from parsing, a RangeError, or
// anything thrown that is not an Error at all. The WebIDL conversions of
// Node's Request and Headers are Electron's form too: net.fetch and
// ses.fetch build a Request from the caller's arguments first and reject
// with what it throws (a header outside Latin-1 is "Cannot convert argument
// to a ByteString ...", an input without a string form is the engine's
// "Cannot convert object to primitive value" from inside the constructor).

import { CallerError } from './values.ts';

const INTERNAL_MESSAGE = new RegExp(
  [
    'Cannot read propert',
    'Cannot set propert',
    'is not a function',
    'is not iterable',
    'is not a constructor',
    'Cannot convert',
    'Cannot destructure',
    'Maximum call stack',
    'Invalid array length',
    'Invalid string length',
    'Reduce of empty',
    'Invalid time value',
    'out of memory',
    'Unexpected token',
    'Unexpected end of JSON',
    'undefined is not',
    'null is not',
    'Cannot create property',
    'Cannot access',
    'is not defined',
    'used after dispose',
  ].join('|'),
);

/** What the WebIDL converters of Request and Headers throw, in the same words in Electron's Node. */
const WEBIDL_MESSAGE =
  /^Cannot convert argument to a ByteString because the character at index \d+ has a value of \d+ which is greater than 255\.$/;

/** A stack that passes through the constructors of Node's Request or Headers (converting the caller's arguments). */
const REQUEST_CONSTRUCTOR = /\n\s+at new (Request|Headers) \(node:internal\/deps\/undici\//;

/** The caller's own error, possibly carried as a cause. */
export function isCallersOwn(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (e instanceof CallerError) return true;
  }
  return false;
}

/** Undefined when the error has Electron's form; otherwise why not. */
export function wrongForm(error: unknown): string | undefined {
  if (isCallersOwn(error)) return undefined;
  if (!(error instanceof Error)) {
    if (typeof DOMException !== 'undefined' && error instanceof DOMException) return undefined;
    return `a non-Error was thrown: ${describe(error)}`;
  }
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return undefined;
  const message = error.message;
  if (/^net::ERR_[A-Z0-9_]+$/.test(message)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^E[A-Z]{2,}$/.test(code) || /^ERR_[A-Z_]+$/.test(code)) && !/^net::/.test(message)) {
    return `a Node error escaped (${code}): ${message}`;
  }
  if (
    error instanceof SyntaxError ||
    error instanceof ReferenceError ||
    error instanceof EvalError ||
    error instanceof URIError
  ) {
    return `${error.name}: ${message}`;
  }
  if (error instanceof RangeError) return `RangeError: ${message}`;
  if (INTERNAL_MESSAGE.test(message) && !WEBIDL_MESSAGE.test(message) && !REQUEST_CONSTRUCTOR.test(error.stack ?? ''))
    return `${error.name}: ${message}`;
  return undefined;
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return typeof value;
  }
}

/** A short description of an error for a report. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return describe(error);
}
