// The real serial backend: the serialport library's own bindings
// (@serialport/bindings-cpp, prebuilt binaries inside the npm tarball, no
// install script), imported lazily so the reference still loads where the
// native binding cannot. It lists the OS's ports (PortInfo: hex id strings)
// and opens a port by path to write to it, as navigator.serial's
// port.open() and writable do through Chromium's serial service.

import type { SerialPortInfo } from './serial-shapes.ts';

interface PortInfo {
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

let binding: Promise<Binding> | undefined;

function loadBinding(): Promise<Binding> {
  binding ??= import('serialport').then((module) => module.SerialPort.binding as unknown as Binding);
  return binding;
}

function hexId(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-9a-f]{1,4}$/i.test(value)) return undefined;
  return Number.parseInt(value, 16);
}

/** The OS's ports, each with a token of its own ('real:' and the path). */
export async function listRealSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await (await loadBinding()).list();
  return ports.map((info) => {
    const port: Record<string, unknown> = { token: `real:${info.path}`, connection: `real:${info.path}`, path: info.path };
    const vendorId = hexId(info.vendorId);
    const productId = hexId(info.productId);
    if (info.manufacturer) port.displayName = info.manufacturer;
    if (vendorId !== undefined) port.vendorId = vendorId;
    if (productId !== undefined) port.productId = productId;
    if (info.serialNumber) port.serialNumber = info.serialNumber;
    return port as unknown as SerialPortInfo;
  });
}

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
