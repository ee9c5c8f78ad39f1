// The real USB backend: the usb package (libusb; 2.x, whose prebuilt
// binaries are inside its npm tarball, no install script), imported lazily
// so the reference loads where the native binding cannot. getDeviceList()
// gives each device's descriptors; its attach/detach events tell a watched
// bus to look again. Each device becomes one of the USB bus in the shape the
// driver plugs (usb-shapes.ts reads it): the version fields decoded from
// their BCD as Chromium's UsbDevice does, the active configuration's value
// and its interfaces (class, subclass, protocol, endpoints) from their first
// alternate settings; a device whose configuration cannot be read has none.
//
// The strings (manufacturer, product, serial number) are not in the
// descriptors libusb caches. On Linux they come from sysfs, as Chromium's
// udev-based enumeration reads them; elsewhere the device is opened to ask
// for them. A device that cannot be read that way shows without them.

import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { PluggedDevice } from './device-bus.ts';
import { lazyLibrary, RealBus } from './real-bus.ts';

/** One alternate setting of an interface in the usb package's configuration descriptor. */
export interface LibusbAlternate {
  bInterfaceNumber: number;
  bAlternateSetting: number;
  bInterfaceClass: number;
  bInterfaceSubClass?: number;
  bInterfaceProtocol?: number;
  endpoints?: Array<{ bEndpointAddress: number; bmAttributes: number; wMaxPacketSize: number }>;
}

/** The usb package's Device, the parts this backend reads. */
export interface LibusbDevice {
  busNumber: number;
  deviceAddress: number;
  portNumbers?: number[];
  deviceDescriptor: {
    bcdUSB: number;
    bDeviceClass: number;
    bDeviceSubClass: number;
    bDeviceProtocol: number;
    idVendor: number;
    idProduct: number;
    bcdDevice: number;
    iManufacturer: number;
    iProduct: number;
    iSerialNumber: number;
  };
  readonly configDescriptor?: {
    bConfigurationValue?: number;
    interfaces: Array<Array<LibusbAlternate>>;
  };
  open?(): void;
  close?(): void;
  getStringDescriptor?(index: number, callback: (error?: Error, value?: string) => void): void;
}

