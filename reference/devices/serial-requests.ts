// navigator.serial as a page of a session uses it (Electron's
// ElectronSerialDelegate, SerialChooserController and SerialChooserContext):
//
// requestPort(filters): the permission check handler ('serial') first —
// false fails at once with no event; then 'select-serial-port' with the
// matching ports sorted by name, the page's webContents and a callback
// taking the chosen portId ('' cancels; an unknown id cancels too; no
// argument is gin's TypeError). Without preventDefault() the request fails
// at once. While it is open, ports plugged in or out fire
// 'serial-port-added' / 'serial-port-removed' with the page's webContents
// (added only for matching ports in the current era, for any port before).
// The chosen port is granted to the top frame's origin.
//
// getPorts(): the connected ports the origin has permission for.
// forget(): revokes the origin's grant and fires 'serial-port-revoked'
// with { port, frame, origin } (current era).

import type { PageError } from '../../contract/driver-commands.ts';
import { argumentError, requireArgument } from '../era/arguments.ts';
import { permissionService } from '../permissions/permission-service.ts';
import { openPage, type PageFrame } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { emitOnSession, nextTask, OpenChooser } from './chooser.ts';
import { connectedDevice } from './connected-devices.ts';
import { deviceEra, requireBus } from './device-era.ts';
import { deviceService } from './device-service.ts';
import { listSerialPorts } from './serial-ports.ts';
import {
  electronSerialPort,
  serialFilters,
  serialFiltersMatch,
  serialDeviceRef,
  serialPortOf,
  type SerialPortInfo,
} from './serial-shapes.ts';

/** What the page holds: the port's id (the driver's handle) and SerialPort.getInfo(). */
export interface PageSerialPort {
  portId: string;
  usbVendorId?: number;
  usbProductId?: number;
}

export interface SerialRequestOutcome {
  port: PageSerialPort | null;
  error: PageError | null;
}

export const NO_PORT_SELECTED: PageError = {
  name: 'NotFoundError',
  message: "Failed to execute 'requestPort' on 'Serial': No port selected by the user.",
};

function pagePort(port: SerialPortInfo): PageSerialPort {
  const out: PageSerialPort = { portId: port.token };
  if (port.vendorId !== undefined) out.usbVendorId = port.vendorId;
  if (port.productId !== undefined) out.usbProductId = port.productId;
  return out;
}

/** url::Origin::Serialize() of the page's top frame. */
export function topOrigin(page: PageFrame): string {
  return new URL(page.frame.top.url).origin;
}

function sortedByName(ports: SerialPortInfo[]): SerialPortInfo[] {
  const name = (p: SerialPortInfo) => p.path.slice(p.path.lastIndexOf('/') + 1);
  return ports.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

export interface SerialRequestArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
  filters?: unknown[];
}

export async function requestPort(args: SerialRequestArgs): Promise<SerialRequestOutcome> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'serial');
  const rules = deviceEra(services.era);
  const filters = serialFilters(args.filters);
  const page = openPage(args.session, args.url, args.frameUrl);
  const failed: SerialRequestOutcome = { port: null, error: NO_PORT_SELECTED };
  if (!services.use(permissionService).canRequestDevicePermission('serial', page)) return failed;
  await nextTask();
  const visible = sortedByName((await listSerialPorts()).filter((port) => serialFiltersMatch(filters, port)));
  return new Promise((resolve) => {
    const chooser = new OpenChooser<SerialRequestOutcome>(resolve);
    chooser.watch('serial', {
      added(device) {
        const port = serialPortOf(device);
        if (rules.serialAddedFilters && !serialFiltersMatch(filters, port)) return;
        visible.push(port);
        emitOnSession(args.session, 'serial-port-added', electronSerialPort(port), page.webContents);
      },
      removed(device) {
        const index = visible.findIndex((port) => port.token === device.deviceId);
        if (index < 0) return;
        emitOnSession(args.session, 'serial-port-removed', electronSerialPort(visible[index]!), page.webContents);
        visible.splice(index, 1);
      },
    });
    const callback = (...answer: unknown[]) => {
      requireArgument(answer, 0);
      const [portId] = answer;
      if (typeof portId !== 'string') throw argumentError(0, portId);
      if (chooser.done) return;
      const port = portId === '' ? undefined : visible.find((p) => p.token === portId);
      if (!port) return chooser.answer(failed);
      services.use(deviceService).grant('serial', topOrigin(page), serialDeviceRef(port));
      chooser.answer({ port: pagePort(port), error: null });
    };
    const prevented = emitOnSession(
      args.session,
      'select-serial-port',
      visible.map(electronSerialPort),
      page.webContents,
      callback,
    );
    if (!prevented) chooser.answer(failed);
  });
}

export interface SerialPageArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
}

export async function getPorts(args: SerialPageArgs): Promise<PageSerialPort[]> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'serial');
  const page = openPage(args.session, args.url, args.frameUrl);
  const devices = services.use(deviceService);
  const origin = topOrigin(page);
  const ports = await listSerialPorts();
  return ports.filter((port) => devices.hasPermission('serial', origin, serialDeviceRef(port), page.frame)).map(pagePort);
}

export async function forgetPort(args: SerialPageArgs & { portId: string }): Promise<void> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'serial');
  if (!deviceEra(services.era).revocation) throw new Error(`SerialPort.forget() does not exist in era ${services.era}`);
  const page = openPage(args.session, args.url, args.frameUrl);
  const plugged = connectedDevice('serial', args.portId);
  if (!plugged) return;
  const port = serialPortOf(plugged);
  const origin = topOrigin(page);
  services.use(deviceService).revoke('serial', origin, serialDeviceRef(port));
  emitOnSession(args.session, 'serial-port-revoked', { port: electronSerialPort(port), frame: page.frame, origin });
}
