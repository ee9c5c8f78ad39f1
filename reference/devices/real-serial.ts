// The real serial backend: the serialport library's own bindings
// (@serialport/bindings-cpp, prebuilt binaries inside the npm tarball, no
// install script), imported lazily so the reference still loads where the
// native binding cannot. It lists the OS's ports (PortInfo: hex id strings)
// as devices of the serial bus in the shape the driver plugs
// (serial-shapes.ts reads it; a watched bus polls, the bindings have no
// hotplug events), and opens a port by path to write to it, as
// navigator.serial's port.open() and writable do through Chromium's serial
// service.

import type { PluggedDevice } from './device-bus.ts';
import { lazyLibrary, RealBus } from './real-bus.ts';

/** The bindings' PortInfo. */
export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  productId?: string;
  vendorId?: string;
}

interface BindingPort {
  write(buffer: Buffer): Promise<void>;
  drain(): Promise<void>;
  close(): Promise<void>;
}

interface Binding {
  list(): Promise<PortInfo[]>;
  open(options: { path: string; baudRate: number }): Promise<BindingPort>;
}

const loadSerialport = lazyLibrary<{ SerialPort: { binding: unknown } }>('serialport', 'serial', () => import('serialport'));

async function loadBinding(): Promise<Binding> {
  return (await loadSerialport()).SerialPort.binding as Binding;
}

function hexId(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-9a-f]{1,4}$/i.test(value)) return undefined;
  return Number.parseInt(value, 16);
}

/** The bindings' port as a device of the serial bus, with an id of its own ('real:' and the path). */
export function pluggedSerialPort(info: PortInfo): PluggedDevice {
  const port: Record<string, unknown> = { deviceId: `real:${info.path}`, path: info.path };
  const vendorId = hexId(info.vendorId);
  const productId = hexId(info.productId);
  if (info.manufacturer) port.displayName = info.manufacturer;
  if (vendorId !== undefined) port.vendorId = vendorId;
  if (productId !== undefined) port.productId = productId;
  if (info.serialNumber) port.serialNumber = info.serialNumber;
  return port as PluggedDevice;
}

/** The OS's ports through the bindings. */
export async function scanSerialPorts(): Promise<PluggedDevice[]> {
  return (await (await loadBinding()).list()).map(pluggedSerialPort);
}

export const realSerialBus = new RealBus({ scan: scanSerialPorts });

/** Opens the port at `path` through the real binding, writes `data` and closes it. */
export async function writeThroughRealPort(path: string, baudRate: number, data: Buffer): Promise<void> {
  const port = await (await loadBinding()).open({ path, baudRate });
  try {
    await port.write(data);
    await port.drain();
  } finally {
    await port.close();
  }
}
