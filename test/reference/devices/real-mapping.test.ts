// The real backends' mappings: a record in the shape each library documents
// (node-hid's HID.Device, the usb package's Device with its descriptors,
// the serialport bindings' PortInfo) becomes a device of our bus that the
// bus's shapes turn into Electron's structures. No hardware is needed: the
// records are the libraries' documented shapes, the functions are pure.

import { describe, expect, it } from 'vitest';
import { electronHidDevice, hidDeviceOf } from '../../../reference/devices/hid-shapes.ts';
import { pluggedHidDevice } from '../../../reference/devices/real-hid.ts';
import { pluggedSerialPort } from '../../../reference/devices/real-serial.ts';
import { bcdVersion, pluggedUsbDevice, type LibusbDevice } from '../../../reference/devices/real-usb.ts';
import { electronSerialPort, serialPortOf } from '../../../reference/devices/serial-shapes.ts';
import { electronUsbDevice, usbDeviceOf } from '../../../reference/devices/usb-shapes.ts';

describe('node-hid records', () => {
  const keyboard = {
    vendorId: 0x046d,
    productId: 0xc31c,
    path: '/dev/hidraw3',
    serialNumber: 'KB-0042',
    manufacturer: 'Logitech',
    product: 'USB Keyboard',
    release: 0x6400,
    interface: 1,
    usagePage: 0x0c,
    usage: 0x01,
  };

  it('become HID interfaces grouped by the USB identity when there is a serial number', () => {
    const plugged = pluggedHidDevice(keyboard)!;
    expect(plugged).toEqual({
      deviceId: 'real:/dev/hidraw3',
      physicalDeviceId: 'real:1133:49948:KB-0042',
      name: 'USB Keyboard',
      vendorId: 0x046d,
      productId: 0xc31c,
      serialNumber: 'KB-0042',
      usagePage: 0x0c,
      usage: 0x01,
    });
    const info = hidDeviceOf({ ...plugged, connection: 1 });
    expect(electronHidDevice(info)).toEqual({
      name: 'USB Keyboard',
      vendorId: 0x046d,
      productId: 0xc31c,
      serialNumber: 'KB-0042',
      deviceId: 'real:1133:49948:KB-0042',
    });
    // A second interface of the same keyboard is the same physical device.
    expect(pluggedHidDevice({ ...keyboard, path: '/dev/hidraw4', interface: 0 })!.physicalDeviceId).toBe(
      plugged.physicalDeviceId,
    );
  });

  it('without a serial number or strings are devices of their own, named as Chromium names them', () => {
    const plugged = pluggedHidDevice({ vendorId: 0x1234, productId: 0x5678, path: '1-2:1.0', release: 0, interface: 0 })!;
    expect(plugged).toMatchObject({ deviceId: 'real:1-2:1.0', physicalDeviceId: 'real:1-2:1.0', name: '', serialNumber: '' });
    expect(plugged.usagePage).toBeUndefined();
    const info = hidDeviceOf({ ...plugged, connection: 2 });
    expect(info.usagePage).toBe(1);
    expect(electronHidDevice(info)).toEqual({
      name: 'Unknown Device (1234:5678)',
      vendorId: 0x1234,
      productId: 0x5678,
      guid: 'real:1-2:1.0',
      deviceId: 'real:1-2:1.0',
    });
  });

  it('with ids out of range are left out; usages out of range are dropped', () => {
    expect(pluggedHidDevice({ vendorId: -1, productId: 1, path: 'x' })).toBeNull();
    expect(pluggedHidDevice({ vendorId: 1, productId: 0x10000, path: 'x' })).toBeNull();
    expect(pluggedHidDevice({ vendorId: 1, productId: 2, path: 'x', usagePage: 0x1_0000 })!.usagePage).toBeUndefined();
  });
});

