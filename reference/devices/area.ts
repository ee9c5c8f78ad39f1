// The devices area: Web Serial, WebHID and WebUSB choosers on the session
// ('select-*' events and the added/removed/revoked events), the device
// permission, USB protected-classes and Bluetooth pairing handlers, and the
// driver's virtual buses that stand in for hardware (device-bus.ts).

import type { Area } from '../area.ts';
import { DEVICE_MEMBERS } from './device-members.ts';
import { DEVICE_DRIVER_COMMANDS } from './driver-commands.ts';

export const devicesArea: Area = {
  id: 'devices',
  summary: 'serial, HID and USB device choosers, device permissions, USB protected classes, Bluetooth pairing',
  sessionMembers: DEVICE_MEMBERS,
  driver: { capabilities: ['devices.serial', 'devices.hid', 'devices.usb', 'bluetooth'], commands: DEVICE_DRIVER_COMMANDS },
};
