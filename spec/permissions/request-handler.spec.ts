// ses.setPermissionRequestHandler(handler): without a handler every request
// is granted; with one, the handler is called once per permission of a
// request with (webContents, permission, callback[, details]) and the page
// waits for every answer; callback(true) grants, callback(false) denies
// (Electron 1.x takes booleans only, later eras read any value by
// truthiness and make the callback one-time); answers after the request
// completed are dropped; clearing the handler completes waiting requests
// with the answers given so far; bad handlers get the era's error.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { ask, freshSession, PAGE, recordRequests, thrown, until } from './permission-support.ts';

export const meta = defineSpec({
  members: ['ses.setPermissionRequestHandler'],
  eras: '*',
  requires: ['permissions'],
  level: 'must',
  basis: 'electron',
  summary:
    'Permission requests are granted until a handler is set; the handler answers each permission through its callback, the page waits for every answer, and clearing the handler denies what is still unanswered.',
});

const t = useTarget(meta);

describe('ses.setPermissionRequestHandler', () => {
  it('grants every permission while no handler is set', async () => {
    const ses = freshSession(t);
    expect(await ask(t, ses, ['GEOLOCATION', 'MIDI_SYSEX'])).toEqual({ statuses: ['granted', 'granted'], error: null });
    expect(await ask(t, ses, ['NOTIFICATIONS'])).toEqual({ statuses: ['granted'], error: null });
  });

  it("calls the handler once per permission of a request, with the page's webContents, the permission's name and a callback", async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'MIDI_SYSEX']);
    await until(() => calls.length === 2, 'two handler calls');
    expect(calls.map((c) => c.permission)).toEqual(['geolocation', 'midiSysex']);
    for (const call of calls) {
      expect(call.webContents.getURL()).toBe(PAGE);
      expect(typeof call.callback).toBe('function');
      // Electron 9 added the details argument.
      expect(call.argumentCount).toBe(t.era === 'legacy' ? 3 : 4);
    }
    calls[0]!.callback(true);
    calls[1]!.callback(true);
    expect((await outcome).statuses).toEqual(['granted', 'granted']);
  });

  it('callback(true) grants and callback(false) denies each permission on its own', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'NOTIFICATIONS', 'MIDI']);
    await until(() => calls.length === 3, 'three handler calls');
    calls[0]!.callback(false);
    calls[1]!.callback(true);
    calls[2]!.callback(false);
    expect(await outcome).toEqual({ statuses: ['denied', 'granted', 'denied'], error: null });
  });

  it('the page waits until every permission is answered, in any order and at any time', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'NOTIFICATIONS']);
    await until(() => calls.length === 2, 'two handler calls');
    // Had the request completed on the first answer, the second permission would read as denied.
    calls[1]!.callback(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    calls[0]!.callback(true);
    expect((await outcome).statuses).toEqual(['granted', 'granted']);
  });

  it('an answer after the request completed changes nothing', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const first = ask(t, ses, ['GEOLOCATION']);
    await until(() => calls.length === 1, 'a handler call');
    calls[0]!.callback(false);
    expect((await first).statuses).toEqual(['denied']);
    if (t.era === 'legacy') calls[0]!.callback(true);
    const second = ask(t, ses, ['GEOLOCATION']);
    await until(() => calls.length === 2, 'a second handler call');
    calls[1]!.callback(true);
    expect((await second).statuses).toEqual(['granted']);
  });

  t.itInEras('legacy', 'takes booleans only: another value throws a conversion TypeError and answers nothing', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION']);
    await until(() => calls.length === 1, 'a handler call');
    for (const [value, shown] of [
      ['yes', 'yes'],
      [1, '1'],
      [null, 'null'],
      [{}, '#<Object>'],
    ] as const) {
      const error = thrown(() => calls[0]!.callback(value));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toBe(`Error processing argument at index 0, conversion failure from ${shown}`);
    }
    calls[0]!.callback(true);
    expect((await outcome).statuses).toEqual(['granted']);
  });

  t.itInEras('legacy', 'a callback may run again while its request waits, and each call counts as an answer', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'NOTIFICATIONS']);
    await until(() => calls.length === 2, 'two handler calls');
    calls[0]!.callback(true);
    calls[0]!.callback(true);
    // Two answers were owed and two came: the unanswered notifications permission reads as denied.
    expect((await outcome).statuses).toEqual(['granted', 'denied']);
    expect(() => calls[1]!.callback(true)).not.toThrow();
  });

  t.itInEras('>=e9', "reads the callback's argument by truthiness", async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const value = fc.oneof(
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.constant(undefined),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
      fc.array(fc.integer(), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(value, async (answer) => {
        const before = calls.length;
        const outcome = ask(t, ses, ['GEOLOCATION']);
        await until(() => calls.length === before + 1, 'a handler call');
        calls[before]!.callback(answer);
        expect((await outcome).statuses).toEqual([answer ? 'granted' : 'denied']);
      }),
      { numRuns: 40 },
    );
  });

  t.itInEras('>=e9', "the callback is one-time: a second call throws 'One-time callback was called more than once'", async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'NOTIFICATIONS']);
    await until(() => calls.length === 2, 'two handler calls');
    calls[0]!.callback(true);
    const error = thrown(() => calls[0]!.callback(false));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('One-time callback was called more than once');
    calls[1]!.callback(true);
    expect((await outcome).statuses).toEqual(['granted', 'granted']);
  });

  it("callback() without a value throws 'Insufficient number of arguments.' and answers nothing", async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION']);
    await until(() => calls.length === 1, 'a handler call');
    const error = thrown(() => calls[0]!.callback());
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Insufficient number of arguments.');
    if (t.era === 'legacy') {
      calls[0]!.callback(true);
      expect((await outcome).statuses).toEqual(['granted']);
    } else {
      // The failed call used the one-time callback up: only clearing the handler ends the request.
      expect(thrown(() => calls[0]!.callback(true))!.message).toBe('One-time callback was called more than once');
      ses.setPermissionRequestHandler(null);
      expect((await outcome).statuses).toEqual(['denied']);
    }
  });

  it('clearing the handler with null completes waiting requests, unanswered permissions denied, and grants later ones', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const pair = ask(t, ses, ['GEOLOCATION', 'NOTIFICATIONS']);
    const single = ask(t, ses, ['MIDI']);
    await until(() => calls.length === 3, 'three handler calls');
    calls[0]!.callback(true);
    ses.setPermissionRequestHandler(null);
    expect((await pair).statuses).toEqual(['granted', 'denied']);
    expect((await single).statuses).toEqual(['denied']);
    // Answers for cleared requests are dropped.
    expect(() => calls[1]!.callback(true)).not.toThrow();
    expect((await ask(t, ses, ['GEOLOCATION'])).statuses).toEqual(['granted']);
    expect(calls).toHaveLength(3);
  });

  it('a handler that clears itself denies the request that called it', async () => {
    const ses = freshSession(t);
    let calls = 0;
    ses.setPermissionRequestHandler(() => {
      calls += 1;
      ses.setPermissionRequestHandler(null);
    });
    expect(await ask(t, ses, ['MIDI_SYSEX'])).toEqual({ statuses: ['denied'], error: null });
    expect(calls).toBe(1);
  });

  it("replacing the handler with another leaves waiting requests to the first handler's callbacks", async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION']);
    await until(() => calls.length === 1, 'a handler call');
    const later = recordRequests(ses);
    const next = ask(t, ses, ['NOTIFICATIONS']);
    await until(() => later.length === 1, 'a call of the new handler');
    later[0]!.callback(false);
    expect((await next).statuses).toEqual(['denied']);
    calls[0]!.callback(true);
    expect((await outcome).statuses).toEqual(['granted']);
  });

  it('applies to its own session only', async () => {
    const ses = freshSession(t);
    ses.setPermissionRequestHandler((_wc: unknown, _permission: string, callback: (granted: boolean) => void) => callback(false));
    expect((await ask(t, ses, ['GEOLOCATION'])).statuses).toEqual(['denied']);
    expect((await ask(t, freshSession(t), ['GEOLOCATION'])).statuses).toEqual(['granted']);
  });

  it("throws 'Must pass null or function' for anything else (an Error up to Electron 9, a TypeError after)", () => {
    const ses = freshSession(t);
    for (const bad of [undefined, 1, 'handler', {}, [], true]) {
      const error = thrown(() => ses.setPermissionRequestHandler(bad));
      expect(error!.message).toBe('Must pass null or function');
      expect(error!.constructor).toBe(t.era === 'legacy' || t.era === 'e9' ? Error : TypeError);
    }
  });

  it("reports a missing handler as 'Insufficient number of arguments.'", () => {
    const error = thrown(() => freshSession(t).setPermissionRequestHandler());
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Insufficient number of arguments.');
  });
});
