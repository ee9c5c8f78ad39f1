// A HID interface as Electron shows it, from a device the driver plugged
// in (one plugged device is one HidDeviceInfo: its deviceId is the guid,
// physicalDeviceId groups interfaces of one physical device). Electron's
// HIDDevice is HidChooserContext::DeviceInfoToValue plus the physical
// device id as deviceId: the product name (or 'Unknown Device (VVVV:PPPP)'),
// the ids, and the serial number when the device has one and a name (a
// grant can then be remembered), the guid otherwise.

import type { PageDevice } from '../../contract/driver-commands.ts';
import type { PluggedDevice } from './device-bus.ts';
import type { DeviceRef } from './device-service.ts';
import { vendorProductBlocked } from './hid-blocklist.ts';

/** The FIDO usage page: such devices are never offered to pages. */
export const FIDO_USAGE_PAGE = 0xf1d0;

export interface HidDeviceInfo {
  readonly guid: string;
  readonly connection: string;
  readonly physicalDeviceId: string;
  readonly productName: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly serialNumber: string;
  readonly usagePage: number;
  readonly usage: number;
  /** Chromium's is_excluded_by_blocklist: hidden from the chooser and from getDevices(). */
  readonly blocklisted: boolean;
}

function id16(value: unknown, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffff) {
    throw new TypeError(`${what} must be an integer from 0 to 0xffff`);
  }
  return value as number;
}

function text(value: unknown, what: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/**
 * A device of the HID bus, whichever backend listed it, as the chooser and
 * pages judge it: the one place the blocklist is applied. A driver's
 * `blocklisted: true` stands for a rule outside the static list.
 */
export function hidDeviceOf(device: PluggedDevice): HidDeviceInfo {
  const vendorId = id16(device.vendorId, 'vendorId');
  const productId = id16(device.productId, 'productId');
  return {
    guid: device.deviceId,
    connection: `${device.deviceId}/${device.connection}`,
    physicalDeviceId: text(device.physicalDeviceId, 'physicalDeviceId'),
    productName: text(device.name, 'name'),
    vendorId,
    productId,
    serialNumber: text(device.serialNumber, 'serialNumber'),
    usagePage: device.usagePage === undefined ? 1 : id16(device.usagePage, 'usagePage'),
    usage: device.usage === undefined ? 0 : id16(device.usage, 'usage'),
    blocklisted: device.blocklisted === true || vendorProductBlocked(vendorId, productId),
  };
}

/** The chooser groups interfaces by physical device; a device without a physical id is its own. */
export function physicalId(device: HidDeviceInfo): string {
  return device.physicalDeviceId || device.guid;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function canStorePersistentEntry(device: HidDeviceInfo): boolean {
  return device.serialNumber !== '' && device.productName !== '';
}

/** DeviceInfoToValue: what the device permission handler sees. */
export function hidPermissionValue(device: HidDeviceInfo): Record<string, unknown> {
  const value: Record<string, unknown> = {
    name: device.productName || `Unknown Device (${hex4(device.vendorId)}:${hex4(device.productId)})`,
    vendorId: device.vendorId,
    productId: device.productId,
  };
  if (canStorePersistentEntry(device)) value.serialNumber = device.serialNumber;
  else value.guid = device.guid;
  return value;
}

/** Electron's HIDDevice structure. */
export function electronHidDevice(device: HidDeviceInfo): Record<string, unknown> {
  return { ...hidPermissionValue(device), deviceId: physicalId(device) };
}

export function hidDeviceRef(device: HidDeviceInfo): DeviceRef {
  return { id: device.connection, value: hidPermissionValue(device), persistent: canStorePersistentEntry(device) };
}

export function pageHidDevice(device: HidDeviceInfo): PageDevice {
  return { deviceId: device.guid, vendorId: device.vendorId, productId: device.productId, productName: device.productName };
}

/** Blink's HIDDeviceFilter. */
export interface HidFilter {
  vendorId?: number;
  productId?: number;
  usagePage?: number;
  usage?: number;
}

export function hidFilters(filters: unknown): HidFilter[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) throw new TypeError('filters must be an array');
  return filters.map((filter: unknown) => {
    const f = (filter ?? {}) as Record<string, unknown>;
    const out: HidFilter = {};
    for (const key of ['vendorId', 'productId', 'usagePage', 'usage'] as const) {
      if (f[key] !== undefined) out[key] = id16(f[key], key);
    }
    return out;
  });
}

export function hidFilterMatches(filter: HidFilter, device: HidDeviceInfo): boolean {
  if (filter.vendorId !== undefined && filter.vendorId !== device.vendorId) return false;
  if (filter.productId !== undefined && filter.productId !== device.productId) return false;
  if (filter.usagePage !== undefined && filter.usagePage !== device.usagePage) return false;
  if (filter.usage !== undefined && filter.usage !== device.usage) return false;
  return true;
}

/** HidChooserController::DisplayDevice: FIDO and blocklisted devices hidden, then the filters. */
export function displayHidDevice(filters: readonly HidFilter[], device: HidDeviceInfo): boolean {
  if (device.usagePage === FIDO_USAGE_PAGE || device.blocklisted) return false;
  return filters.length === 0 || filters.some((filter) => hidFilterMatches(filter, device));
}
