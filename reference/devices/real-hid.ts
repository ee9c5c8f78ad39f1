// The real HID backend: node-hid (hidapi; prebuilt binaries inside its npm
// tarball, no install script), imported lazily so the reference loads where
// the native binding cannot. Each HID interface node-hid reports becomes a
// device of the HID bus in the shape the driver plugs (hid-shapes.ts reads
// it). node-hid has no hotplug events, so a watched bus polls.
//
// hidapi names no physical device, so the interfaces of one device are
// grouped by its USB identity (vendor id, product id and serial number)
// when it has a serial number; one without is a device of its own, as in
// the chooser for a device Chromium cannot group.

import type { PluggedDevice } from './device-bus.ts';
import { lazyLibrary, RealBus } from './real-bus.ts';

/** node-hid's HID.Device (one HID interface). */
export interface NodeHidDevice {
  vendorId: number;
  productId: number;
  path?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  release?: number;
  interface?: number;
  usagePage?: number;
  usage?: number;
}

interface NodeHid {
  devicesAsync?(): Promise<NodeHidDevice[]>;
  devices(): NodeHidDevice[];
}

const loadNodeHid = lazyLibrary<NodeHid>('node-hid', 'hid', () => import('node-hid'));

function id16(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff;
}

/** node-hid's record as a device of the HID bus; null for one without usable ids. */
export function pluggedHidDevice(info: NodeHidDevice): PluggedDevice | null {
  if (!id16(info.vendorId) || !id16(info.productId)) return null;
  const serialNumber = typeof info.serialNumber === 'string' ? info.serialNumber : '';
  const where = info.path ?? `${info.vendorId}:${info.productId}:${info.interface ?? 0}`;
  const device: Record<string, unknown> = {
    deviceId: `real:${where}`,
    physicalDeviceId: serialNumber ? `real:${info.vendorId}:${info.productId}:${serialNumber}` : `real:${where}`,
    name: typeof info.product === 'string' ? info.product : '',
    vendorId: info.vendorId,
    productId: info.productId,
    serialNumber,
  };
  if (id16(info.usagePage)) device.usagePage = info.usagePage;
  if (id16(info.usage)) device.usage = info.usage;
  return device as PluggedDevice;
}

/** The OS's HID interfaces through node-hid. */
export async function scanHidDevices(): Promise<PluggedDevice[]> {
  const hid = await loadNodeHid();
  const found = hid.devicesAsync ? await hid.devicesAsync() : hid.devices();
  return found.map(pluggedHidDevice).filter((device): device is PluggedDevice => device !== null);
}

export const realHidBus = new RealBus({ scan: scanHidDevices });
