// A serial port that is a real character device: a pseudo-terminal pair
// stands in for the hardware, the chooser offers it like any port, and the
// page's writes after choosing it go through the serialport library's
// native binding to the device, where the fixture reads them. A port the
// origin was never granted cannot be opened.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../fixtures/devices/pty-pair.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, OTHER_PAGE, PAGE, plug, uniqueId, until } from './device-support.ts';

export const meta = defineSpec({
  members: ["ses.on('select-serial-port')"],
  eras: '>=e12',
  requires: ['devices.serial'],
  level: 'must',
  basis: 'electron',
  summary:
    'A real port (a pseudo-terminal) chosen in select-serial-port carries the page’s writes to the device; other origins cannot open it.',
});

const t = useTarget(meta);
let pty: PtyPair;

beforeAll(async () => {
  pty = await openPtyPair();
});
afterAll(async () => {
  await pty?.close();
});

type Callback = (...args: unknown[]) => void;

describe('a real serial port', () => {
  it('is offered by the chooser and carries the page’s writes once chosen', async () => {
    const ses = freshSession(t);
    const portId = await plug(t, 'serial', { deviceId: uniqueId('pty'), path: pty.path, displayName: 'pty' });
    let portName: unknown;
    ses.on('select-serial-port', (event, ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      portName = (ports as { portId: string; portName: string }[]).find((p) => p.portId === portId)?.portName;
      (callback as Callback)(portId);
    });
    expect((await t.driver.serial.requestPort({ session: ses, url: PAGE })).port?.portId).toBe(portId);
    expect(portName).toBe(pty.path.slice(pty.path.lastIndexOf('/') + 1));
    const message = `hello ${uniqueId('bytes')}\n`;
    expect(await t.driver.serial.write({ session: ses, url: PAGE, portId, data: message, baudRate: 115200 })).toBeNull();
    await until(() => pty.received().includes(message), 'the bytes on the device side');
  });

  it('cannot be opened by an origin that was never granted it', async () => {
    const ses = freshSession(t);
    const portId = await plug(t, 'serial', { deviceId: uniqueId('pty'), path: pty.path });
    const before = pty.received();
    expect(await t.driver.serial.write({ session: ses, url: OTHER_PAGE, portId, data: 'nope' })).toEqual({
      name: 'NotFoundError',
      message: "Failed to execute 'open' on 'SerialPort': Failed to open serial port.",
    });
    expect(pty.received()).toBe(before);
  });
});
