// A Bluetooth device asking to pair while a page of the session connects
// to it (Electron's ElectronBluetoothDelegate::ShowDevicePairPrompt and
// ElectronPermissionManager::CheckBluetoothDevicePair, current era): the
// session's pairing handler gets (details { deviceId, pairingKind, frame,
// pin? }, callback); without a handler pairing is cancelled. The callback
// takes an object: `confirmed` must be the boolean true to pair, and a
// string `pin` is passed on with the whitespace at both ends trimmed.
// A callback answered once ignores later calls; anything but an object is
// gin's conversion TypeError.

import { argumentError, requireArgument } from '../era/arguments.ts';
import { openPage } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { deviceService } from './device-service.ts';

export type PairingKind = 'confirm' | 'confirmPin' | 'providePin';
const KINDS: readonly PairingKind[] = ['confirm', 'confirmPin', 'providePin'];

export interface PairingAnswer {
  confirmed: boolean;
  pin?: string;
}

export interface PairArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
  deviceId: string;
  pairingKind: PairingKind;
  pin?: string;
}

/** base::TrimWhitespace(TRIM_ALL) on UTF-16: Unicode white space at both ends. */
function trimWhitespace(value: string): string {
  return value.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

function answerOf(response: Record<string, unknown>): PairingAnswer {
  const answer: PairingAnswer = { confirmed: response.confirmed === true };
  if (typeof response.pin === 'string') answer.pin = trimWhitespace(response.pin);
  return answer;
}

export function pair(args: PairArgs): Promise<PairingAnswer> {
  const services = servicesOf(args.session as object);
  if (services.era !== 'current')
    throw new Error(`Bluetooth pairing prompts reach the app only in the current era, not ${services.era}`);
  if (typeof args.deviceId !== 'string') throw new TypeError('deviceId must be a string');
  if (!KINDS.includes(args.pairingKind)) throw new TypeError(`pairingKind must be one of ${KINDS.join(', ')}`);
  const page = openPage(args.session, args.url, args.frameUrl);
  const handler = services.use(deviceService).bluetoothPairingHandler;
  if (!handler) return Promise.resolve({ confirmed: false });
  return new Promise((resolve) => {
    let answered = false;
    const callback = (...response: unknown[]) => {
      requireArgument(response, 0);
      const [value] = response;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argumentError(0, value);
      if (answered) return;
      answered = true;
      resolve(answerOf(value as Record<string, unknown>));
    };
    const details: Record<string, unknown> = { deviceId: args.deviceId, pairingKind: args.pairingKind, frame: page.frame };
    if (args.pin !== undefined) details.pin = args.pin;
    try {
      handler.call(undefined, details, callback);
    } catch {
      // Reported as uncaught in Electron; the prompt keeps waiting for the callback.
    }
  });
}
