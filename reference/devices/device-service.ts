// A session's device permissions (Electron's ElectronPermissionManager and
// the chooser contexts): the devices the user chose for an origin, kept in
// memory for the session's life, and the app's handlers —
// setDevicePermissionHandler (answers every later permission check of the
// buses the era routes to it), setUSBProtectedClassesHandler and
// setBluetoothPairingHandler.
//
// API for the bus modules (obtain it with `services.use(deviceService)`):
//   grant(bus, origin, value)            the user chose a device
//   hasPermission(bus, origin, value)    the handler's answer, or whether a stored grant matches
//   revoke(bus, origin, value)           forget(): drops the matching grants, true if any
// `origin` is url::Origin::Serialize() (no trailing slash); `value` is the
// device as the handler sees it (serial-shapes / hid-shapes / usb-shapes).

import type { EraId } from '../../contract/eras/eras.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { deviceEra, type Bus } from './device-era.ts';

export type AppHandler = (...args: unknown[]) => unknown;

interface Grant {
  readonly bus: Bus;
  readonly origin: string;
  readonly value: Record<string, unknown>;
}

/** The fields that say two values are one device: the token or guid of a connection, else the USB identity. */
const IDENTITY: Readonly<Record<Bus, readonly (readonly string[])[]>> = {
  serial: [['token'], ['vendor_id', 'product_id', 'serial_number']],
  hid: [['guid'], ['vendorId', 'productId', 'serialNumber']],
  usb: [['guid'], ['vendorId', 'productId', 'serialNumber']],
};

function sameDevice(bus: Bus, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return IDENTITY[bus].some((keys) => keys.every((key) => a[key] !== undefined && a[key] === b[key]));
}

export class DeviceService implements SessionService {
  readonly era: EraId;
  readonly #grants: Grant[] = [];
  devicePermissionHandler: AppHandler | null = null;
  usbProtectedClassesHandler: AppHandler | null = null;
  bluetoothPairingHandler: AppHandler | null = null;

  constructor(era: EraId) {
    this.era = era;
  }

  grant(bus: Bus, origin: string, value: Record<string, unknown>): void {
    if (this.#grants.some((g) => g.bus === bus && g.origin === origin && sameDevice(bus, g.value, value))) return;
    this.#grants.push({ bus, origin, value });
  }

  hasPermission(bus: Bus, origin: string, value: Record<string, unknown>): boolean {
    const handler = this.devicePermissionHandler;
    if (handler && deviceEra(this.era).handlerBuses.includes(bus)) {
      try {
        return Boolean(handler.call(undefined, { deviceType: bus, origin, device: { ...value } }));
      } catch {
        // The exception is reported as uncaught; the check reads as denied.
        return false;
      }
    }
    return this.#grants.some((g) => g.bus === bus && g.origin === origin && sameDevice(bus, g.value, value));
  }

  revoke(bus: Bus, origin: string, value: Record<string, unknown>): boolean {
    let removed = false;
    for (let i = this.#grants.length - 1; i >= 0; i--) {
      const g = this.#grants[i]!;
      if (g.bus === bus && g.origin === origin && sameDevice(bus, g.value, value)) {
        this.#grants.splice(i, 1);
        removed = true;
      }
    }
    return removed;
  }

  shutdown(): void {
    this.#grants.length = 0;
    this.devicePermissionHandler = null;
    this.usbProtectedClassesHandler = null;
    this.bluetoothPairingHandler = null;
  }
}

export const deviceService = (services: SessionServices): DeviceService => new DeviceService(services.era);
