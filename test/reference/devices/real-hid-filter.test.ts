// The HID chooser hides FIDO collections and blocklisted devices whichever
// backend listed them. A bus over a source that reports node-hid's records
// (the real backend's RealSource fed with HID.Device shapes, as node-hid
// would report a security key) goes through the same shapes the chooser
// and getDevices() use: a YubiKey's ids and a FIDO usage page are hidden
// there as they are for the driver's virtual devices.

import { describe, expect, it } from 'vitest';
import { virtualBus } from '../../../reference/devices/device-bus.ts';
import { displayHidDevice, hidDeviceOf } from '../../../reference/devices/hid-shapes.ts';
import { RealBus } from '../../../reference/devices/real-bus.ts';
import { type NodeHidDevice, pluggedHidDevice } from '../../../reference/devices/real-hid.ts';

const records: NodeHidDevice[] = [
  // A YubiKey 5's keyboard interface: its vendor and product ids are on the blocklist.
  { vendorId: 0x1050, productId: 0x0407, path: '/dev/hidraw7', product: 'YubiKey OTP+FIDO+CCID', usagePage: 1, usage: 6 },
  // A security key of a vendor not on the list, known only by its FIDO collection.
  { vendorId: 0x1234, productId: 0x0f1d, path: '/dev/hidraw8', product: 'Key', usagePage: 0xf1d0, usage: 1 },
  { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw3', product: 'USB Keyboard', usagePage: 1, usage: 6 },
];

const bus = new RealBus({
  scan: async () => records.map(pluggedHidDevice).filter((d) => d !== null),
});

describe('devices of the real HID backend', () => {
  it('are hidden from the chooser when blocklisted or FIDO, as virtual ones are', async () => {
    const listed = (await bus.list()).map(hidDeviceOf);
    expect(listed.filter((d) => displayHidDevice([], d)).map((d) => d.productName)).toEqual(['USB Keyboard']);
    // getDevices() leaves out what is excluded by the blocklist (the FIDO key only lacks a grant).
    expect(listed.map((d) => d.blocklisted)).toEqual([true, false, false]);
  });

  it('are judged by the same rule as the same device plugged in virtually', () => {
    const id = `virtual-yubikey-${process.pid}`;
    virtualBus('hid').plug({ deviceId: id, vendorId: 0x1050, productId: 0x0407, usagePage: 1 });
    try {
      const virtual = hidDeviceOf(virtualBus('hid').get(id)!);
      const real = hidDeviceOf({ ...pluggedHidDevice(records[0]!)!, connection: 1 });
      expect([virtual.blocklisted, real.blocklisted]).toEqual([true, true]);
    } finally {
      virtualBus('hid').unplug(id);
    }
  });
});
