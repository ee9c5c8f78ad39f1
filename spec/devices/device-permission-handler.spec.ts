// ses.setDevicePermissionHandler(handler) (17+): once set, device
// permission checks go to the handler with { deviceType, origin, device }
// (and the asking `frame` in Electron 17) instead of the grants the user
// made in choosers (HID and serial in Electron 17; HID, serial and USB in
// the current era), and a device chosen while it is set is not remembered;
// serial ports reach it in the chooser context's own shape. A device
// without a stable identity is granted for its connection only; where that
// grant is missing, HID and USB devices still ask the handler (with their
// guid), and serial ports do in Electron 17 only. null clears the handler;
// anything else is a TypeError.

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

/**
 * The handler's details without the frame, after checking the frame: Electron
 * 17 passes the asking frame (a WebFrameMain), later eras pass none.
 */
function detailsOf(details: Record<string, unknown> | undefined, frameUrl = PAGE): Record<string, unknown> | undefined {
  if (details === undefined) return undefined;
  const { frame, ...rest } = details;
  if (t.era === 'e17') expect((frame as { url: string }).url).toBe(frameUrl);
  else expect(details).not.toHaveProperty('frame');
  return rest;
}

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
    expect(detailsOf(calls.find((c) => (c.device as { serialNumber?: string }).serialNumber === device.serialNumber))).toEqual({
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

  it('grants a device without a stable identity for its connection only', async () => {
    const ses = freshSession(t);
    const device = keyboard({ serialNumber: undefined });
    const id = await plug(t, 'hid', device);
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    // Plugged in again, it is a new connection without the grant.
    await t.driver.hid.unplug({ deviceId: id });
    await t.driver.hid.plug({ device });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it('asks about a HID device without a stable identity too, by its guid, once the connection has no grant', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', keyboard({ serialNumber: undefined }));
    const calls: Record<string, unknown>[] = [];
    let answer = true;
    ses.setDevicePermissionHandler((details: Record<string, unknown>) => {
      calls.push(details);
      return answer;
    });
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    expect(detailsOf(calls.find((c) => (c.device as { guid?: string }).guid === id))).toEqual({
      deviceType: 'hid',
      origin: PAGE_ORIGIN,
      device: { name: 'Keyboard', vendorId: 0x046d, productId: 0xc31c, guid: id },
    });
    answer = false;
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
    // The connection's own grant answers before the handler.
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    calls.length = 0;
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    expect(calls.filter((c) => (c.device as { guid?: string }).guid === id)).toEqual([]);
  });

  it('remembers no device chosen while it is set', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', keyboard());
    ses.setDevicePermissionHandler(() => true);
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    expect((await t.driver.hid.requestDevice({ session: ses, url: PAGE })).devices.map((d) => d.deviceId)).toEqual([id]);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
    ses.setDevicePermissionHandler(null);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it('answers serial checks with the port in the chooser context’s shape', async () => {
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
    expect(ports).toContain(portId);
    expect(
      calls.filter((c) => c.deviceType === 'serial' && (c.device as { name?: string }).name === 'Modem').map((c) => detailsOf(c)),
    ).toEqual([
      {
        deviceType: 'serial',
        origin: PAGE_ORIGIN,
        device: { name: 'Modem', vendor_id: 0x2341, product_id: 0x43, serial_number: 'S9' },
      },
    ]);
  });

  it('is asked about a serial port without a stable identity in Electron 17 only, even after the user chose it', async () => {
    const ses = freshSession(t);
    const name = uniqueId('ttyS');
    const portId = await plug(t, 'serial', { deviceId: uniqueId('port'), path: `/dev/${name}` });
    const calls: Record<string, unknown>[] = [];
    ses.setDevicePermissionHandler((details: Record<string, unknown>) => {
      calls.push(details);
      return false;
    });
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(portId);
    });
    expect((await t.driver.serial.requestPort({ session: ses, url: PAGE })).port?.portId).toBe(portId);
    const ports = (await t.driver.serial.getPorts({ session: ses, url: PAGE })).map((p) => p.portId);
    const mine = calls.filter((c) => (c.device as { token?: string }).token === portId);
    if (t.era === 'e17') {
      // Electron 17's chooser context keeps no grant of its own: the handler's no is the answer.
      expect(ports).not.toContain(portId);
      expect(detailsOf(mine[0])).toEqual({
        deviceType: 'serial',
        origin: PAGE_ORIGIN,
        device: { name: `/dev/${name}`, token: portId },
      });
    } else {
      // The connection's grant answers; a port without an identity never reaches the handler.
      expect(ports).toContain(portId);
      expect(mine).toEqual([]);
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
