// A session's device permissions (Electron's ElectronPermissionManager and
// the chooser contexts): the devices the user chose for an origin, kept in
// memory for the session's life, and the app's handlers —
// setDevicePermissionHandler (answers every later permission check of the
// buses the era routes to it), setUSBProtectedClassesHandler and
// setBluetoothPairingHandler.
//
// API for the bus modules (obtain it with `services.use(deviceService)`):
//   grant(bus, origin, device)                 the user chose a device
//   hasPermission(bus, origin, device, frame)  this connection's grant, else the handler's answer or a stored grant
//   revoke(bus, origin, device)                forget()
// `origin` is url::Origin::Serialize() (no trailing slash); `device` a
// DeviceRef (serial-shapes / hid-shapes / usb-shapes make them). As in
// Electron's chooser contexts, a device without a stable identity is
// granted for its connection only; a connection's grant answers before the
// handler, which still decides for such a device on the buses the era sends
// it (device-era.ts). As in ElectronPermissionManager::GrantDevicePermission,
// a choice made while a device permission handler is set stores no grant.

import type { EraId } from '../../contract/eras/eras.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { deviceEra, type Bus } from './device-era.ts';

export type AppHandler = (...args: unknown[]) => unknown;

interface Grant {
  readonly bus: Bus;
  readonly origin: string;
  readonly value: Record<string, unknown>;
}

/** A connected device as the permission code sees it. */
export interface DeviceRef {
  /** The connection's id (a device plugged in again is a new connection; see device-bus.ts). */
  readonly id: string;
  /** The device as the permission handler sees it. */
  readonly value: Record<string, unknown>;
  /** Whether a grant can outlive the connection (the device has a stable identity). */
  readonly persistent: boolean;
}

/** The fields that say two persistent values are one device (the USB identity). */
const IDENTITY: Readonly<Record<Bus, readonly string[]>> = {
  serial: ['vendor_id', 'product_id', 'serial_number'],
  hid: ['vendorId', 'productId', 'serialNumber'],
  usb: ['vendorId', 'productId', 'serialNumber'],
};

function sameDevice(bus: Bus, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return IDENTITY[bus].every((key) => a[key] !== undefined && a[key] === b[key]);
}

export class DeviceService implements SessionService {
  readonly era: EraId;
  readonly #grants: Grant[] = [];
  /** Grants for one connection only: `bus origin` -> connection ids, dropped when the device goes. */
  readonly #ephemeral = new Map<string, Set<string>>();
  devicePermissionHandler: AppHandler | null = null;
  usbProtectedClassesHandler: AppHandler | null = null;
  bluetoothPairingHandler: AppHandler | null = null;

  constructor(era: EraId) {
    this.era = era;
  }

  /** Whether the era sends the bus's checks to the app's handler now. */
  #handlerFor(bus: Bus): AppHandler | null {
    const handler = this.devicePermissionHandler;
    return handler && deviceEra(this.era).handlerBuses.includes(bus) ? handler : null;
  }

  /** The user chose the device for the origin: a stored grant, or one for this connection only. */
  grant(bus: Bus, origin: string, device: DeviceRef): void {
    const handler = this.#handlerFor(bus);
    if (!device.persistent && !(handler && deviceEra(this.era).handlerOwnsEveryCheck.includes(bus))) {
      const key = `${bus} ${origin}`;
      let ids = this.#ephemeral.get(key);
      if (!ids) this.#ephemeral.set(key, (ids = new Set()));
      ids.add(device.id);
      return;
    }
    // The permission manager keeps nothing while the app's handler answers.
    if (handler) return;
    if (this.#grants.some((g) => g.bus === bus && g.origin === origin && sameDevice(bus, g.value, device.value))) return;
    this.#grants.push({ bus, origin, value: device.value });
  }

  /**
   * A connection's own grant first; then the app's device permission handler
   * (where the era routes the bus, and for a device without a stable
   * identity only where the era still asks it), or the stored grants.
   * `frame` is the asking page's frame, which 17's handler is given.
   */
  hasPermission(bus: Bus, origin: string, device: DeviceRef, frame?: unknown): boolean {
    const rules = deviceEra(this.era);
    const handler = this.#handlerFor(bus);
    const handlerOwns = handler !== null && rules.handlerOwnsEveryCheck.includes(bus);
    if (!handlerOwns && this.#ephemeral.get(`${bus} ${origin}`)?.has(device.id)) return true;
    if (!device.persistent && !(handler && rules.handlerSeesTransient.includes(bus))) return false;
    if (handler) {
      const details: Record<string, unknown> = { deviceType: bus, origin, device: { ...device.value } };
      if (rules.handlerGetsFrame) details.frame = frame;
      try {
        return Boolean(handler.call(undefined, details));
      } catch {
        // The exception is reported as uncaught; the check reads as denied.
        return false;
      }
    }
    return this.#grants.some((g) => g.bus === bus && g.origin === origin && sameDevice(bus, g.value, device.value));
  }

  revoke(bus: Bus, origin: string, device: DeviceRef): void {
    this.#ephemeral.get(`${bus} ${origin}`)?.delete(device.id);
    for (let i = this.#grants.length - 1; i >= 0; i--) {
      const g = this.#grants[i]!;
      if (g.bus === bus && g.origin === origin && sameDevice(bus, g.value, device.value)) this.#grants.splice(i, 1);
    }
  }

  shutdown(): void {
    this.#grants.length = 0;
    this.#ephemeral.clear();
    this.devicePermissionHandler = null;
    this.usbProtectedClassesHandler = null;
    this.bluetoothPairingHandler = null;
  }
}

export const deviceService = (services: SessionServices): DeviceService => new DeviceService(services.era);
