// A page's device.forget() (current era): the origin loses the device and
// the session fires 'hid-device-revoked' with { device, origin } or
// 'serial-port-revoked' with { port, frame, origin }.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, PAGE_ORIGIN, plug, record, uniqueId } from './device-support.ts';

export const meta = defineSpec({
  members: ["ses.on('hid-device-revoked')", "ses.on('serial-port-revoked')"],
  eras: 'current',
  requires: ['devices.hid', 'devices.serial'],
  level: 'must',
  basis: 'electron',
  summary: "forget() from a page revokes the origin's grant and fires the revoked event with the device and the origin.",
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;

describe("ses.on('hid-device-revoked')", () => {
  it('fires with { device, origin } when the page forgets a device, which it then no longer gets', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', { deviceId: uniqueId('hid'), name: 'Pad', vendorId: 1, productId: 2, serialNumber: 'P' });
    ses.on('select-hid-device', (event, _details, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(id);
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    const revoked = record(ses, 'hid-device-revoked');
    await t.driver.hid.forget({ session: ses, url: PAGE, deviceId: id });
    expect(revoked.map((args) => args[1])).toEqual([
      { device: { deviceId: id, name: 'Pad', vendorId: 1, productId: 2, serialNumber: 'P' }, origin: PAGE_ORIGIN },
    ]);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });
});

describe("ses.on('serial-port-revoked')", () => {
  it('fires with { port, frame, origin } when the page forgets a port, which it then no longer gets', async () => {
    const ses = freshSession(t);
    const name = uniqueId('ttyACM');
    const portId = await plug(t, 'serial', { deviceId: uniqueId('port'), path: `/dev/${name}`, vendorId: 9 });
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(portId);
    });
    await t.driver.serial.requestPort({ session: ses, url: PAGE });
    expect((await t.driver.serial.getPorts({ session: ses, url: PAGE })).map((p) => p.portId)).toContain(portId);
    const revoked = record(ses, 'serial-port-revoked');
    await t.driver.serial.forget({ session: ses, url: PAGE, portId });
    expect(revoked).toHaveLength(1);
    const details = revoked[0]![1] as { port: unknown; frame: { url: string }; origin: string };
    expect(details.port).toEqual({ portId, portName: name, vendorId: '9' });
    expect(details.origin).toBe(PAGE_ORIGIN);
    expect(details.frame.url).toBe(PAGE);
    expect((await t.driver.serial.getPorts({ session: ses, url: PAGE })).map((p) => p.portId)).not.toContain(portId);
  });
});
