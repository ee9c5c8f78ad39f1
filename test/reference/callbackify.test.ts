import { describe, expect, it } from 'vitest';
import { callbackify } from '../../reference/era/callbackify.ts';
import { invokeMember } from '../../harness/api/spec-runtime.ts';

describe('legacy callback mechanism', () => {
  const size = callbackify(async (n: unknown) => Number(n) * 2, { shape: 'value', arity: 1 });
  const done = callbackify(async () => 'ignored', { shape: 'done', arity: 0, optional: true });
  const errorFirst = callbackify(
    async (x: unknown) => {
      if (x === 'bad') throw new Error('bad input');
      return [x];
    },
    { shape: 'error-first', arity: 1 },
  );

  it('delivers results asynchronously in the era shape', async () => {
    let sync = true;
    const value = await new Promise((resolve) => {
      size(21, (v: unknown) => resolve([v, sync]));
      sync = false;
    });
    expect(value).toEqual([42, false]);
    await expect(new Promise((resolve) => done((...args: unknown[]) => resolve(args)))).resolves.toEqual([]);
    await expect(new Promise((resolve) => errorFirst('bad', (e: unknown) => resolve((e as Error).message)))).resolves.toBe(
      'bad input',
    );
  });

  it('throws like native_mate when a required callback is missing', () => {
    expect(() => size(1, 'not a function')).toThrow(
      'Error processing argument at index 1, conversion failure from not a function',
    );
    expect(() => size(1)).toThrow('Insufficient number of arguments.');
    expect(() => done()).not.toThrow();
  });

  it('converts the arguments before the callback first, so a bad one is reported ahead of a missing callback', () => {
    let calls = 0;
    const typed = callbackify(
      async () => {
        calls++;
      },
      { shape: 'done', arity: 1 },
      (args) => {
        if (args.length > 0 && typeof args[0] !== 'string')
          throw new TypeError(`Error processing argument at index 0, conversion failure from ${String(args[0])}`);
      },
    );
    expect(() => typed(42)).toThrow('Error processing argument at index 0, conversion failure from 42');
    expect(() => typed(42, 'not a function')).toThrow('Error processing argument at index 0, conversion failure from 42');
    expect(() => typed('ok')).toThrow('Insufficient number of arguments.');
    expect(() => typed('ok', 'not a function')).toThrow(
      'Error processing argument at index 1, conversion failure from not a function',
    );
    // Nothing ran: conversion fails before the member does anything.
    expect(calls).toBe(0);
  });

  it('is what invokeMember turns back into a promise in the legacy era', async () => {
    const object = { getCacheSize: callbackify(async () => 1234, { shape: 'value', arity: 0 }) };
    await expect(invokeMember('legacy', object, 'ses.getCacheSize', [])).resolves.toBe(1234);
    await expect(invokeMember('current', { getCacheSize: async () => 5 }, 'ses.getCacheSize', [])).resolves.toBe(5);
    await expect(invokeMember('current', {}, 'ses.getCacheSize', [])).rejects.toThrow(/not a function in era current/);
  });

  it('takes the callback only from its own position when earlier arguments are functions', async () => {
    const seen: unknown[][] = [];
    const register = callbackify(
      async (...args: unknown[]) => {
        seen.push(args);
        if (args[0] === 'taken') throw new Error('The scheme has been registered');
      },
      { shape: 'error-first', arity: 2, optional: true, atArity: true },
    );
    const handler = () => undefined;
    register('free', handler);
    expect(seen[0]).toEqual(['free', handler]);
    const error = await new Promise((resolve) => register('taken', handler, (e: unknown) => resolve(e)));
    expect((error as Error).message).toBe('The scheme has been registered');
    await expect(new Promise((resolve) => register('ok', handler, (...args: unknown[]) => resolve(args[0])))).resolves.toBeNull();
    const required = callbackify(async () => true, { shape: 'value', arity: 1, atArity: true });
    expect(() => required('x')).toThrow('Insufficient number of arguments.');
    expect(() => required('x', 5)).toThrow('Error processing argument at index 1, conversion failure from 5');
  });
});

describe('a legacy callback that throws', () => {
  it('surfaces as an uncaught exception, as in Electron 1.x, not as an unhandled rejection', async () => {
    const { execFileSync } = await import('node:child_process');
    const helper = new URL('./helpers/legacy-callback-throws.ts', import.meta.url).pathname;
    const output = execFileSync(process.execPath, ['--import', 'tsx', helper], { encoding: 'utf8', timeout: 60_000 });
    expect(output.trim()).toBe('uncaughtException thrown by the callback');
  });
});
