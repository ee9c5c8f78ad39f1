// A USB device as Electron shows it (UsbChooserContext::DeviceInfoToValue:
// the descriptor's class and version fields, the strings it has, the
// serial number only when there is one, the guid as deviceId, and the
// configurations (usb-configurations.ts)), from a device the driver
// plugged in, and the WebUSB protected interface classes by the names
// Electron gives them.

import type { PageDevice } from '../../contract/driver-commands.ts';
import type { PluggedDevice } from './device-bus.ts';
import type { DeviceRef } from './device-service.ts';
import { configurationFields, type UsbConfiguration, type UsbEndpoint, type UsbInterface } from './usb-configurations.ts';

export type { UsbInterface } from './usb-configurations.ts';

export interface UsbDeviceInfo {
  readonly guid: string;
  readonly connection: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly manufacturerName?: string;
  readonly serialNumber?: string;
  readonly usbVersion: readonly [number, number, number];
  readonly deviceVersion: readonly [number, number, number];
  readonly deviceClass: number;
  readonly deviceSubclass: number;
  readonly deviceProtocol: number;
  /** The selected configuration, whose interfaces `interfaces` are. */
  readonly configuration: UsbConfiguration | null;
  readonly interfaces: readonly UsbInterface[];
}

function int(value: unknown, what: string, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
    throw new TypeError(`${what} must be an integer from 0 to ${max}`);
  }
  return value as number;
}

function version(value: unknown, what: string, fallback: [number, number, number]): [number, number, number] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length !== 3) throw new TypeError(`${what} must be [major, minor, subminor]`);
  return [int(value[0], what, 255), int(value[1], what, 15), int(value[2], what, 15)];
}

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

const DIRECTIONS: readonly string[] = ['in', 'out'];
const TRANSFER_TYPES: readonly string[] = ['bulk', 'interrupt', 'isochronous'];

function endpointOf(e: Record<string, unknown>): UsbEndpoint {
  if (!DIRECTIONS.includes(e?.direction as string)) throw new TypeError("an endpoint's direction must be 'in' or 'out'");
  if (!TRANSFER_TYPES.includes(e?.type as string))
    throw new TypeError("an endpoint's type must be 'bulk', 'interrupt' or 'isochronous'");
  return {
    endpointNumber: int(e.endpointNumber, 'endpointNumber', 15),
    direction: e.direction as UsbEndpoint['direction'],
    type: e.type as UsbEndpoint['type'],
    packetSize: int(e.packetSize, 'packetSize', 0xffff),
  };
}

function interfaceOf(i: Record<string, unknown>): UsbInterface {
  const endpoints = i?.endpoints === undefined ? [] : i.endpoints;
  if (!Array.isArray(endpoints)) throw new TypeError('endpoints must be an array');
  const iface: Record<string, unknown> = {
    interfaceNumber: int(i?.interfaceNumber, 'interfaceNumber', 255),
    interfaceClass: int(i?.interfaceClass, 'interfaceClass', 255),
    interfaceSubclass: int(i?.interfaceSubclass, 'interfaceSubclass', 255, 0),
    interfaceProtocol: int(i?.interfaceProtocol, 'interfaceProtocol', 255, 0),
    endpoints: endpoints.map(endpointOf),
  };
  const name = optionalText(i?.interfaceName, 'interfaceName');
  if (name !== undefined) iface.interfaceName = name;
  return iface as unknown as UsbInterface;
}

/** The plugged device's `configuration`: absent is configuration 1 selected, null none selected. */
function configurationOf(value: unknown): UsbConfiguration | null {
  if (value === null) return null;
  if (value === undefined) return { configurationValue: 1 };
  const c = value as Record<string, unknown>;
  const configuration: { configurationValue: number; configurationName?: string } = {
    configurationValue: int(c.configurationValue, 'configurationValue', 255),
  };
  const name = optionalText(c.configurationName, 'configurationName');
  if (name !== undefined) configuration.configurationName = name;
  return configuration;
}

