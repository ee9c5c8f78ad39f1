// The functions handlers receive to answer with, as Electron's bindings
// make them. Electron 1.x (native_mate) converted `callback(granted)` with
// its strict boolean converter and let the function be called any number of
// times. From Electron 9 (gin_helper) every such function is one-time: a
// second call throws before anything else happens, and the permission
// status is read by truthiness, as gin's bool converter does.

import { argumentError, insufficientArguments } from '../era/arguments.ts';
import type { PermissionEra } from './permission-era.ts';

/**
 * gin_helper's one-time function (CallTranslator): the first call is
 * recorded before its arguments are converted, so a call that fails
 * conversion still uses it up.
 */
export function oneTime(body: (...args: unknown[]) => void): (...args: unknown[]) => void {
  let called = false;
  return function (...args: unknown[]): void {
    if (called) throw new TypeError('One-time callback was called more than once');
    called = true;
    body(...args);
  };
}

/** The `callback(permissionGranted)` a request handler receives. */
export function permissionCallback(rules: PermissionEra, answer: (granted: boolean) => void): (...args: unknown[]) => void {
  if (rules.responseCallback === 'native_mate') {
    return function (...args: unknown[]): void {
      if (args.length === 0) throw insufficientArguments();
      const [granted] = args;
      if (typeof granted !== 'boolean') throw argumentError(0, granted, 'native_mate');
      answer(granted);
    };
  }
  return oneTime((...args) => {
    if (args.length === 0) throw insufficientArguments();
    answer(Boolean(args[0]));
  });
}
