// navigator.hid.requestDevice() and the session's HID chooser (17+): the
// check handler decides whether the chooser may open; 'select-hid-device'
// gets { deviceList, frame } with one entry per physical device in
// Electron's HIDDevice shape (FIDO and blocklisted devices hidden) and a
// callback; without preventDefault() the page gets no device; '' or
// nothing gives none; an unknown id gives none after an UnknownHIDDeviceId
// process warning; devices coming and going while it is open fire
// 'hid-device-added' / 'hid-device-removed' with { device, frame }.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, plug, record, uniqueId, unplug, until } from './device-support.ts';

export const meta = defineSpec({
  members: ["ses.on('select-hid-device')", "ses.on('hid-device-added')", "ses.on('hid-device-removed')"],
  eras: '>=e17',
  requires: ['devices.hid'],
  level: 'must',
  basis: 'electron',
  summary:
    "hid.requestDevice() asks the check handler, then 'select-hid-device' with the displayable devices; the callback's deviceId picks the device, and devices coming and going while the chooser is open fire the added and removed events.",
});

const t = useTarget(meta);

type Callback = (...args: unknown[]) => void;
interface Frame {
  url: string;
}
interface SelectDetails {
  deviceList: { deviceId: string }[];
  frame: Frame;
}

function keyboard(extra: Record<string, unknown> = {}) {
  return { deviceId: uniqueId('hid'), name: 'Keyboard', vendorId: 0x046d, productId: 0xc31c, serialNumber: 'K1', ...extra };
}

/** Answers the select event with `answer(details)` after preventDefault(). */
function answerWith(ses: ReturnType<typeof freshSession>, answer: (details: SelectDetails, callback: Callback) => void): void {
  ses.on('select-hid-device', (event, details, callback) => {
    (event as { preventDefault(): void }).preventDefault();
    answer(details as SelectDetails, callback as Callback);
  });
}

/** The device ids a page's request offers in a fresh chooser of `ses`, which is then cancelled. */
async function offeredIds(ses: ReturnType<typeof freshSession>): Promise<string[]> {
  let ids: string[] = [];
  answerWith(ses, (d, callback) => {
    ids = d.deviceList.map((x) => x.deviceId);
    callback('');
  });
  await t.driver.hid.requestDevice({ session: ses, url: PAGE });
  return ids;
}

