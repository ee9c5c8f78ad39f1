// The one mechanism that serves the legacy era's callback signatures: a
// promise-returning member becomes `member(...args, callback)` with the
// callback shape from contract/eras/callback-api.ts. A required callback that
// is missing or not a function fails argument conversion, as native_mate did.
// The callback runs in a microtask of its own, outside any promise reaction, so
// an exception it throws is an uncaught exception, as Electron 1.x reported
// it, not a rejection nobody handles.

import type { CallbackMember } from '../../contract/eras/callback-api.ts';
import { argumentError, insufficientArguments } from './arguments.ts';

type AsyncFn = (this: unknown, ...args: unknown[]) => Promise<unknown>;
type Callback = (...results: unknown[]) => void;

type Convert = (args: readonly unknown[]) => void;

/** native_mate with the callback missing: the arguments before it are converted first, so a bad one is reported, not the missing callback. */
function missingCallback(args: readonly unknown[], convert: Convert | undefined): Error {
  convert?.(args);
  return insufficientArguments();
}

function takeCallback(args: unknown[], spec: CallbackMember, convert: Convert | undefined): Callback | undefined {
  if (spec.atArity) {
    // Only the argument right after the others can be the callback; anything later is ignored.
    const given = args.length > spec.arity;
    const candidate = given ? args.splice(spec.arity)[0] : undefined;
    if (typeof candidate === 'function') return candidate as Callback;
    if (spec.optional) return undefined;
    if (!given) throw missingCallback(args, convert);
    throw argumentError(spec.arity, candidate, 'native_mate');
  }
  if (typeof args[args.length - 1] === 'function') return args.pop() as Callback;
  if (spec.optional) return undefined;
  if (args.length <= spec.arity) throw missingCallback(args, convert);
  convert?.(args.slice(0, spec.arity));
  throw argumentError(spec.arity, args[spec.arity], 'native_mate');
}

export function callbackify(fn: AsyncFn, spec: CallbackMember, convert?: Convert): (this: unknown, ...args: unknown[]) => void {
  return function (this: unknown, ...args: unknown[]): void {
    const callback = takeCallback(args, spec, convert);
    // Results arrive asynchronously, never re-entrantly, as they did in Electron.
    const deliver = (...results: unknown[]) => {
      if (callback) queueMicrotask(() => callback(...results));
    };
    fn.apply(this, args).then(
      (result) => {
        if (spec.shape === 'value') deliver(result);
        else if (spec.shape === 'error-first') deliver(null, result);
        else deliver();
      },
      (error: unknown) => {
        if (spec.shape === 'error-first') deliver(error);
        else if (spec.shape === 'value') deliver(undefined);
        else deliver();
      },
    );
  };
}
