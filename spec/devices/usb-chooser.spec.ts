// navigator.usb.requestDevice() and the session's USB chooser (current
// era): the check handler first; 'select-usb-device' with { deviceList,
// frame } in Electron's USBDevice shape and a callback; without
// preventDefault(), for '' or nothing, and for an unknown id (after an
// UnknownUsbDeviceId warning) the page's promise rejects with Chrome's
// NotFoundError; devices coming and going fire 'usb-device-added' (for
// matching devices) and 'usb-device-removed' with the page's webContents;
// forget() fires 'usb-device-revoked' with { device, origin }.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, PAGE_ORIGIN, type PageContents, plug, record, uniqueId, unplug, until } from './device-support.ts';

export const meta = defineSpec({
  members: [
    "ses.on('select-usb-device')",
    "ses.on('usb-device-added')",
    "ses.on('usb-device-removed')",
    "ses.on('usb-device-revoked')",
  ],
  eras: 'current',
  // devices.hid for the driver's view of process warnings.
  requires: ['devices.usb', 'devices.hid'],
  level: 'must',
  basis: 'electron',
  summary:
    "usb.requestDevice() asks the check handler, then 'select-usb-device'; the callback's deviceId picks the device or the page gets Chrome's NotFoundError; devices coming and going fire the added and removed events, forget() the revoked event.",
});

const t = useTarget(meta);
type Callback = (...args: unknown[]) => void;

const NO_DEVICE = { name: 'NotFoundError', message: "Failed to execute 'requestDevice' on 'USB': No device selected." };

function board(extra: Record<string, unknown> = {}) {
  return {
    deviceId: uniqueId('usb'),
    vendorId: 0x2fe3,
    productId: 0x100,
    productName: 'Board',
    manufacturerName: 'Maker',
    serialNumber: uniqueId('sn'),
    usbVersion: [2, 1, 0],
    deviceVersion: [1, 2, 3],
    deviceClass: 0xef,
    deviceSubclass: 2,
    deviceProtocol: 1,
    interfaces: [{ interfaceNumber: 0, interfaceClass: 0xff }],
    ...extra,
  };
}

function answerWith(
  ses: ReturnType<typeof freshSession>,
  answer: (details: { deviceList: Record<string, unknown>[]; frame: { url: string } }, callback: Callback) => void,
) {
  ses.on('select-usb-device', (event, details, callback) => {
    (event as { preventDefault(): void }).preventDefault();
    answer(details as never, callback as Callback);
  });
}

function alternate(interfaceClass: number, extra: Record<string, unknown> = {}) {
  return {
    alternateSetting: 0,
    interfaceClass,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: '',
    endpoints: [],
    ...extra,
  };
}

/** board()'s one vendor-specific interface as DeviceInfoToValue writes it. */
const vendorInterface = { interfaceNumber: 0, alternates: [alternate(0xff)], alternate: alternate(0xff) };

/** A configuration entry of the active configuration: Electron nests a copy of it as its `configuration`. */
function withActive(entry: Record<string, unknown>) {
  return { ...entry, configuration: { ...entry } };
}