/** The device's strings, each where the device has it. */
export interface UsbStrings {
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

interface UsbLibrary {
  getDeviceList(): LibusbDevice[];
  usb: {
    INIT_ERROR?: number;
    on(event: 'attach' | 'detach', listener: (device: LibusbDevice) => void): void;
    off(event: 'attach' | 'detach', listener: (device: LibusbDevice) => void): void;
    unrefHotplugEvents?(): void;
  };
}

const loadUsb = lazyLibrary<UsbLibrary>('usb', 'usb', () => import('usb'));

async function usbLibrary(): Promise<UsbLibrary> {
  const library = await loadUsb();
  if (library.usb.INIT_ERROR) throw new Error(`the usb package could not initialize libusb (error ${library.usb.INIT_ERROR})`);
  return library;
}

/** UsbDevice's version fields from a BCD word: major the high byte, then a nibble each. */
export function bcdVersion(bcd: number): [number, number, number] {
  return [(bcd >> 8) & 0xff, (bcd >> 4) & 0xf, bcd & 0xf];
}

const TRANSFER_TYPES = ['isochronous', 'bulk', 'interrupt'] as const;

/** An endpoint descriptor as UsbEndpointInfo: number and direction from the address, type from the attributes, wMaxPacketSize as it is. */
function endpointOf(e: { bEndpointAddress: number; bmAttributes: number; wMaxPacketSize: number }) {
  const type = TRANSFER_TYPES[(e.bmAttributes & 0x3) - 1];
  if (!type) return [];
  return [
    {
      endpointNumber: e.bEndpointAddress & 0xf,
      direction: e.bEndpointAddress & 0x80 ? 'in' : 'out',
      type,
      packetSize: e.wMaxPacketSize,
    },
  ];
}

/** The active configuration and its interfaces, or no configuration when it cannot be read. */
function activeConfiguration(device: LibusbDevice): Record<string, unknown> {
  let config: LibusbDevice['configDescriptor'];
  try {
    config = device.configDescriptor;
  } catch {
    return { configuration: null, interfaces: [] };
  }
  if (!config) return { configuration: null, interfaces: [] };
  const interfaces = (config.interfaces ?? []).flatMap((alternates) => {
    const first = alternates.find((a) => a.bAlternateSetting === 0) ?? alternates[0];
    if (!first) return [];
    return [
      {
        interfaceNumber: first.bInterfaceNumber,
        interfaceClass: first.bInterfaceClass,
        interfaceSubclass: first.bInterfaceSubClass ?? 0,
        interfaceProtocol: first.bInterfaceProtocol ?? 0,
        endpoints: (first.endpoints ?? []).flatMap(endpointOf),
      },
    ];
  });
  return { configuration: { configurationValue: config.bConfigurationValue ?? 1 }, interfaces };
}

/** The usb package's device (and its strings) as a device of the USB bus. */
export function pluggedUsbDevice(device: LibusbDevice, strings: UsbStrings = {}): PluggedDevice {
  const d = device.deviceDescriptor;
  const plugged: Record<string, unknown> = {
    deviceId: `real:usb:${device.busNumber}:${device.deviceAddress}`,
    vendorId: d.idVendor,
    productId: d.idProduct,
    usbVersion: bcdVersion(d.bcdUSB),
    deviceVersion: bcdVersion(d.bcdDevice),
    deviceClass: d.bDeviceClass,
    deviceSubclass: d.bDeviceSubClass,
    deviceProtocol: d.bDeviceProtocol,
    ...activeConfiguration(device),
  };
  if (strings.product !== undefined) plugged.productName = strings.product;
  if (strings.manufacturer !== undefined) plugged.manufacturerName = strings.manufacturer;
  if (strings.serialNumber) plugged.serialNumber = strings.serialNumber;
  return plugged as PluggedDevice;
}

/** The sysfs folder of a device: usbN for a root hub, N-P.P.P below it. */
function sysfsFolder(device: LibusbDevice): string {
  const ports = device.portNumbers ?? [];
  const name = ports.length === 0 ? `usb${device.busNumber}` : `${device.busNumber}-${ports.join('.')}`;
  return `/sys/bus/usb/devices/${name}`;
}

async function sysfsStrings(device: LibusbDevice): Promise<UsbStrings> {
  const read = (file: string) =>
    readFile(`${sysfsFolder(device)}/${file}`, 'utf8').then(
      (text) => text.replace(/\n$/, ''),
      () => undefined,
    );
  const [manufacturer, product, serialNumber] = await Promise.all([read('manufacturer'), read('product'), read('serial')]);
  const strings: UsbStrings = {};
  if (manufacturer !== undefined) strings.manufacturer = manufacturer;
  if (product !== undefined) strings.product = product;
  if (serialNumber !== undefined) strings.serialNumber = serialNumber;
  return strings;
}

async function descriptorStrings(device: LibusbDevice): Promise<UsbStrings> {
  const strings: UsbStrings = {};
  if (!device.open || !device.close || !device.getStringDescriptor) return strings;
  try {
    device.open();
  } catch {
    return strings;
  }
  try {
    const ask = promisify(device.getStringDescriptor).bind(device) as (index: number) => Promise<string | undefined>;
    const d = device.deviceDescriptor;
    for (const [key, index] of [
      ['manufacturer', d.iManufacturer],
      ['product', d.iProduct],
      ['serialNumber', d.iSerialNumber],
    ] as const) {
      if (index === 0) continue;
      const value = await ask(index).catch(() => undefined);
      if (value !== undefined) strings[key] = value;
    }
  } finally {
    try {
      device.close();
    } catch {
      // Closing a device that went away mid-read leaves nothing to release.
    }
  }
  return strings;
}

/** The OS's USB devices through the usb package. */
export async function scanUsbDevices(): Promise<PluggedDevice[]> {
  const library = await usbLibrary();
  const strings = process.platform === 'linux' ? sysfsStrings : descriptorStrings;
  return Promise.all(library.getDeviceList().map(async (device) => pluggedUsbDevice(device, await strings(device))));
}

/** attach/detach from the library (libusb hotplug, or its own polling where the OS has none). */
async function subscribeUsb(changed: () => void): Promise<() => void> {
  const { usb } = await usbLibrary();
  usb.on('attach', changed);
  usb.on('detach', changed);
  // Listening must not keep the process alive.
  usb.unrefHotplugEvents?.();
  return () => {
    usb.off('attach', changed);
    usb.off('detach', changed);
  };
}

export const realUsbBus = new RealBus({ scan: scanUsbDevices, subscribe: subscribeUsb });
