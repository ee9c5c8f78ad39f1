// ses.setDevicePermissionHandler(handler) for WebUSB (current era): USB
// permission checks reach the handler with { deviceType: 'usb', origin,
// device } and the device in its USBDevice shape, devices without a serial
// number included (known by their deviceId only); a device chosen while the
// handler is set is not remembered once it is cleared.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, OTHER_PAGE, PAGE, PAGE_ORIGIN, plug, uniqueId } from './device-support.ts';

export const meta = defineSpec({
  members: ['ses.setDevicePermissionHandler'],
  eras: 'current',
  requires: ['devices.usb'],
  level: 'must',
  basis: 'electron',
  summary:
    "USB permission checks go to the device permission handler with deviceType 'usb' and the USBDevice, with or without a serial number; choices made while it is set are not kept.",
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;

function board(extra: Record<string, unknown> = {}) {
  return { deviceId: uniqueId('usb'), vendorId: 0x2fe3, productId: 0x100, productName: 'Board', ...extra };
}

describe('ses.setDevicePermissionHandler and WebUSB', () => {
  it("answers USB checks with { deviceType: 'usb', origin, device }, serial number or not", async () => {
    const ses = freshSession(t);
    const serialNumber = uniqueId('sn');
    const id = await plug(t, 'usb', board({ serialNumber }));
    const transient = await plug(t, 'usb', board({ productName: undefined, productId: 0x101 }));
    const calls: Record<string, unknown>[] = [];
    ses.setDevicePermissionHandler((details: Record<string, unknown>) => {
      calls.push(details);
      return details.origin === PAGE_ORIGIN;
    });
    const granted = (await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId);
    expect(granted).toEqual(expect.arrayContaining([id, transient]));
    expect((await t.driver.usb.getDevices({ session: ses, url: OTHER_PAGE })).map((d) => d.deviceId)).not.toContain(id);
    const seen = (deviceId: string) =>
      calls.find((c) => c.origin === PAGE_ORIGIN && (c.device as { deviceId?: string }).deviceId === deviceId);
    expect(Object.keys(seen(id)!).sort()).toEqual(['device', 'deviceType', 'origin']);
    expect(seen(id)).toMatchObject({
      deviceType: 'usb',
      origin: PAGE_ORIGIN,
      device: { deviceId: id, productName: 'Board', vendorId: 0x2fe3, productId: 0x100, serialNumber },
    });
    expect(seen(transient)).toMatchObject({
      deviceType: 'usb',
      device: { deviceId: transient, productName: '', productId: 0x101 },
    });
    expect(seen(transient)!.device).not.toHaveProperty('serialNumber');
  });

  it('remembers no device chosen while it is set', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'usb', board({ serialNumber: uniqueId('sn') }));
    ses.setDevicePermissionHandler(() => true);
    ses.on('select-usb-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    expect((await t.driver.usb.requestDevice({ session: ses, url: PAGE })).device?.deviceId).toBe(id);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    ses.setDevicePermissionHandler(null);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it('leaves a device chosen before it was set to the handler, and to the grant again once cleared', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'usb', board({ serialNumber: uniqueId('sn') }));
    ses.on('select-usb-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.usb.requestDevice({ session: ses, url: PAGE });
    ses.setDevicePermissionHandler(() => false);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
    ses.setDevicePermissionHandler(null);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
  });
});
