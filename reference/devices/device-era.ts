// How the device APIs behave in each era, as data: what that era's Electron
// does in shell/browser/serial, hid, usb, bluetooth and
// electron_permission_manager.cc at v12.2.3, v17.4.11 and v39.2.7.

import type { EraId } from '../../contract/eras/eras.ts';

export type Bus = 'serial' | 'hid' | 'usb';

export interface DeviceEra {
  /** The device APIs a page has (Web Serial from 12, WebHID from 17, WebUSB in the current era). */
  readonly buses: readonly Bus[];
  /** serial-port-added only for ports the chooser's filters match (39); before, every new port. */
  readonly serialAddedFilters: boolean;
  /** The buses whose permission checks reach ses.setDevicePermissionHandler (hid and serial in 17, all three in 39). */
  readonly handlerBuses: readonly Bus[];
  /**
   * The buses whose devices without a stable identity still reach the
   * handler once their connection's own grant is missing (hid and serial in
   * 17; hid and usb in 39, where serial answers no for them first).
   */
  readonly handlerSeesTransient: readonly Bus[];
  /**
   * The buses with no grants for one connection while a handler is set: the
   * handler answers every check and a choice stores nothing (serial in 17,
   * whose chooser context sends every port to the permission manager).
   */
  readonly handlerOwnsEveryCheck: readonly Bus[];
  /** The handler's details carry the asking frame (17's WebFrameMain `frame`). */
  readonly handlerGetsFrame: boolean;
  /** device.forget() exists and fires the *-revoked events (39). */
  readonly revocation: boolean;
  /** The class of 'Must pass null or function' (gin's TypeError from 12). */
  readonly handlerError: 'TypeError';
}

const NONE: DeviceEra = {
  buses: [],
  serialAddedFilters: false,
  handlerBuses: [],
  handlerSeesTransient: [],
  handlerOwnsEveryCheck: [],
  handlerGetsFrame: false,
  revocation: false,
  handlerError: 'TypeError',
};

const E12: DeviceEra = { ...NONE, buses: ['serial'] };
const E17: DeviceEra = {
  ...E12,
  buses: ['serial', 'hid'],
  handlerBuses: ['hid', 'serial'],
  handlerSeesTransient: ['hid', 'serial'],
  handlerOwnsEveryCheck: ['serial'],
  handlerGetsFrame: true,
};
const CURRENT: DeviceEra = {
  ...E17,
  buses: ['serial', 'hid', 'usb'],
  serialAddedFilters: true,
  handlerBuses: ['hid', 'serial', 'usb'],
  handlerSeesTransient: ['hid', 'usb'],
  handlerOwnsEveryCheck: [],
  handlerGetsFrame: false,
  revocation: true,
};

const ERAS: Readonly<Record<EraId, DeviceEra>> = { legacy: NONE, e9: NONE, e12: E12, e17: E17, current: CURRENT };

export function deviceEra(era: EraId): DeviceEra {
  return ERAS[era];
}

/** Throws the driver caller's mistake of using a device API the era's pages do not have. */
export function requireBus(era: EraId, bus: Bus): void {
  if (!deviceEra(era).buses.includes(bus)) throw new Error(`pages have no ${bus} API in era ${era}`);
}
