// What the device libraries report on this machine, asked directly, as a
// bus shows their devices: the expected side of the tests of the real
// backends (real-backends.test.ts, connected-devices.test.ts).

import { createRequire } from 'node:module';
import type { PluggedDevice } from '../../../../reference/devices/device-bus.ts';
import type { Bus } from '../../../../reference/devices/device-era.ts';
import { pluggedHidDevice } from '../../../../reference/devices/real-hid.ts';
import { pluggedSerialPort, type PortInfo } from '../../../../reference/devices/real-serial.ts';

const require = createRequire(import.meta.url);

/** The devices each library reports now, as the bus shows them. */
export async function libraryDevices(bus: Bus): Promise<PluggedDevice[]> {
  if (bus === 'serial') {
    const { SerialPort } = require('serialport') as { SerialPort: { binding: { list(): Promise<PortInfo[]> } } };
    return (await SerialPort.binding.list()).map(pluggedSerialPort);
  }
  if (bus === 'hid') {
    const nodeHid = require('node-hid') as typeof import('node-hid');
    return (await nodeHid.devicesAsync()).map(pluggedHidDevice).filter((d): d is PluggedDevice => d !== null);
  }
  const usb = require('usb') as { getDeviceList(): { busNumber: number; deviceAddress: number }[] };
  return usb.getDeviceList().map((d) => ({ deviceId: `real:usb:${d.busNumber}:${d.deviceAddress}` }));
}
