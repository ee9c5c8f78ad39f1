// navigator.usb as a page of a session uses it (Electron's
// ElectronUsbDelegate, UsbChooserController and UsbChooserContext, current
// era):
//
// requestDevice(filters): the check handler ('usb') first — false rejects
// with no event; then 'select-usb-device' with { deviceList, frame } and a
// callback taking the chosen deviceId ('', nothing or a non-string
// rejects; an id of no connected device rejects after an
// UnknownUsbDeviceId process warning). Without preventDefault() the page's
// promise rejects at once. While it is open 'usb-device-added' fires with
// (device, webContents) for devices the filters match, and
// 'usb-device-removed' for any device that goes.
//
// getDevices(), forget() ('usb-device-revoked' with { device, origin }),
// and claimInterface(), which the protected-classes handler governs
// (usb-protected-classes.ts).

import type { PageDevice, PageError, UsbRequestOutcome } from '../../contract/driver-commands.ts';
import { permissionService } from '../permissions/permission-service.ts';
import { openPage } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { emitOnSession, emitProcessWarning, nextTask, OpenChooser } from './chooser.ts';
import { connectedDevice, connectedDevices } from './connected-devices.ts';
import { requireBus } from './device-era.ts';
import { deviceService } from './device-service.ts';
import { topOrigin } from './serial-requests.ts';
import { protectedClassesFor } from './usb-protected-classes.ts';
import {
  displayUsbDevice,
  electronUsbDevice,
  pageUsbDevice,
  usbDeviceOf,
  usbDeviceRef,
  usbFilters,
  type UsbDeviceInfo,
} from './usb-shapes.ts';

export const NO_DEVICE_SELECTED: PageError = {
  name: 'NotFoundError',
  message: "Failed to execute 'requestDevice' on 'USB': No device selected.",
};

const PROTECTED_INTERFACE: PageError = {
  name: 'SecurityError',
  message: "Failed to execute 'claimInterface' on 'USBDevice': The requested interface implements a protected class.",
};

const NO_INTERFACE: PageError = {
  name: 'NotFoundError',
  message:
    "Failed to execute 'claimInterface' on 'USBDevice': The interface number provided is not supported by the device in its current configuration.",
};

export interface UsbPageArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
}

async function connected(): Promise<UsbDeviceInfo[]> {
  return (await connectedDevices('usb')).map(usbDeviceOf);
}

export async function requestUsbDevice(args: UsbPageArgs & { filters?: unknown[] }): Promise<UsbRequestOutcome> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'usb');
  const filters = usbFilters(args.filters);
  const page = openPage(args.session, args.url, args.frameUrl);
  const failed: UsbRequestOutcome = { device: null, error: NO_DEVICE_SELECTED };
  if (!services.use(permissionService).canRequestDevicePermission('usb', page)) return failed;
  await nextTask();
  const shown = (await connected()).filter((device) => displayUsbDevice(filters, device));
  return new Promise((resolve) => {
    const chooser = new OpenChooser<UsbRequestOutcome>(resolve);
    chooser.watch('usb', {
      added(plugged) {
        const device = usbDeviceOf(plugged);
        if (displayUsbDevice(filters, device))
          emitOnSession(args.session, 'usb-device-added', electronUsbDevice(device), page.webContents);
      },
      removed(plugged) {
        emitOnSession(args.session, 'usb-device-removed', electronUsbDevice(usbDeviceOf(plugged)), page.webContents);
      },
    });
    const callback = (...answer: unknown[]) => {
      if (chooser.done) return;
      const [deviceId] = answer;
      if (typeof deviceId !== 'string' || deviceId === '') return chooser.answer(failed);
      const plugged = connectedDevice('usb', deviceId);
      if (!plugged) {
        emitProcessWarning(`The device id ${deviceId} was not found.`, 'UnknownUsbDeviceId');
        return chooser.answer(failed);
      }
      const device = usbDeviceOf(plugged);
      services.use(deviceService).grant('usb', topOrigin(page), usbDeviceRef(device));
      chooser.answer({ device: pageUsbDevice(device), error: null });
    };
    const details = { deviceList: shown.map(electronUsbDevice), frame: page.frame };
    if (!emitOnSession(args.session, 'select-usb-device', details, callback)) chooser.answer(failed);
  });
}

export async function getUsbDevices(args: UsbPageArgs): Promise<PageDevice[]> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'usb');
  const page = openPage(args.session, args.url, args.frameUrl);
  const devices = services.use(deviceService);
  const origin = topOrigin(page);
  return (await connected())
    .filter((device) => devices.hasPermission('usb', origin, usbDeviceRef(device), page.frame))
    .map(pageUsbDevice);
}

/** The device a page of the origin holds; a page cannot hold one it has no permission for. */
async function heldDevice(args: UsbPageArgs & { deviceId: string }) {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'usb');
  const page = openPage(args.session, args.url, args.frameUrl);
  const plugged = connectedDevice('usb', args.deviceId);
  if (!plugged) throw new Error(`no USB device ${String(args.deviceId)} is connected`);
  const device = usbDeviceOf(plugged);
  const origin = topOrigin(page);
  if (!services.use(deviceService).hasPermission('usb', origin, usbDeviceRef(device), page.frame)) {
    throw new Error(`a page of ${origin} holds no USBDevice ${device.guid}: it has no permission for it`);
  }
  return { services, page, device, origin };
}

export async function forgetUsbDevice(args: UsbPageArgs & { deviceId: string }): Promise<void> {
  const { services, device, origin } = await heldDevice(args);
  services.use(deviceService).revoke('usb', origin, usbDeviceRef(device));
  emitOnSession(args.session, 'usb-device-revoked', { device: electronUsbDevice(device), origin });
}

export async function claimUsbInterface(
  args: UsbPageArgs & { deviceId: string; interfaceNumber: number },
): Promise<PageError | null> {
  const { services, page, device } = await heldDevice(args);
  const iface = device.interfaces.find((i) => i.interfaceNumber === args.interfaceNumber);
  if (!iface) return NO_INTERFACE;
  const guarded = protectedClassesFor(services.use(deviceService), page);
  return guarded.includes(iface.interfaceClass) ? PROTECTED_INTERFACE : null;
}
