// The reference combines a bus's virtual devices with the OS's devices when
// that bus's real backend is on (real-backends.ts: on by default, off by
// default once a test target is launched, and either way by its switch),
// and shows only the virtual ones when it is off. The real side is what the libraries
// report on this machine, asked directly here for the expected lists: a
// serial port (/dev/ttyS0 on most Linux machines), and for HID and USB
// whatever is attached (nothing where no hardware is).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectedDevices } from '../../../reference/devices/connected-devices.ts';
import { type PluggedDevice, virtualBus } from '../../../reference/devices/device-bus.ts';
import type { Bus } from '../../../reference/devices/device-era.ts';
import { requestHidDevice } from '../../../reference/devices/hid-requests.ts';
import { displayHidDevice, hidDeviceOf, physicalId } from '../../../reference/devices/hid-shapes.ts';
import { listSystemDevicesByDefault, REAL_BACKEND_SWITCHES } from '../../../reference/devices/real-backends.ts';
import { launchReference } from '../../../reference/testing.ts';
import { requestPort } from '../../../reference/devices/serial-requests.ts';
import { requestUsbDevice } from '../../../reference/devices/usb-requests.ts';
import { createReferenceElectron, type ReferenceElectron } from '../../../reference/instance.ts';
import { libraryDevices } from './helpers/library-devices.ts';

const PAGE = 'https://devices.test/';

/** The device ids the session's HID or USB chooser event offers (the last time it fires); the chooser is cancelled. */
function chooserOffers(ses: NodeJS.EventEmitter, event: 'select-hid-device' | 'select-usb-device') {
  const offered = { ids: [] as string[] };
  ses.on(event, (e: Prevent, details: { deviceList: { deviceId: string }[] }, callback: Callback) => {
    e.preventDefault();
    offered.ids = details.deviceList.map((d) => d.deviceId);
    callback('');
  });
  return offered;
}

let electron: ReferenceElectron;
let userData: string;
const saved = new Map<string, string | undefined>();