export function usbDeviceOf(device: PluggedDevice): UsbDeviceInfo {
  const configuration = configurationOf(device.configuration);
  const interfaces = device.interfaces === undefined || configuration === null ? [] : device.interfaces;
  if (!Array.isArray(interfaces)) throw new TypeError('interfaces must be an array');
  const info: Record<string, unknown> = {
    guid: device.deviceId,
    connection: `${device.deviceId}/${device.connection}`,
    vendorId: int(device.vendorId, 'vendorId', 0xffff),
    productId: int(device.productId, 'productId', 0xffff),
    usbVersion: version(device.usbVersion, 'usbVersion', [2, 0, 0]),
    deviceVersion: version(device.deviceVersion, 'deviceVersion', [1, 0, 0]),
    deviceClass: int(device.deviceClass, 'deviceClass', 255, 0),
    deviceSubclass: int(device.deviceSubclass, 'deviceSubclass', 255, 0),
    deviceProtocol: int(device.deviceProtocol, 'deviceProtocol', 255, 0),
    configuration,
    interfaces: interfaces.map(interfaceOf),
  };
  for (const key of ['productName', 'manufacturerName', 'serialNumber'] as const) {
    const value = optionalText(device[key], key);
    if (value !== undefined) info[key] = value;
  }
  return info as unknown as UsbDeviceInfo;
}

/** Electron's USBDevice structure, also what the device permission handler sees. */
export function electronUsbDevice(device: UsbDeviceInfo): Record<string, unknown> {
  const value: Record<string, unknown> = {
    productName: device.productName ?? '',
    vendorId: device.vendorId,
    productId: device.productId,
  };
  if (device.manufacturerName !== undefined) value.manufacturerName = device.manufacturerName;
  if (device.serialNumber) value.serialNumber = device.serialNumber;
  Object.assign(value, {
    deviceId: device.guid,
    usbVersionMajor: device.usbVersion[0],
    usbVersionMinor: device.usbVersion[1],
    usbVersionSubminor: device.usbVersion[2],
    deviceClass: device.deviceClass,
    deviceSubclass: device.deviceSubclass,
    deviceProtocol: device.deviceProtocol,
    deviceVersionMajor: device.deviceVersion[0],
    deviceVersionMinor: device.deviceVersion[1],
    deviceVersionSubminor: device.deviceVersion[2],
    ...configurationFields(device.configuration, device.interfaces),
  });
  return value;
}

export function usbDeviceRef(device: UsbDeviceInfo): DeviceRef {
  return { id: device.connection, value: electronUsbDevice(device), persistent: Boolean(device.serialNumber) };
}

export function pageUsbDevice(device: UsbDeviceInfo): PageDevice {
  const out: PageDevice = { deviceId: device.guid, vendorId: device.vendorId, productId: device.productId };
  if (device.productName !== undefined) out.productName = device.productName;
  return out;
}

/** Blink's USBDeviceFilter. */
export interface UsbFilter {
  vendorId?: number;
  productId?: number;
  classCode?: number;
  subclassCode?: number;
  protocolCode?: number;
  serialNumber?: string;
}

export function usbFilters(filters: unknown): UsbFilter[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) throw new TypeError('filters must be an array');
  return filters.map((filter: unknown) => {
    const f = (filter ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of ['vendorId', 'productId'] as const) if (f[key] !== undefined) out[key] = int(f[key], key, 0xffff);
    for (const key of ['classCode', 'subclassCode', 'protocolCode'] as const)
      if (f[key] !== undefined) out[key] = int(f[key], key, 255);
    if (f.serialNumber !== undefined) out.serialNumber = optionalText(f.serialNumber, 'serialNumber');
    return out as UsbFilter;
  });
}

/** device::UsbDeviceFilterMatches: the ids, the class against the device's or any interface's, the serial number. */
export function usbFilterMatches(filter: UsbFilter, device: UsbDeviceInfo): boolean {
  if (filter.vendorId !== undefined && filter.vendorId !== device.vendorId) return false;
  if (filter.productId !== undefined && filter.productId !== device.productId) return false;
  if (filter.serialNumber !== undefined && filter.serialNumber !== device.serialNumber) return false;
  if (filter.classCode === undefined) return true;
  const deviceMatches =
    filter.classCode === device.deviceClass &&
    (filter.subclassCode === undefined || filter.subclassCode === device.deviceSubclass) &&
    (filter.protocolCode === undefined || filter.protocolCode === device.deviceProtocol);
  return deviceMatches || device.interfaces.some((i) => i.interfaceClass === filter.classCode);
}

export function displayUsbDevice(filters: readonly UsbFilter[], device: UsbDeviceInfo): boolean {
  return filters.length === 0 || filters.some((filter) => usbFilterMatches(filter, device));
}

/** The interface classes WebUSB protects by default, with Electron's names (in Chromium's order). */
export const PROTECTED_CLASSES: ReadonlyArray<readonly [number, string]> = [
  [0x01, 'audio'],
  [0x03, 'hid'],
  [0x08, 'mass-storage'],
  [0x0b, 'smart-card'],
  [0x0e, 'video'],
  [0x10, 'audio-video'],
  [0xe0, 'wireless'],
];