describe("ses.on('select-hid-device')", () => {
  it("lists devices in Electron's HIDDevice shape with the asking frame, and grants the chosen one", async () => {
    const ses = freshSession(t);
    const named = await plug(t, 'hid', keyboard());
    const unnamed = await plug(t, 'hid', { deviceId: uniqueId('hid'), vendorId: 0x1209, productId: 0xa, serialNumber: 'X' });
    let details: SelectDetails | undefined;
    answerWith(ses, (d, callback) => {
      details = d;
      callback(named);
    });
    const outcome = await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    expect(outcome).toEqual({ devices: [{ deviceId: named, vendorId: 0x046d, productId: 0xc31c, productName: 'Keyboard' }] });
    const list = details!.deviceList;
    expect(list.find((d) => d.deviceId === named)).toEqual({
      deviceId: named,
      name: 'Keyboard',
      vendorId: 0x046d,
      productId: 0xc31c,
      serialNumber: 'K1',
    });
    // No product name: a display name from the ids, and a grant for this connection only (keyed by guid).
    expect(list.find((d) => d.deviceId === unnamed)).toEqual({
      deviceId: unnamed,
      name: 'Unknown Device (1209:000A)',
      vendorId: 0x1209,
      productId: 0xa,
      guid: unnamed,
    });
    expect(details!.frame.url).toBe(PAGE);
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).toEqual([named]);
  });

  it('hides FIDO security keys and blocklisted devices', async () => {
    const ses = freshSession(t);
    const fido = await plug(t, 'hid', keyboard({ usagePage: 0xf1d0, usage: 1 }));
    const blocked = await plug(t, 'hid', keyboard({ blocklisted: true }));
    const plain = await plug(t, 'hid', keyboard());
    const ids = await offeredIds(ses);
    expect(ids).toContain(plain);
    expect(ids).not.toContain(fido);
    expect(ids).not.toContain(blocked);
  });

  it("hides devices whose vendor and product ids are on Chromium's HID blocklist", async () => {
    const ses = freshSession(t);
    const yubikey = await plug(t, 'hid', keyboard({ name: 'YubiKey', vendorId: 0x1050, productId: 0x0407 }));
    const plain = await plug(t, 'hid', keyboard());
    const ids = await offeredIds(ses);
    expect(ids).toContain(plain);
    expect(ids).not.toContain(yubikey);
  });

  it('lists a physical device with several interfaces once and grants every interface', async () => {
    const ses = freshSession(t);
    const physical = uniqueId('phys');
    const a = await plug(t, 'hid', keyboard({ physicalDeviceId: physical, usagePage: 1 }));
    const b = await plug(t, 'hid', keyboard({ physicalDeviceId: physical, usagePage: 12 }));
    let listed: string[] = [];
    answerWith(ses, (d, callback) => {
      listed = d.deviceList.map((x) => x.deviceId).filter((id) => id === physical || id === a || id === b);
      callback(physical);
    });
    const outcome = await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    expect(listed).toEqual([physical]);
    expect(outcome.devices.map((d) => d.deviceId)).toEqual([a, b]);
  });

  it('keeps the grant for the device’s identity: plugged in again it is still granted; another serial number or session is not', async () => {
    const ses = freshSession(t);
    const device = keyboard({ serialNumber: uniqueId('sn') });
    const id = await plug(t, 'hid', device);
    const twin = await plug(t, 'hid', keyboard({ serialNumber: uniqueId('sn') }));
    answerWith(ses, (_d, callback) => callback(id));
    await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    const granted = async (session: unknown) =>
      (await t.driver.hid.getDevices({ session, url: PAGE })).map((d) => d.deviceId).filter((d) => d === id || d === twin);
    expect(await granted(ses)).toEqual([id]);
    await unplug(t, 'hid', id);
    await plug(t, 'hid', device);
    expect(await granted(ses)).toEqual([id]);
    expect(await granted(freshSession(t))).toEqual([]);
  });

  it('gives the page no device without preventDefault(), for an empty or missing id, and for a non-string', async () => {
    const ses = freshSession(t);
    const id = await plug(t, 'hid', keyboard());
    const calls = record(ses, 'select-hid-device');
    expect(await t.driver.hid.requestDevice({ session: ses, url: PAGE })).toEqual({ devices: [] });
    expect(calls).toHaveLength(1);
    for (const answer of [[''], [], [42]]) {
      ses.removeAllListeners('select-hid-device');
      answerWith(ses, (_d, callback) => callback(...answer));
      expect(await t.driver.hid.requestDevice({ session: ses, url: PAGE })).toEqual({ devices: [] });
    }
    expect((await t.driver.hid.getDevices({ session: ses, url: PAGE })).map((d) => d.deviceId)).not.toContain(id);
  });

  it('warns UnknownHIDDeviceId for an id the chooser does not list', async () => {
    const ses = freshSession(t);
    await plug(t, 'hid', keyboard());
    await t.driver.devices.takeWarnings({});
    answerWith(ses, (_d, callback) => callback('no-such-device'));
    expect(await t.driver.hid.requestDevice({ session: ses, url: PAGE })).toEqual({ devices: [] });
    const warnings = await t.driver.devices.takeWarnings({});
    expect(warnings).toContainEqual({ name: 'UnknownHIDDeviceId', message: 'The device id no-such-device was not found.' });
  });

  it("fires no event and gives no device when the check handler denies 'hid'", async () => {
    const ses = freshSession(t);
    await plug(t, 'hid', keyboard());
    const checked: unknown[] = [];
    ses.setPermissionCheckHandler((_wc, permission) => {
      checked.push(permission);
      return false;
    });
    const calls = record(ses, 'select-hid-device');
    expect(await t.driver.hid.requestDevice({ session: ses, url: PAGE })).toEqual({ devices: [] });
    expect(checked).toEqual(['hid']);
    expect(calls).toHaveLength(0);
  });

  it('lists only the devices a filter matches', async () => {
    const ses = freshSession(t);
    const mouse = await plug(t, 'hid', keyboard({ productId: 0xc077, usagePage: 1, usage: 2 }));
    const pad = await plug(t, 'hid', keyboard({ vendorId: 0x054c, productId: 0x9cc, usagePage: 1, usage: 5 }));
    let ids: string[] = [];
    answerWith(ses, (d, callback) => {
      ids = d.deviceList.map((x) => x.deviceId).filter((id) => id === mouse || id === pad);
      callback('');
    });
    await t.driver.hid.requestDevice({ session: ses, url: PAGE, filters: [{ usagePage: 1, usage: 5 }] });
    expect(ids).toEqual([pad]);
    await t.driver.hid.requestDevice({ session: ses, url: PAGE, filters: [{ vendorId: 0x046d }] });
    expect(ids).toEqual([mouse]);
  });
});

describe("ses.on('hid-device-added') and ses.on('hid-device-removed')", () => {
  it('fire with { device, frame } while the chooser is open, for devices it would show', async () => {
    const ses = freshSession(t);
    const added = record(ses, 'hid-device-added');
    const removed = record(ses, 'hid-device-removed');
    let choose: Callback | undefined;
    answerWith(ses, (_d, callback) => {
      choose = callback;
    });
    const request = t.driver.hid.requestDevice({ session: ses, url: PAGE });
    await until(() => choose !== undefined, 'the select event');
    const late = await plug(t, 'hid', keyboard());
    await plug(t, 'hid', keyboard({ usagePage: 0xf1d0 }));
    expect(added.map((a) => (a[1] as { device: { deviceId: string } }).device.deviceId)).toEqual([late]);
    expect((added[0]![1] as { frame: Frame }).frame.url).toBe(PAGE);
    await unplug(t, 'hid', late);
    expect(removed.map((a) => (a[1] as { device: { deviceId: string } }).device.deviceId)).toEqual([late]);
    choose!('');
    await request;
    await plug(t, 'hid', keyboard());
    expect(added).toHaveLength(1);
  });

  it('fire for a device plugged in and unplugged from inside the select listener, which can then be chosen', async () => {
    const ses = freshSession(t);
    const added = record(ses, 'hid-device-added');
    const removed = record(ses, 'hid-device-removed');
    const gone = uniqueId('inside');
    const kept = uniqueId('inside');
    answerWith(ses, (_d, callback) => {
      void (async () => {
        await plug(t, 'hid', keyboard({ deviceId: gone }));
        await unplug(t, 'hid', gone);
        await plug(t, 'hid', keyboard({ deviceId: kept }));
        callback(kept);
      })();
    });
    const outcome = await t.driver.hid.requestDevice({ session: ses, url: PAGE });
    expect(added.map((a) => (a[1] as { device: { deviceId: string } }).device.deviceId)).toEqual([gone, kept]);
    expect(removed.map((a) => (a[1] as { device: { deviceId: string } }).device.deviceId)).toEqual([gone]);
    expect(outcome.devices.map((d) => d.deviceId)).toEqual([kept]);
  });
});