beforeAll(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'connected-devices-'));
  electron = createReferenceElectron({ era: 'current', userData });
  await electron.app.whenReady();
  for (const name of Object.values(REAL_BACKEND_SWITCHES)) saved.set(name, process.env[name]);
});
afterAll(async () => {
  await electron.quit();
  rmSync(userData, { recursive: true, force: true });
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

let sessions = 0;
function freshSession(): NodeJS.EventEmitter {
  return electron.session.fromPartition(`connected-${++sessions}`) as unknown as NodeJS.EventEmitter;
}

function plugged(bus: Bus, device: PluggedDevice): string {
  virtualBus(bus).plug(device);
  return device.deviceId;
}

type Callback = (...args: unknown[]) => void;
type Prevent = { preventDefault(): void };

describe.each(['serial', 'hid', 'usb'] as const)('the %s bus', (bus) => {
  const virtualId = `virtual-${bus}-${process.pid}`;
  beforeAll(() => {
    virtualBus(bus).plug({
      deviceId: virtualId,
      ...(bus === 'serial' ? { path: `/dev/ttyVIRT${process.pid}` } : { vendorId: 0x1209, productId: 0x0001, name: 'virtual' }),
    });
  });
  afterAll(() => virtualBus(bus).unplug(virtualId));

  it('lists only the virtual devices while its real backend is switched off', async () => {
    process.env[REAL_BACKEND_SWITCHES[bus]] = '0';
    expect((await connectedDevices(bus)).map((d) => d.deviceId)).toEqual([virtualId]);
  });

  it('lists the library’s devices by default, and only the virtual ones once a test target was launched', async () => {
    delete process.env[REAL_BACKEND_SWITCHES[bus]];
    const real = (await libraryDevices(bus)).map((d) => d.deviceId);
    const previous = listSystemDevicesByDefault(true);
    const launchedData = mkdtempSync(path.join(os.tmpdir(), 'launched-'));
    try {
      expect((await connectedDevices(bus)).map((d) => d.deviceId)).toEqual([virtualId, ...real]);
      await launchReference({ era: 'current', userDataDir: launchedData }).quit();
      expect((await connectedDevices(bus)).map((d) => d.deviceId)).toEqual([virtualId]);
    } finally {
      listSystemDevicesByDefault(previous);
      rmSync(launchedData, { recursive: true, force: true });
    }
  });

  it('lists the virtual devices and then the library’s once its real backend is on', async () => {
    process.env[REAL_BACKEND_SWITCHES[bus]] = '1';
    const real = (await libraryDevices(bus)).map((d) => d.deviceId);
    expect((await connectedDevices(bus)).map((d) => d.deviceId)).toEqual([virtualId, ...real]);
  });
});

describe('the choosers with the real backends on', () => {
  it('select-serial-port offers the virtual port and the machine’s real ports, sorted by name', async () => {
    process.env.SESSION_CONFORMANCE_REAL_SERIAL = '1';
    const virtualId = plugged('serial', { deviceId: `chooser-serial-${process.pid}`, path: '/dev/ttyZZVIRT' });
    try {
      const ses = freshSession();
      let offered: { portId: string; portName: string }[] = [];
      ses.on('select-serial-port', (event: Prevent, ports: typeof offered, _wc: unknown, callback: Callback) => {
        event.preventDefault();
        offered = ports;
        callback('');
      });
      await requestPort({ session: ses, url: PAGE });
      const real = (await libraryDevices('serial')).map((d) => ({ portId: d.deviceId, portName: path.basename(String(d.path)) }));
      const expected = [...real, { portId: virtualId, portName: 'ttyZZVIRT' }].sort((a, b) =>
        a.portName < b.portName ? -1 : a.portName > b.portName ? 1 : 0,
      );
      expect(offered.map(({ portId, portName }) => ({ portId, portName }))).toEqual(expected);
      process.env.SESSION_CONFORMANCE_REAL_SERIAL = '0';
      const again: string[] = [];
      ses.removeAllListeners('select-serial-port');
      ses.on('select-serial-port', (event: Prevent, ports: { portId: string }[], _wc: unknown, callback: Callback) => {
        event.preventDefault();
        again.push(...ports.map((p) => p.portId));
        callback('');
      });
      await requestPort({ session: ses, url: PAGE });
      expect(again).toEqual([virtualId]);
    } finally {
      virtualBus('serial').unplug(virtualId);
    }
  });

  it('select-hid-device lists the virtual device and node-hid’s devices', async () => {
    process.env.SESSION_CONFORMANCE_REAL_HID = '1';
    const virtualId = plugged('hid', { deviceId: `chooser-hid-${process.pid}`, vendorId: 0x1209, productId: 2, name: 'v' });
    try {
      const ses = freshSession();
      const offered = chooserOffers(ses, 'select-hid-device');
      await requestHidDevice({ session: ses, url: PAGE });
      const real = (await libraryDevices('hid'))
        .map((d) => hidDeviceOf({ ...d, connection: 0 }))
        .filter((d) => displayHidDevice([], d))
        .map(physicalId);
      expect(offered.ids).toEqual([virtualId, ...new Set(real)]);
    } finally {
      virtualBus('hid').unplug(virtualId);
    }
  });

  it('select-usb-device lists the virtual device and the usb package’s devices', async () => {
    process.env.SESSION_CONFORMANCE_REAL_USB = '1';
    const virtualId = plugged('usb', { deviceId: `chooser-usb-${process.pid}`, vendorId: 0x1209, productId: 3 });
    try {
      const ses = freshSession();
      const offered = chooserOffers(ses, 'select-usb-device');
      expect((await requestUsbDevice({ session: ses, url: PAGE })).device).toBeNull();
      expect(offered.ids).toEqual([virtualId, ...(await libraryDevices('usb')).map((d) => d.deviceId)]);
    } finally {
      virtualBus('usb').unplug(virtualId);
    }
  });
});
