// The serial ports of the machine as the chooser lists them: the virtual
// bus's, plus, where SESSION_CONFORMANCE_REAL_SERIAL=1, the ports the real
// serialport library's bindings report (real-serial.ts), loaded lazily so
// the reference runs where the native binding cannot load.

import { virtualBus } from './device-bus.ts';
import { serialPortOf, type SerialPortInfo } from './serial-shapes.ts';
import { listRealSerialPorts } from './real-serial.ts';

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const virtual = (await virtualBus('serial').list()).map(serialPortOf);
  if (process.env.SESSION_CONFORMANCE_REAL_SERIAL !== '1') return virtual;
  return [...virtual, ...(await listRealSerialPorts())];
}
