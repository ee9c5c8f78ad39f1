// Which buses list the machine's own devices next to the driver's virtual
// ones: one environment switch per bus, off by default so specs see only
// the devices they plug. SESSION_CONFORMANCE_REAL_SERIAL=1 adds the ports
// of the serialport bindings, SESSION_CONFORMANCE_REAL_HID=1 the HID
// interfaces of node-hid, SESSION_CONFORMANCE_REAL_USB=1 the devices of the
// usb package. The switches are read on every listing, so a process can
// turn a bus's real backend on or off while it runs.

import type { Bus } from './device-era.ts';
import type { RealBus } from './real-bus.ts';
import { realHidBus } from './real-hid.ts';
import { realSerialBus } from './real-serial.ts';
import { realUsbBus } from './real-usb.ts';

export const REAL_BACKEND_SWITCHES: Readonly<Record<Bus, string>> = {
  serial: 'SESSION_CONFORMANCE_REAL_SERIAL',
  hid: 'SESSION_CONFORMANCE_REAL_HID',
  usb: 'SESSION_CONFORMANCE_REAL_USB',
};

const REAL_BUSES: Readonly<Record<Bus, RealBus>> = { serial: realSerialBus, hid: realHidBus, usb: realUsbBus };

export function realBackendEnabled(bus: Bus): boolean {
  return process.env[REAL_BACKEND_SWITCHES[bus]] === '1';
}

/** The bus's real backend where its switch is on. */
export function enabledRealBus(bus: Bus): RealBus | null {
  return realBackendEnabled(bus) ? REAL_BUSES[bus] : null;
}
