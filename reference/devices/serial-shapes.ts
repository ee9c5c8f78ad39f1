// A serial port as Electron shows it (Linux build), from the port the bus
// reports. Two shapes: the chooser's and the events' SerialPort
// (gin_converters' SerialPortInfo: ids as decimal strings, portName the
// path's last part), and the value the device permission handler and the
// stored grants see (SerialChooserContext::PortInfoToValue: snake_case
// keys, the display name or the whole path as `name`, and the USB identity
// only for ports that can be remembered, a `token` otherwise).

import { basename } from 'node:path';
import type { PluggedDevice } from './device-bus.ts';
import type { DeviceRef } from './device-service.ts';

export interface SerialPortInfo {
  /** The port's token (Electron's portId). */
  readonly token: string;
  /** The connection the token belongs to. */
  readonly connection: string;
  readonly path: string;
  readonly displayName?: string;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly serialNumber?: string;
}

function optionalId(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffff) {
    throw new TypeError(`${what} must be an integer from 0 to 0xffff`);
  }
  return value as number;
}

function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/** The port behind a device the driver plugged into the serial bus. */
export function serialPortOf(device: PluggedDevice): SerialPortInfo {
  const path = optionalString(device.path, 'path') ?? `/dev/${device.deviceId}`;
  const port: Record<string, unknown> = { token: device.deviceId, connection: `${device.deviceId}/${device.connection}`, path };
  const displayName = optionalString(device.displayName, 'displayName');
  const vendorId = optionalId(device.vendorId, 'vendorId');
  const productId = optionalId(device.productId, 'productId');
  const serialNumber = optionalString(device.serialNumber, 'serialNumber');
  if (displayName !== undefined) port.displayName = displayName;
  if (vendorId !== undefined) port.vendorId = vendorId;
  if (productId !== undefined) port.productId = productId;
  if (serialNumber !== undefined) port.serialNumber = serialNumber;
  return port as unknown as SerialPortInfo;
}

/** Electron's SerialPort structure. */
export function electronSerialPort(port: SerialPortInfo): Record<string, string> {
  const out: Record<string, string> = { portId: port.token, portName: basename(port.path) };
  if (port.displayName) out.displayName = port.displayName;
  if (port.vendorId !== undefined) out.vendorId = String(port.vendorId);
  if (port.productId !== undefined) out.productId = String(port.productId);
  if (port.serialNumber) out.serialNumber = port.serialNumber;
  return out;
}

/** Whether a grant for the port can outlive its connection (a name and a USB identity). */
export function canStorePersistentEntry(port: SerialPortInfo): boolean {
  return Boolean(port.displayName) && port.vendorId !== undefined && port.productId !== undefined && Boolean(port.serialNumber);
}

/** The port as the device permission handler sees it. */
export function serialPermissionValue(port: SerialPortInfo): Record<string, unknown> {
  const value: Record<string, unknown> = { name: port.displayName || port.path };
  if (!canStorePersistentEntry(port)) {
    value.token = port.token;
    return value;
  }
  value.vendor_id = port.vendorId;
  value.product_id = port.productId;
  value.serial_number = port.serialNumber;
  return value;
}

/** Blink's SerialPortFilter: usbVendorId, and usbProductId only with it. */
export interface SerialFilter {
  usbVendorId?: number;
  usbProductId?: number;
}

export function serialFilters(filters: unknown): SerialFilter[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) throw new TypeError('filters must be an array');
  return filters.map((filter: unknown) => {
    const f = (filter ?? {}) as Record<string, unknown>;
    // Blink rejects a product id without a vendor id before the browser sees it.
    if (f.usbProductId !== undefined && f.usbVendorId === undefined) {
      throw new TypeError(
        "Failed to execute 'requestPort' on 'Serial': A filter containing a usbProductId must also specify a usbVendorId.",
      );
    }
    return {
      ...(f.usbVendorId !== undefined ? { usbVendorId: optionalId(f.usbVendorId, 'usbVendorId') } : {}),
      ...(f.usbProductId !== undefined ? { usbProductId: optionalId(f.usbProductId, 'usbProductId') } : {}),
    };
  });
}

export function serialFiltersMatch(filters: readonly SerialFilter[], port: SerialPortInfo): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    if (filter.usbVendorId === undefined) return true;
    if (port.vendorId !== filter.usbVendorId) return false;
    return filter.usbProductId === undefined || port.productId === filter.usbProductId;
  });
}

/** The port for the permission code. */
export function serialDeviceRef(port: SerialPortInfo): DeviceRef {
  return { id: port.connection, value: serialPermissionValue(port), persistent: canStorePersistentEntry(port) };
}