describe("ses.on('select-usb-device')", () => {
  it("lists devices in Electron's USBDevice shape and resolves the page's request with the chosen one", async () => {
    const ses = freshSession(t);
    const spec = board();
    const id = await plug(t, 'usb', spec);
    let listed: Record<string, unknown> | undefined;
    let frameUrl = '';
    answerWith(ses, (details, callback) => {
      listed = details.deviceList.find((d) => d.deviceId === id);
      frameUrl = details.frame.url;
      callback(id);
    });
    expect(await t.driver.usb.requestDevice({ session: ses, url: PAGE })).toEqual({
      device: { deviceId: id, vendorId: 0x2fe3, productId: 0x100, productName: 'Board' },
      error: null,
    });
    expect(listed).toEqual({
      deviceId: id,
      vendorId: 0x2fe3,
      productId: 0x100,
      productName: 'Board',
      manufacturerName: 'Maker',
      serialNumber: spec.serialNumber,
      usbVersionMajor: 2,
      usbVersionMinor: 1,
      usbVersionSubminor: 0,
      deviceClass: 0xef,
      deviceSubclass: 2,
      deviceProtocol: 1,
      deviceVersionMajor: 1,
      deviceVersionMinor: 2,
      deviceVersionSubminor: 3,
      configurations: [withActive({ configurationValue: 1, configurationName: '', interfaces: vendorInterface })],
    });
    expect(frameUrl).toBe(PAGE);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toContain(id);
  });

  it("shows the selected configuration as Electron's DeviceInfoToValue builds it, and configuration: null without one", async () => {
    const ses = freshSession(t);
    const hidIn = { endpointNumber: 1, direction: 'in', type: 'interrupt', packetSize: 8 };
    const bulkOut = { endpointNumber: 2, direction: 'out', type: 'bulk', packetSize: 512 };
    const configured = await plug(
      t,
      'usb',
      board({
        configuration: { configurationValue: 2, configurationName: 'Default' },
        interfaces: [
          { interfaceNumber: 0, interfaceClass: 0x03, interfaceSubclass: 1, interfaceProtocol: 1, endpoints: [hidIn] },
          { interfaceNumber: 1, interfaceClass: 0xff, interfaceName: 'Data', endpoints: [bulkOut] },
        ],
      }),
    );
    const unconfigured = await plug(t, 'usb', board({ configuration: null }));
    let list: Record<string, unknown>[] = [];
    answerWith(ses, (details, callback) => {
      list = details.deviceList;
      callback('');
    });
    await t.driver.usb.requestDevice({ session: ses, url: PAGE });
    const shown = (id: string) => list.find((d) => d.deviceId === id)!;
    // Each interface is written over the configuration's `interfaces`: the last one is what apps get.
    const last = alternate(0xff, { interfaceName: 'Data', endpoints: [bulkOut] });
    expect(shown(configured).configurations).toEqual([
      withActive({
        configurationValue: 2,
        configurationName: 'Default',
        interfaces: { interfaceNumber: 1, alternates: [last], alternate: last },
      }),
    ]);
    expect(shown(configured)).not.toHaveProperty('configuration');
    expect(shown(unconfigured)).toMatchObject({ configurations: [], configuration: null });
  });

  it("rejects with Chrome's NotFoundError without preventDefault(), for '' or nothing, and for a non-string", async () => {
    const ses = freshSession(t);
    await plug(t, 'usb', board());
    const calls = record(ses, 'select-usb-device');
    expect(await t.driver.usb.requestDevice({ session: ses, url: PAGE })).toEqual({ device: null, error: NO_DEVICE });
    expect(calls).toHaveLength(1);
    for (const answer of [[''], [], [7]]) {
      ses.removeAllListeners('select-usb-device');
      answerWith(ses, (_d, callback) => callback(...answer));
      expect(await t.driver.usb.requestDevice({ session: ses, url: PAGE })).toEqual({ device: null, error: NO_DEVICE });
    }
  });

  it('keeps the grant for the device’s identity: plugged in again it is still granted; another serial number or session is not', async () => {
    const ses = freshSession(t);
    const device = board();
    const id = await plug(t, 'usb', device);
    const twin = await plug(t, 'usb', board());
    answerWith(ses, (_d, callback) => callback(id));
    await t.driver.usb.requestDevice({ session: ses, url: PAGE });
    const granted = async (session: unknown) =>
      (await t.driver.usb.getDevices({ session, url: PAGE })).map((d) => d.deviceId).filter((d) => d === id || d === twin);
    expect(await granted(ses)).toEqual([id]);
    await unplug(t, 'usb', id);
    await plug(t, 'usb', device);
    expect(await granted(ses)).toEqual([id]);
    expect(await granted(freshSession(t))).toEqual([]);
  });

  it('warns UnknownUsbDeviceId for an id of no connected device', async () => {
    const ses = freshSession(t);
    await t.driver.devices.takeWarnings({});
    answerWith(ses, (_d, callback) => callback('ghost'));
    expect(await t.driver.usb.requestDevice({ session: ses, url: PAGE })).toEqual({ device: null, error: NO_DEVICE });
    const warnings = await t.driver.devices.takeWarnings({});
    expect(warnings).toContainEqual({ name: 'UnknownUsbDeviceId', message: 'The device id ghost was not found.' });
  });

  it("fires no event and rejects when the check handler denies 'usb'", async () => {
    const ses = freshSession(t);
    const checked: unknown[] = [];
    ses.setPermissionCheckHandler((_wc, permission) => {
      checked.push(permission);
      return false;
    });
    const calls = record(ses, 'select-usb-device');
    expect(await t.driver.usb.requestDevice({ session: ses, url: PAGE })).toEqual({ device: null, error: NO_DEVICE });
    expect(checked).toEqual(['usb']);
    expect(calls).toHaveLength(0);
  });

  it("lists only devices a filter matches, by ids or by the device's or an interface's class", async () => {
    const ses = freshSession(t);
    const storage = await plug(
      t,
      'usb',
      board({ vendorId: 1, deviceClass: 0, interfaces: [{ interfaceNumber: 0, interfaceClass: 0x08 }] }),
    );
    const other = await plug(t, 'usb', board({ vendorId: 2, deviceClass: 0xff }));
    let ids: unknown[] = [];
    answerWith(ses, (details, callback) => {
      ids = details.deviceList.map((d) => d.deviceId).filter((id) => id === storage || id === other);
      callback('');
    });
    await t.driver.usb.requestDevice({ session: ses, url: PAGE, filters: [{ classCode: 0x08 }] });
    expect(ids).toEqual([storage]);
    await t.driver.usb.requestDevice({ session: ses, url: PAGE, filters: [{ vendorId: 2 }] });
    expect(ids).toEqual([other]);
  });
});