describe('usb package devices', () => {
  const device: LibusbDevice = {
    busNumber: 3,
    deviceAddress: 17,
    portNumbers: [2, 1],
    deviceDescriptor: {
      bcdUSB: 0x0210,
      bDeviceClass: 0xef,
      bDeviceSubClass: 0x02,
      bDeviceProtocol: 0x01,
      idVendor: 0x2341,
      idProduct: 0x8036,
      bcdDevice: 0x0100,
      iManufacturer: 1,
      iProduct: 2,
      iSerialNumber: 3,
    },
    configDescriptor: {
      bConfigurationValue: 1,
      interfaces: [
        [{ bInterfaceNumber: 0, bAlternateSetting: 0, bInterfaceClass: 0x02, bInterfaceSubClass: 2, bInterfaceProtocol: 1 }],
        [
          { bInterfaceNumber: 1, bAlternateSetting: 1, bInterfaceClass: 0xff },
          { bInterfaceNumber: 1, bAlternateSetting: 0, bInterfaceClass: 0x0a },
        ],
        [
          {
            bInterfaceNumber: 2,
            bAlternateSetting: 0,
            bInterfaceClass: 0x03,
            endpoints: [
              { bEndpointAddress: 0x84, bmAttributes: 0x03, wMaxPacketSize: 64 },
              { bEndpointAddress: 0x02, bmAttributes: 0x02, wMaxPacketSize: 0x1200 },
            ],
          },
        ],
      ],
    },
  };

  it('decode BCD versions as Chromium does', () => {
    expect(bcdVersion(0x0210)).toEqual([2, 1, 0]);
    expect(bcdVersion(0x0320)).toEqual([3, 2, 0]);
    expect(bcdVersion(0x1234)).toEqual([0x12, 3, 4]);
  });

  // DeviceInfoToValue writes each interface over the configuration's `interfaces`: the last one stays.
  const lastAlternate = {
    alternateSetting: 0,
    interfaceClass: 0x03,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: '',
    endpoints: [
      { endpointNumber: 4, direction: 'in', type: 'interrupt', packetSize: 64 },
      { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 0x1200 },
    ],
  };
  const lastInterface = { interfaceNumber: 2, alternates: [lastAlternate], alternate: lastAlternate };
  const active = { configurationValue: 1, configurationName: '', interfaces: lastInterface };

  it('become USB devices with the first alternate setting of each interface and the strings read', () => {
    const plugged = pluggedUsbDevice(device, { manufacturer: 'Arduino LLC', product: 'Leonardo', serialNumber: 'A1B2' });
    expect(plugged).toEqual({
      deviceId: 'real:usb:3:17',
      vendorId: 0x2341,
      productId: 0x8036,
      usbVersion: [2, 1, 0],
      deviceVersion: [1, 0, 0],
      deviceClass: 0xef,
      deviceSubclass: 0x02,
      deviceProtocol: 0x01,
      configuration: { configurationValue: 1 },
      interfaces: [
        { interfaceNumber: 0, interfaceClass: 0x02, interfaceSubclass: 2, interfaceProtocol: 1, endpoints: [] },
        { interfaceNumber: 1, interfaceClass: 0x0a, interfaceSubclass: 0, interfaceProtocol: 0, endpoints: [] },
        {
          interfaceNumber: 2,
          interfaceClass: 0x03,
          interfaceSubclass: 0,
          interfaceProtocol: 0,
          endpoints: [
            { endpointNumber: 4, direction: 'in', type: 'interrupt', packetSize: 64 },
            { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 0x1200 },
          ],
        },
      ],
      productName: 'Leonardo',
      manufacturerName: 'Arduino LLC',
      serialNumber: 'A1B2',
    });
    expect(electronUsbDevice(usbDeviceOf({ ...plugged, connection: 1 }))).toEqual({
      productName: 'Leonardo',
      vendorId: 0x2341,
      productId: 0x8036,
      manufacturerName: 'Arduino LLC',
      serialNumber: 'A1B2',
      deviceId: 'real:usb:3:17',
      usbVersionMajor: 2,
      usbVersionMinor: 1,
      usbVersionSubminor: 0,
      deviceClass: 0xef,
      deviceSubclass: 0x02,
      deviceProtocol: 0x01,
      deviceVersionMajor: 1,
      deviceVersionMinor: 0,
      deviceVersionSubminor: 0,
      configurations: [{ configurationValue: 1, configurationName: '', interfaces: lastInterface, configuration: active }],
    });
  });

  it('show without the strings that could not be read, and without interfaces when no configuration is readable', () => {
    const unreadable = {
      ...device,
      get configDescriptor(): never {
        throw new Error('LIBUSB_ERROR_IO');
      },
    } as LibusbDevice;
    const plugged = pluggedUsbDevice(unreadable);
    expect(plugged.interfaces).toEqual([]);
    expect(plugged.configuration).toBeNull();
    expect('productName' in plugged || 'manufacturerName' in plugged || 'serialNumber' in plugged).toBe(false);
    expect(electronUsbDevice(usbDeviceOf({ ...plugged, connection: 1 }))).toMatchObject({
      productName: '',
      configurations: [],
      configuration: null,
    });
    expect(pluggedUsbDevice({ ...device, configDescriptor: undefined }).interfaces).toEqual([]);
  });
});

describe('serialport PortInfo', () => {
  it('becomes a serial port with ids parsed from hex, as Electron lists it', () => {
    const plugged = pluggedSerialPort({
      path: '/dev/ttyACM0',
      manufacturer: 'Arduino (www.arduino.cc)',
      serialNumber: '75833353035351A0A1E1',
      vendorId: '2341',
      productId: '0043',
    });
    expect(plugged).toEqual({
      deviceId: 'real:/dev/ttyACM0',
      path: '/dev/ttyACM0',
      displayName: 'Arduino (www.arduino.cc)',
      vendorId: 0x2341,
      productId: 0x43,
      serialNumber: '75833353035351A0A1E1',
    });
    expect(electronSerialPort(serialPortOf({ ...plugged, connection: 1 }))).toEqual({
      portId: 'real:/dev/ttyACM0',
      portName: 'ttyACM0',
      displayName: 'Arduino (www.arduino.cc)',
      vendorId: String(0x2341),
      productId: String(0x43),
      serialNumber: '75833353035351A0A1E1',
    });
  });

  it('drops ids that are not hex', () => {
    expect(pluggedSerialPort({ path: '/dev/ttyS0', vendorId: 'zz' })).toEqual({
      deviceId: 'real:/dev/ttyS0',
      path: '/dev/ttyS0',
    });
  });
});
