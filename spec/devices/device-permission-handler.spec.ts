// ses.setDevicePermissionHandler(handler) (17+): once set, the permission
// checks of devices with a stable identity go to the handler with
// { deviceType, origin, device } instead of the grants the user made in
// choosers (HID in Electron 17; HID, serial and USB in the current era);
// serial ports reach it in the chooser context's own shape. A device
// without a stable identity is granted for its connection only and never
// asks the handler. null clears the handler; anything else is a TypeError.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, OTHER_PAGE, PAGE, PAGE_ORIGIN, plug, thrown, uniqueId } from './device-support.ts';

export const meta = defineSpec({
  members: ['ses.setDevicePermissionHandler'],
  eras: '>=e17',
  requires: ['devices.hid', 'devices.serial'],
  level: 'must',
  basis: 'electron',
  summary:
    'The device permission handler answers device permission checks with { deviceType, origin, device } in place of the chooser grants; null clears it; bad arguments are TypeErrors.',
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;

function keyboard(extra: Record<string, unknown> = {}) {
  return {
    deviceId: uniqueId('hid'),
    name: 'Keyboard',
    vendorId: 0x046d,
    productId: 0xc31c,
    serialNumber: uniqueId('sn'),
    ...extra,
  };
}

describe('ses.setDevicePermissionHandler', () => {
  it('answers HID checks with { deviceType, origin, device } instead of the grants', async () => {
    const ses = freshSession(t);
    const device = keyboard();
    const id = await plug(t, 'hid', device);
    const calls: Record<string, unknown>[] = [];
    ses.setDevicePermissionHandler((details: Record<string, unknown>) => {
      calls.push(details);
      return (details.origin as string) === PAGE_ORIGIN;
    });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    expect((await t.driver.hid.getDevices({ session: ses, url: OTHER_PAGE })).map((d) => d.deviceId)).not.toContain(id);
    expect(calls.find((c) => (c.device as { serialNumber?: string }).serialNumber === device.serialNumber)).toEqual({
      deviceType: 'hid',
      origin: PAGE_ORIGIN,
      device: { name: 'Keyboard', vendorId: 0x046d, productId: 0xc31c, serialNumber: device.serialNumber },
    });
  });

  it("overrides the user's choice in the chooser, and null goes back to the grants", async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', keyboard());
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    ses.setDevicePermissionHandler(() => false);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
    ses.setDevicePermissionHandler(null);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
  });

  it('is not asked for a device without a stable identity: its grant lasts one connection', async () => {
    const ses = freshSession(t);
    const device = keyboard({ serialNumber: undefined });
    const id = await plug(t, 'hid', device);
    const calls: unknown[] = [];
    ses.setDevicePermissionHandler((details: unknown) => {
      calls.push(details);
      return true;
    });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    expect(calls.filter((c) => ((c as { device: { guid?: string } }).device.guid ?? '') === id)).toEqual([]);
    // Plugged in again, it is a new connection without the grant.
    await t.driver.hid.unplug({ deviceId: id });
    await t.driver.hid.plug({ device });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it('answers serial checks only in the current era, with the port in the chooser context’s shape', async () => {
    const ses = freshSession(t);
    const name = uniqueId('ttyUSB');
    const portId = await plug(t, 'serial', {
      deviceId: uniqueId('port'),
      path: `/dev/${name}`,
      displayName: 'Modem',
      vendorId: 0x2341,
      productId: 0x43,
      serialNumber: 'S9',
    });
    const calls: Record<string, unknown>[] = [];
    ses.setDevicePermissionHandler((details: Record<string, unknown>) => {
      calls.push(details);
      return true;
    });
    const ports = (await t.driver.serial.getPorts({ session: ses, url: PAGE })).map((p) => p.portId);
    if (t.era === 'current') {
      expect(ports).toContain(portId);
      expect(calls.filter((c) => c.deviceType === 'serial' && (c.device as { name?: string }).name === 'Modem')).toEqual([
        {
          deviceType: 'serial',
          origin: PAGE_ORIGIN,
          device: { name: 'Modem', vendor_id: 0x2341, product_id: 0x43, serial_number: 'S9' },
        },
      ]);
    } else {
      // Electron 17's handler is for HID only: without a grant the port stays out.
      expect(ports).not.toContain(portId);
      expect(calls.filter((c) => c.deviceType === 'serial')).toEqual([]);
    }
  });

  it('reads a throwing handler as a denial', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', keyboard());
    ses.setDevicePermissionHandler(() => {
      throw new Error('handler failed');
    });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it("throws gin's TypeErrors for a missing argument and for anything but null or a function", () => {
    const ses = freshSession(t);
    const errors = [
      thrown(() => ses.setDevicePermissionHandler()),
      ...[1, 'f', {}, undefined].map((v) => thrown(() => ses.setDevicePermissionHandler(v))),
    ];
    expect(errors.map((e) => [e?.constructor.name, e?.message])).toEqual([
      ['TypeError', 'Insufficient number of arguments.'],
      ...Array(4).fill(['TypeError', 'Must pass null or function']),
    ]);
    expect(thrown(() => ses.setDevicePermissionHandler(null))).toBeUndefined();
  });
});
