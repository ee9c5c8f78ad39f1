// The machine's devices, one bus per device API, behind one interface each
// bus's backend implements: `list()` and `watch()` (added/removed). The
// virtual backend is the driver's: `plug`/`unplug` add and remove devices
// at once, as hardware would appear to the OS. A real backend (the
// serialport library's bindings for serial, node-hid's HID.devices() or
// usb's getDeviceList() for the others) lists what the OS reports; the
// reference combines the virtual devices with the real ones where a real
// backend is switched on (real-backends.ts, connected-devices.ts).
//
// Buses are process-wide like the hardware they stand for: every session
// sees the same devices.

import type { Bus } from './device-era.ts';

export interface BusListener<D> {
  added(device: D): void;
  removed(device: D): void;
}

export interface DeviceBackend<D> {
  list(): Promise<D[]>;
  /** Calls the listener for each later change until the returned function is called. */
  watch(listener: BusListener<D>): () => void;
}

/** A device of any bus as the driver plugs it: an id plus the bus's fields. */
export interface PluggedDevice {
  readonly deviceId: string;
  /** Set by the bus: which plugging-in this is (Chromium gives each connection a fresh guid/token). */
  readonly connection?: number;
  readonly [field: string]: unknown;
}

export class VirtualBus implements DeviceBackend<PluggedDevice> {
  readonly #devices = new Map<string, PluggedDevice>();
  readonly #listeners = new Set<BusListener<PluggedDevice>>();
  #connections = 0;

  list(): Promise<PluggedDevice[]> {
    return Promise.resolve([...this.#devices.values()]);
  }

  get(deviceId: string): PluggedDevice | undefined {
    return this.#devices.get(deviceId);
  }

  watch(listener: BusListener<PluggedDevice>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  plug(device: PluggedDevice): void {
    if (typeof device?.deviceId !== 'string' || device.deviceId === '') {
      throw new TypeError('a plugged device needs a non-empty string deviceId');
    }
    if (this.#devices.has(device.deviceId)) throw new Error(`device ${device.deviceId} is already plugged in`);
    const copy = Object.freeze({ ...device, connection: ++this.#connections });
    this.#devices.set(copy.deviceId, copy);
    for (const listener of [...this.#listeners]) listener.added(copy);
  }

  unplug(deviceId: string): void {
    const device = this.#devices.get(deviceId);
    if (!device) throw new Error(`no device ${String(deviceId)} is plugged in`);
    this.#devices.delete(deviceId);
    for (const listener of [...this.#listeners]) listener.removed(device);
  }
}

const BUSES: Readonly<Record<Bus, VirtualBus>> = {
  serial: new VirtualBus(),
  hid: new VirtualBus(),
  usb: new VirtualBus(),
};

export function virtualBus(bus: Bus): VirtualBus {
  return BUSES[bus];
}
