// The serial ports of the machine as the chooser lists them: the virtual
// bus's, plus, where SESSION_CONFORMANCE_REAL_SERIAL=1, the ports the real
// serialport library's bindings report (real-serial.ts, real-backends.ts),
// loaded lazily so the reference runs where the native binding cannot load.

import { connectedDevices } from './connected-devices.ts';
import { serialPortOf, type SerialPortInfo } from './serial-shapes.ts';

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  return (await connectedDevices('serial')).map(serialPortOf);
}
