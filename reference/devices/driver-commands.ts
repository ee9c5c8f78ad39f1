// The driver's vendor layer for devices: plugging virtual devices into the
// machine's buses, and the page's navigator.serial / hid / usb calls and
// Bluetooth pairing prompts, each implemented by its bus module.

import type { DriverImplementation } from '../../contract/driver-commands.ts';
import { processWarningReader } from '../app/process-warnings.ts';
import { pair } from './bluetooth-pairing.ts';
import { virtualBus, type PluggedDevice } from './device-bus.ts';
import { forgetHidDevice, getHidDevices, requestHidDevice } from './hid-requests.ts';
import { forgetPort, getPorts, requestPort } from './serial-requests.ts';
import { writeToPort } from './serial-write.ts';
import { claimUsbInterface, forgetUsbDevice, getUsbDevices, requestUsbDevice } from './usb-requests.ts';

const warnings = processWarningReader();

export const DEVICE_DRIVER_COMMANDS: DriverImplementation = {
  'serial.plug': ({ device }) => virtualBus('serial').plug(device as PluggedDevice),
  'serial.unplug': ({ deviceId }) => virtualBus('serial').unplug(deviceId),
  'serial.requestPort': requestPort,
  'serial.getPorts': getPorts,
  'serial.forget': forgetPort,
  'serial.write': writeToPort,
  'hid.plug': ({ device }) => virtualBus('hid').plug(device as PluggedDevice),
  'hid.unplug': ({ deviceId }) => virtualBus('hid').unplug(deviceId),
  'hid.requestDevice': requestHidDevice,
  'hid.getDevices': getHidDevices,
  'hid.forget': forgetHidDevice,
  'devices.takeWarnings': () => warnings.take(),
  'usb.plug': ({ device }) => virtualBus('usb').plug(device as PluggedDevice),
  'usb.unplug': ({ deviceId }) => virtualBus('usb').unplug(deviceId),
  'usb.requestDevice': requestUsbDevice,
  'usb.getDevices': getUsbDevices,
  'usb.forget': forgetUsbDevice,
  'usb.claimInterface': claimUsbInterface,
  'bluetooth.pair': pair,
};
