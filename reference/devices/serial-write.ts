// port.open() and a write through the port's writable: the page may only
// open a port its origin has permission for (NotFoundError otherwise, as
// Blink's SerialPort has no port to open), and the bytes go out through
// the real serialport binding to the port's path — a real device node, or
// a pseudo-terminal standing in for one.

import type { PageError } from '../../contract/driver-commands.ts';
import { openPage } from '../app/web-contents.ts';
import { servicesOf } from '../session/binding.ts';
import { requireBus } from './device-era.ts';
import { deviceService } from './device-service.ts';
import { writeThroughRealPort } from './real-serial.ts';
import { listSerialPorts } from './serial-ports.ts';
import { serialDeviceRef } from './serial-shapes.ts';
import { topOrigin } from './serial-requests.ts';

const PORT_GONE: PageError = {
  name: 'NotFoundError',
  message: "Failed to execute 'open' on 'SerialPort': Failed to open serial port.",
};

export async function writeToPort(args: {
  session: unknown;
  url: string;
  frameUrl?: string;
  portId: string;
  baudRate?: number;
  data: string;
}): Promise<PageError | null> {
  const services = servicesOf(args.session as object);
  requireBus(services.era, 'serial');
  if (typeof args.data !== 'string') throw new TypeError('data must be a string');
  const page = openPage(args.session, args.url, args.frameUrl);
  const port = (await listSerialPorts()).find((p) => p.token === args.portId);
  if (!port || !services.use(deviceService).hasPermission('serial', topOrigin(page), serialDeviceRef(port), page.frame)) {
    return PORT_GONE;
  }
  try {
    await writeThroughRealPort(port.path, args.baudRate ?? 9600, Buffer.from(args.data, 'utf8'));
    return null;
  } catch {
    return PORT_GONE;
  }
}