describe("ses.on('usb-device-added'), ses.on('usb-device-removed') and ses.on('usb-device-revoked')", () => {
  it("fire with the device and the page's webContents while the chooser is open", async () => {
    const ses = freshSession(t);
    const added = record(ses, 'usb-device-added');
    const removed = record(ses, 'usb-device-removed');
    let choose: Callback | undefined;
    answerWith(ses, (_d, callback) => {
      choose = callback;
    });
    const request = t.driver.usb.requestDevice({ session: ses, url: PAGE, filters: [{ vendorId: 0x2fe3 }] });
    await until(() => choose !== undefined, 'the select event');
    const late = await plug(t, 'usb', board());
    const unmatched = await plug(t, 'usb', board({ vendorId: 5 }));
    expect(added.map((a) => (a[1] as { deviceId: string }).deviceId)).toEqual([late]);
    expect((added[0]![2] as PageContents).getURL()).toBe(PAGE);
    // Electron's chooser reports every device that goes, matching or not.
    await unplug(t, 'usb', unmatched);
    await unplug(t, 'usb', late);
    expect(removed.map((a) => (a[1] as { deviceId: string }).deviceId)).toEqual([unmatched, late]);
    expect((removed[0]![2] as PageContents).getURL()).toBe(PAGE);
    choose!('');
    expect(await request).toEqual({ device: null, error: NO_DEVICE });
  });

  it('fire for a device plugged in and unplugged from inside the select listener, which can then be chosen', async () => {
    const ses = freshSession(t);
    const added = record(ses, 'usb-device-added');
    const removed = record(ses, 'usb-device-removed');
    const gone = uniqueId('inside');
    const kept = uniqueId('inside');
    answerWith(ses, (_d, callback) => {
      void (async () => {
        await plug(t, 'usb', board({ deviceId: gone }));
        await unplug(t, 'usb', gone);
        await plug(t, 'usb', board({ deviceId: kept }));
        callback(kept);
      })();
    });
    const outcome = await t.driver.usb.requestDevice({ session: ses, url: PAGE });
    expect(added.map((a) => (a[1] as { deviceId: string }).deviceId)).toEqual([gone, kept]);
    expect(removed.map((a) => (a[1] as { deviceId: string }).deviceId)).toEqual([gone]);
    expect(outcome.device?.deviceId).toBe(kept);
  });

  it("fires 'usb-device-revoked' with { device, origin } when the page forgets the device", async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'usb', board());
    answerWith(ses, (_d, callback) => callback(id));
    await t.driver.usb.requestDevice({ session: ses, url: PAGE });
    const revoked = record(ses, 'usb-device-revoked');
    await t.driver.usb.forget({ session: ses, url: PAGE, deviceId: id });
    expect(revoked).toHaveLength(1);
    const details = revoked[0]![1] as { device: { deviceId: string }; origin: string };
    expect(details.device.deviceId).toBe(id);
    expect(details.origin).toBe(PAGE_ORIGIN);
    expect((await t.driver.usb.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });
});
