// ses.setBluetoothPairingHandler(handler) (current era): a device asking
// to pair reaches the handler with (details { deviceId, pairingKind,
// frame, pin? }, callback); the callback's { confirmed, pin } answers the
// prompt (confirmed only if exactly true, the PIN trimmed); without a
// handler pairing is cancelled; bad arguments are TypeErrors.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, thrown, uniqueId, until } from './device-support.ts';

export const meta = defineSpec({
  members: ['ses.setBluetoothPairingHandler'],
  eras: 'current',
  requires: ['bluetooth'],
  level: 'must',
  basis: 'electron',
  summary:
    'Pairing prompts go to the pairing handler with the device, the kind of pairing and the frame; its callback confirms or cancels and supplies a trimmed PIN; without a handler pairing is cancelled.',
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;
const FRAME = 'https://devices.test/inner/ble.html';

describe('ses.setBluetoothPairingHandler', () => {
  it('cancels pairing while no handler is set', async () => {
    const ses = freshSession(t);
    expect(await t.driver.bluetooth.pair({ session: ses, url: PAGE, deviceId: 'd1', pairingKind: 'confirm' })).toEqual({
      confirmed: false,
    });
  });

  it('gets { deviceId, pairingKind, frame, pin } and its callback answers the prompt', async () => {
    const ses = freshSession(t);
    const calls: { details: Record<string, unknown>; callback: Callback }[] = [];
    ses.setBluetoothPairingHandler((details: Record<string, unknown>, callback: Callback) => calls.push({ details, callback }));
    const deviceId = uniqueId('ble');
    const outcome = t.driver.bluetooth.pair({
      session: ses,
      url: PAGE,
      frameUrl: FRAME,
      deviceId,
      pairingKind: 'confirmPin',
      pin: '123456',
    });
    await until(() => calls.length === 1, 'the handler call');
    const { details, callback } = calls[0]!;
    expect(details.deviceId).toBe(deviceId);
    expect(details.pairingKind).toBe('confirmPin');
    expect(details.pin).toBe('123456');
    expect((details.frame as { url: string }).url).toBe(FRAME);
    callback({ confirmed: true });
    expect(await outcome).toEqual({ confirmed: true });
  });

  it('passes no pin for the kinds that show none, and takes the PIN the app provides, trimmed', async () => {
    const ses = freshSession(t);
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[0-9]{4,6}$/),
        fc.constantFrom('', ' ', '\t', '\n ', '\u00a0'),
        fc.constantFrom('', ' ', '\r\n'),
        async (pin, before, after) => {
          let seen: Record<string, unknown> | undefined;
          ses.setBluetoothPairingHandler((details: Record<string, unknown>, callback: Callback) => {
            seen = details;
            callback({ confirmed: true, pin: `${before}${pin}${after}` });
          });
          const outcome = await t.driver.bluetooth.pair({ session: ses, url: PAGE, deviceId: 'kbd', pairingKind: 'providePin' });
          expect(outcome).toEqual({ confirmed: true, pin });
          expect(seen).not.toHaveProperty('pin');
        },
      ),
      { numRuns: 25 },
    );
  });

  it('confirms only for confirmed === true; later answers are ignored', async () => {
    const ses = freshSession(t);
    for (const [answer, confirmed] of [
      [{ confirmed: 1 }, false],
      [{ confirmed: 'yes' }, false],
      [{}, false],
      [{ confirmed: false }, false],
      [{ confirmed: true }, true],
    ] as const) {
      ses.setBluetoothPairingHandler((_details: unknown, callback: Callback) => {
        callback(answer);
        callback({ confirmed: !confirmed });
      });
      expect((await t.driver.bluetooth.pair({ session: ses, url: PAGE, deviceId: 'x', pairingKind: 'confirm' })).confirmed).toBe(
        confirmed,
      );
    }
  });

  it("throws gin's TypeErrors from a callback given no object, and the prompt still waits for one", async () => {
    const ses = freshSession(t);
    let errors: (Error | undefined)[] = [];
    ses.setBluetoothPairingHandler((_details: unknown, callback: Callback) => {
      errors = [thrown(() => callback()), thrown(() => callback(true))];
      callback({ confirmed: true });
    });
    expect(await t.driver.bluetooth.pair({ session: ses, url: PAGE, deviceId: 'x', pairingKind: 'confirm' })).toEqual({
      confirmed: true,
    });
    expect(errors.map((e) => [e?.constructor.name, e?.message])).toEqual([
      ['TypeError', 'Insufficient number of arguments.'],
      ['TypeError', 'Error processing argument at index 0, conversion failure from '],
    ]);
  });

  it('null clears the handler (pairing cancelled again); bad arguments are TypeErrors', async () => {
    const ses = freshSession(t);
    ses.setBluetoothPairingHandler((_d: unknown, callback: Callback) => callback({ confirmed: true }));
    ses.setBluetoothPairingHandler(null);
    expect(await t.driver.bluetooth.pair({ session: ses, url: PAGE, deviceId: 'x', pairingKind: 'confirm' })).toEqual({
      confirmed: false,
    });
    const errors = [thrown(() => ses.setBluetoothPairingHandler()), thrown(() => ses.setBluetoothPairingHandler(42))];
    expect(errors.map((e) => [e?.constructor.name, e?.message])).toEqual([
      ['TypeError', 'Insufficient number of arguments.'],
      ['TypeError', 'Must pass null or function'],
    ]);
  });
});
