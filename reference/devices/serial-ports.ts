// The serial ports of the machine as the chooser lists them: the virtual
// bus's, plus, where the serial bus's real backend is on (real-backends.ts),
// the ports the real serialport library's bindings report (real-serial.ts),
// loaded lazily so the reference runs where the native binding cannot load.

import { connectedDevices } from './connected-devices.ts';
import { serialPortOf, type SerialPortInfo } from './serial-shapes.ts';

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  return (await connectedDevices('serial')).map(serialPortOf);
}
