// Which buses list the machine's own devices next to the driver's virtual
// ones. A reference app (the stand-in, createReferenceElectron) lists them,
// as Electron lists what the OS reports; a process that launches test
// targets through the harness (launchReference) turns that default off, so
// specs see only the devices they plug. One environment switch per bus
// overrides the default either way: SESSION_CONFORMANCE_REAL_SERIAL for the
// ports of the serialport bindings, SESSION_CONFORMANCE_REAL_HID for the HID
// interfaces of node-hid, SESSION_CONFORMANCE_REAL_USB for the devices of the
// usb package, each '1' (on) or '0' (off). The switches are read on every
// listing, so a process can turn a bus's real backend on or off while it
// runs. A bus on by default whose library cannot load or list shows no
// system devices; one switched on shows the error (connected-devices.ts).

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

let systemDevicesByDefault = true;

/** Whether buses without a switch list the machine's devices (launchReference turns it off for test targets); returns the previous setting. */
export function listSystemDevicesByDefault(on: boolean): boolean {
  const previous = systemDevicesByDefault;
  systemDevicesByDefault = on;
  return previous;
}

export function realBackendEnabled(bus: Bus): boolean {
  const value = process.env[REAL_BACKEND_SWITCHES[bus]];
  if (value === '1') return true;
  if (value === '0') return false;
  return systemDevicesByDefault;
}

/** Whether the bus's switch asks for its real backend, so that a backend that fails is an error. */
export function realBackendRequired(bus: Bus): boolean {
  return process.env[REAL_BACKEND_SWITCHES[bus]] === '1';
}

/** The bus's real backend where it is on. */
export function enabledRealBus(bus: Bus): RealBus | null {
  return realBackendEnabled(bus) ? REAL_BUSES[bus] : null;
}
