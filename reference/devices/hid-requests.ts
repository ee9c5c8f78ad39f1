// navigator.hid as a page of a session uses it (Electron's
// ElectronHidDelegate, HidChooserController and HidChooserContext, 17+):
//
// requestDevice(filters): the permission check handler ('hid') first —
// false resolves with no device and fires no event; then
// 'select-hid-device' with { deviceList, frame } (one entry per physical
// device, FIDO and blocklisted devices hidden) and a callback taking the
// chosen deviceId: '', nothing or a non-string resolves with no device, an
// unknown id too after a process warning (UnknownHIDDeviceId). Without
// preventDefault() the request resolves at once with no device. While it
// is open, 'hid-device-added' / 'hid-device-removed' fire with
// { device, frame } for devices the chooser shows.
//
// getDevices(): the connected devices the origin may use. forget(): fires
// 'hid-device-revoked' with { device, origin } (current era).

import type { HidRequestOutcome, PageDevice } from '../../contract/driver-commands.ts';
import { permissionService } from '../permissions/permission-service.ts';
import { openPage } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { emitOnSession, emitProcessWarning, nextTask, OpenChooser } from './chooser.ts';
import { connectedDevice, connectedDevices } from './connected-devices.ts';
import { deviceEra, requireBus } from './device-era.ts';
import { deviceService } from './device-service.ts';
import {
  displayHidDevice,
  electronHidDevice,
  hidDeviceOf,
  hidDeviceRef,
  hidFilters,
  pageHidDevice,
  physicalId,
  type HidDeviceInfo,
} from './hid-shapes.ts';
import { topOrigin } from './serial-requests.ts';

export interface HidPageArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
}

async function connected(): Promise<HidDeviceInfo[]> {
  return (await connectedDevices('hid')).map(hidDeviceOf);
}

export async function requestHidDevice(args: HidPageArgs & { filters?: unknown[] }): Promise<HidRequestOutcome> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'hid');
  const filters = hidFilters(args.filters);
  const page = openPage(args.session, args.url, args.frameUrl);
  if (!services.use(permissionService).canRequestDevicePermission('hid', page)) return { devices: [] };
  await nextTask();
  /** Physical device id -> its interfaces, in the order the chooser lists them. */
  const items = new Map<string, HidDeviceInfo[]>();
  const add = (device: HidDeviceInfo): boolean => {
    const id = physicalId(device);
    const interfaces = items.get(id);
    if (interfaces) interfaces.push(device);
    else items.set(id, [device]);
    return !interfaces;
  };
  const shown: HidDeviceInfo[] = [];
  for (const device of await connected()) if (displayHidDevice(filters, device) && add(device)) shown.push(device);
  return new Promise((resolve) => {
    const chooser = new OpenChooser<HidRequestOutcome>(resolve);
    chooser.watch('hid', {
      added(plugged) {
        const device = hidDeviceOf(plugged);
        if (!displayHidDevice(filters, device) || !add(device)) return;
        emitOnSession(args.session, 'hid-device-added', { device: electronHidDevice(device), frame: page.frame });
      },
      removed(plugged) {
        const device = hidDeviceOf(plugged);
        const interfaces = items.get(physicalId(device));
        if (!interfaces) return;
        emitOnSession(args.session, 'hid-device-removed', { device: electronHidDevice(device), frame: page.frame });
        const left = interfaces.filter((d) => d.guid !== device.guid);
        if (left.length > 0) items.set(physicalId(device), left);
        else items.delete(physicalId(device));
      },
    });
    const callback = (...answer: unknown[]) => {
      if (chooser.done) return;
      const [deviceId] = answer;
      if (typeof deviceId !== 'string' || deviceId === '') return chooser.answer({ devices: [] });
      const interfaces = items.get(deviceId);
      if (!interfaces) {
        emitProcessWarning(`The device id ${deviceId} was not found.`, 'UnknownHIDDeviceId');
        return chooser.answer({ devices: [] });
      }
      const devices = services.use(deviceService);
      for (const device of interfaces) devices.grant('hid', topOrigin(page), hidDeviceRef(device));
      chooser.answer({ devices: interfaces.map(pageHidDevice) });
    };
    const details = { deviceList: shown.map(electronHidDevice), frame: page.frame };
    if (!emitOnSession(args.session, 'select-hid-device', details, callback)) chooser.answer({ devices: [] });
  });
}

export async function getHidDevices(args: HidPageArgs): Promise<PageDevice[]> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'hid');
  const page = openPage(args.session, args.url, args.frameUrl);
  const devices = services.use(deviceService);
  const origin = topOrigin(page);
  return (await connected())
    .filter((device) => !device.blocklisted && devices.hasPermission('hid', origin, hidDeviceRef(device), page.frame))
    .map(pageHidDevice);
}

export async function forgetHidDevice(args: HidPageArgs & { deviceId: string }): Promise<void> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'hid');
  if (!deviceEra(services.era).revocation) throw new Error(`HIDDevice.forget() does not exist in era ${services.era}`);
  const page = openPage(args.session, args.url, args.frameUrl);
  const plugged = connectedDevice('hid', args.deviceId);
  if (!plugged) return;
  const device = hidDeviceOf(plugged);
  const origin = topOrigin(page);
  services.use(deviceService).revoke('hid', origin, hidDeviceRef(device));
  emitOnSession(args.session, 'hid-device-revoked', { device: electronHidDevice(device), origin });
}
