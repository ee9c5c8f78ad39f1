// ses.setUSBProtectedClassesHandler(handler) (current era): the handler
// gets { protectedClasses } with WebUSB's protected classes by Electron's
// names and returns the ones that stay protected; a page cannot claim an
// interface of a protected class; unknown names are dropped; bad
// arguments are TypeErrors.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, plug, thrown, uniqueId } from './device-support.ts';

export const meta = defineSpec({
  members: ['ses.setUSBProtectedClassesHandler'],
  eras: 'current',
  requires: ['devices.usb'],
  level: 'must',
  basis: 'electron',
  summary: 'The handler decides which of the protected USB classes a page may not claim; without it all are protected.',
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;

const NAMES = ['audio', 'hid', 'mass-storage', 'smart-card', 'video', 'audio-video', 'wireless'];
const CODES: Record<string, number> = {
  audio: 1,
  hid: 3,
  'mass-storage': 8,
  'smart-card': 0x0b,
  video: 0x0e,
  'audio-video': 0x10,
  wireless: 0xe0,
};
const PROTECTED = {
  name: 'SecurityError',
  message: "Failed to execute 'claimInterface' on 'USBDevice': The requested interface implements a protected class.",
};

/** A granted device with one interface per protected class (numbered in NAMES order) and a vendor interface. */
async function grantedDevice(ses: ReturnType<typeof freshSession>): Promise<string> {
  const interfaces = [
    ...NAMES.map((name, i) => ({ interfaceNumber: i, interfaceClass: CODES[name]! })),
    { interfaceNumber: 7, interfaceClass: 0xff },
  ];
  const id = await plug(t, 'usb', {
    deviceId: uniqueId('usb'),
    vendorId: 1,
    productId: 1,
    serialNumber: uniqueId('sn'),
    interfaces,
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    (event as { preventDefault(): void }).preventDefault();
    (callback as Callback)(id);
  });
  await t.driver.usb.requestDevice({ session: ses, url: PAGE });
  return id;
}

async function claimable(ses: ReturnType<typeof freshSession>, id: string): Promise<string[]> {
  const open: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const error = await t.driver.usb.claimInterface({ session: ses, url: PAGE, deviceId: id, interfaceNumber: i });
    if (error === null) open.push(name);
    else expect(error).toEqual(PROTECTED);
  }
  return open;
}

describe('ses.setUSBProtectedClassesHandler', () => {
  it('protects every class without a handler; vendor interfaces are claimable', async () => {
    const ses = freshSession(t);
    const id = await grantedDevice(ses);
    expect(await claimable(ses, id)).toEqual([]);
    expect(await t.driver.usb.claimInterface({ session: ses, url: PAGE, deviceId: id, interfaceNumber: 7 })).toBeNull();
  });

  it('gets { protectedClasses } by name, and what it returns stays protected', async () => {
    const ses = freshSession(t);
    const id = await grantedDevice(ses);
    const seen: unknown[] = [];
    ses.setUSBProtectedClassesHandler((details: unknown) => {
      seen.push(details);
      return (details as { protectedClasses: string[] }).protectedClasses.filter((c) => c !== 'hid' && c !== 'audio');
    });
    expect(await claimable(ses, id)).toEqual(['audio', 'hid']);
    expect(seen[0]).toEqual({ protectedClasses: NAMES });
  });

  it('keeps exactly the known names it returns, whatever else comes with them', async () => {
    const ses = freshSession(t);
    const id = await grantedDevice(ses);
    await fc.assert(
      fc.asyncProperty(fc.subarray(NAMES), fc.array(fc.constantFrom('printer', 'Audio', '', 'usb')), async (kept, unknown) => {
        ses.setUSBProtectedClassesHandler(() => [...unknown, ...kept]);
        const open = await claimable(ses, id);
        expect(open).toEqual(NAMES.filter((n) => !kept.includes(n)));
      }),
      { numRuns: 20 },
    );
  });

  it('null goes back to protecting everything', async () => {
    const ses = freshSession(t);
    const id = await grantedDevice(ses);
    ses.setUSBProtectedClassesHandler(() => []);
    expect(await claimable(ses, id)).toEqual(NAMES);
    ses.setUSBProtectedClassesHandler(null);
    expect(await claimable(ses, id)).toEqual([]);
  });

  it("throws gin's TypeErrors for a missing argument and for anything but null or a function", () => {
    const ses = freshSession(t);
    const errors = [thrown(() => ses.setUSBProtectedClassesHandler()), thrown(() => ses.setUSBProtectedClassesHandler(['hid']))];
    expect(errors.map((e) => [e?.constructor.name, e?.message])).toEqual([
      ['TypeError', 'Insufficient number of arguments.'],
      ['TypeError', 'Must pass null or function'],
    ]);
  });
});
