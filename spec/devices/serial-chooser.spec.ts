// navigator.serial.requestPort() and the session's serial chooser: the
// permission check handler decides whether a chooser may open; the
// 'select-serial-port' listener gets the matching ports sorted by name, the
// page's webContents and a callback, and must call preventDefault() to keep
// the chooser open; the callback's portId picks the port ('' or an unknown
// id fails the request, no argument is a TypeError); ports plugged in or
// out while it is open fire 'serial-port-added' / 'serial-port-removed'.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshSession, PAGE, type PageContents, plug, record, thrown, uniqueId, unplug, until } from './device-support.ts';

export const meta = defineSpec({
  members: ["ses.on('select-serial-port')", "ses.on('serial-port-added')", "ses.on('serial-port-removed')"],
  eras: '>=e12',
  requires: ['devices.serial'],
  level: 'must',
  basis: 'electron',
  summary:
    "requestPort() asks the permission check handler, then 'select-serial-port' with the matching ports; the listener's preventDefault() and callback decide the port; ports coming and going while it is open fire the added and removed events.",
});

const t = useTarget(meta);

const NO_PORT = {
  name: 'NotFoundError',
  message: "Failed to execute 'requestPort' on 'Serial': No port selected by the user.",
};

type Callback = (...args: unknown[]) => void;

async function usbPort(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  return plug(t, 'serial', { deviceId: uniqueId('port'), path: `/dev/${name}`, ...extra });
}

describe("ses.on('select-serial-port')", () => {
  it("lists the ports in Electron's SerialPort shape and resolves the page's request with the chosen one", async () => {
    const ses = freshSession(t);
    const name = uniqueId('ttyUSB');
    const portId = await usbPort(name, { displayName: 'Arduino Uno', vendorId: 0x2341, productId: 0x43, serialNumber: 'A1' });
    const calls = record(ses, 'select-serial-port');
    ses.on('select-serial-port', (event, ports, _webContents, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      const mine = (ports as { portId: string }[]).find((p) => p.portId === portId);
      (callback as Callback)(mine?.portId ?? '');
    });
    const outcome = await t.driver.serial.requestPort({ session: ses, url: PAGE });
    expect(outcome).toEqual({ port: { portId, usbVendorId: 0x2341, usbProductId: 0x43 }, error: null });
    const [, ports, webContents, callback] = calls[0]!;
    expect((ports as object[]).find((p) => (p as { portId: string }).portId === portId)).toEqual({
      portId,
      portName: name,
      displayName: 'Arduino Uno',
      vendorId: String(0x2341),
      productId: String(0x43),
      serialNumber: 'A1',
    });
    expect((webContents as PageContents).getURL()).toBe(PAGE);
    expect(typeof callback).toBe('function');
    // The origin keeps the port for later getPorts().
    expect(await t.driver.serial.getPorts({ session: ses, url: PAGE })).toContainEqual(outcome.port);
  });

  it('keeps the grant for a named USB port’s identity: plugged in again it is still granted; another serial number or session is not', async () => {
    const ses = freshSession(t);
    const identity = { displayName: 'Board', vendorId: 0x2341, productId: 0x43 };
    const device = { deviceId: uniqueId('port'), path: `/dev/${uniqueId('ttyACM')}`, ...identity, serialNumber: uniqueId('sn') };
    const portId = await plug(t, 'serial', device);
    const twin = await usbPort(uniqueId('ttyACM'), { ...identity, serialNumber: uniqueId('sn') });
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      (callback as Callback)(portId);
    });
    await t.driver.serial.requestPort({ session: ses, url: PAGE });
    const granted = async (session: unknown) =>
      (await t.driver.serial.getPorts({ session, url: PAGE })).map((p) => p.portId).filter((p) => p === portId || p === twin);
    expect(await granted(ses)).toEqual([portId]);
    await unplug(t, 'serial', portId);
    await plug(t, 'serial', device);
    expect(await granted(ses)).toEqual([portId]);
    expect(await granted(freshSession(t))).toEqual([]);
  });

  it('fails the request at once, with no grant, when no listener calls preventDefault()', async () => {
    const ses = freshSession(t);
    const portId = await usbPort(uniqueId('ttyS'));
    const calls = record(ses, 'select-serial-port');
    expect(await t.driver.serial.requestPort({ session: ses, url: PAGE })).toEqual({ port: null, error: NO_PORT });
    expect(calls).toHaveLength(1);
    expect((await t.driver.serial.getPorts({ session: ses, url: PAGE })).map((p) => p.portId)).not.toContain(portId);
  });

  it("fails the request for '' and for an id that is not in the list", async () => {
    const ses = freshSession(t);
    await usbPort(uniqueId('ttyACM'));
    for (const answer of ['', 'no-such-port']) {
      ses.removeAllListeners('select-serial-port');
      ses.on('select-serial-port', (event, _ports, _wc, callback) => {
        (event as { preventDefault(): void }).preventDefault();
        (callback as Callback)(answer);
      });
      expect(await t.driver.serial.requestPort({ session: ses, url: PAGE })).toEqual({ port: null, error: NO_PORT });
    }
  });

  it("throws gin's TypeErrors for a missing or non-string portId and keeps the chooser open", async () => {
    const ses = freshSession(t);
    const portId = await usbPort(uniqueId('ttyUSB'));
    let errors: (Error | undefined)[] = [];
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      const cb = callback as Callback;
      errors = [thrown(() => cb()), thrown(() => cb(42))];
      cb(portId);
    });
    const outcome = await t.driver.serial.requestPort({ session: ses, url: PAGE });
    expect(errors.map((e) => [e?.constructor.name, e?.message])).toEqual([
      ['TypeError', 'Insufficient number of arguments.'],
      ['TypeError', 'Error processing argument at index 0, conversion failure from '],
    ]);
    expect(outcome.port?.portId).toBe(portId);
  });

  it("fires no event and fails when the check handler denies 'serial'", async () => {
    const ses = freshSession(t);
    await usbPort(uniqueId('ttyUSB'));
    const checks: unknown[] = [];
    ses.setPermissionCheckHandler((_wc, permission) => {
      checks.push(permission);
      return permission !== 'serial';
    });
    const calls = record(ses, 'select-serial-port');
    expect(await t.driver.serial.requestPort({ session: ses, url: PAGE })).toEqual({ port: null, error: NO_PORT });
    expect(checks).toEqual(['serial']);
    expect(calls).toHaveLength(0);
  });

  it('lists only the ports a filter matches (vendor id, and product id with it)', async () => {
    const ses = freshSession(t);
    const a = await usbPort(uniqueId('ttyA'), { vendorId: 0x1234, productId: 1 });
    const b = await usbPort(uniqueId('ttyB'), { vendorId: 0x1234, productId: 2 });
    const c = await usbPort(uniqueId('ttyC'), { vendorId: 0x9999, productId: 1 });
    const seen: string[][] = [];
    ses.on('select-serial-port', (event, ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      seen.push((ports as { portId: string }[]).map((p) => p.portId).filter((id) => [a, b, c].includes(id)));
      (callback as Callback)('');
    });
    await t.driver.serial.requestPort({ session: ses, url: PAGE, filters: [{ usbVendorId: 0x1234 }] });
    await t.driver.serial.requestPort({ session: ses, url: PAGE, filters: [{ usbVendorId: 0x1234, usbProductId: 2 }] });
    await t.driver.serial.requestPort({
      session: ses,
      url: PAGE,
      filters: [{ usbVendorId: 0x1234, usbProductId: 2 }, { usbVendorId: 0x9999 }],
    });
    expect(seen).toEqual([[a, b], [b], [b, c]]);
  });

  it('lists the ports sorted by their names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}[0-9]{0,2}$/), { minLength: 1, maxLength: 6 }),
        async (names) => {
          const ses = freshSession(t);
          const tag = uniqueId('sort');
          const ids: string[] = [];
          for (const name of names) ids.push(await usbPort(`${tag}-${name}`));
          let listed: string[] = [];
          ses.on('select-serial-port', (event, ports, _wc, callback) => {
            (event as { preventDefault(): void }).preventDefault();
            listed = (ports as { portId: string; portName: string }[])
              .filter((p) => ids.includes(p.portId))
              .map((p) => p.portName);
            (callback as Callback)('');
          });
          await t.driver.serial.requestPort({ session: ses, url: PAGE });
          for (const id of ids) await unplug(t, 'serial', id);
          expect(listed).toEqual([...listed].sort());
          expect(listed).toHaveLength(names.length);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("ses.on('serial-port-added') and ses.on('serial-port-removed')", () => {
  it("fire while the chooser is open, with the port and the page's webContents", async () => {
    const ses = freshSession(t);
    const added = record(ses, 'serial-port-added');
    const removed = record(ses, 'serial-port-removed');
    let choose: Callback | undefined;
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      choose = callback as Callback;
    });
    const before = await usbPort(uniqueId('ttyX'));
    const request = t.driver.serial.requestPort({ session: ses, url: PAGE });
    await until(() => choose !== undefined, 'the select event');
    const late = await usbPort(uniqueId('ttyY'), { vendorId: 7 });
    expect(added).toHaveLength(1);
    expect(added[0]![1]).toMatchObject({ portId: late, vendorId: '7' });
    expect((added[0]![2] as PageContents).getURL()).toBe(PAGE);
    await unplug(t, 'serial', before);
    expect(removed.map((args) => (args[1] as { portId: string }).portId)).toEqual([before]);
    expect((removed[0]![2] as PageContents).getURL()).toBe(PAGE);
    // The port that arrived while the chooser was open can be chosen.
    choose!(late);
    expect((await request).port?.portId).toBe(late);
    // Once the chooser answered, the session hears no more of the bus.
    await unplug(t, 'serial', late);
    expect(removed).toHaveLength(1);
  });

  it('fire for devices plugged and unplugged from inside the select listener', async () => {
    const ses = freshSession(t);
    const added = record(ses, 'serial-port-added');
    const removed = record(ses, 'serial-port-removed');
    const id = uniqueId('inside');
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      void (async () => {
        await plug(t, 'serial', { deviceId: id, path: `/dev/${id}` });
        await unplug(t, 'serial', id);
        (callback as Callback)('');
      })();
    });
    await t.driver.serial.requestPort({ session: ses, url: PAGE });
    expect(added.map((a) => (a[1] as { portId: string }).portId)).toEqual([id]);
    expect(removed.map((a) => (a[1] as { portId: string }).portId)).toEqual([id]);
  });

  it("fires 'serial-port-added' for ports the filters do not match only before the current era", async () => {
    const ses = freshSession(t);
    const added = record(ses, 'serial-port-added');
    let choose: Callback | undefined;
    ses.on('select-serial-port', (event, _ports, _wc, callback) => {
      (event as { preventDefault(): void }).preventDefault();
      choose = callback as Callback;
    });
    const request = t.driver.serial.requestPort({ session: ses, url: PAGE, filters: [{ usbVendorId: 1 }] });
    await until(() => choose !== undefined, 'the select event');
    const other = await usbPort(uniqueId('ttyZ'), { vendorId: 2 });
    expect(added.map((a) => (a[1] as { portId: string }).portId)).toEqual(t.era === 'current' ? [] : [other]);
    choose!('');
    await request;
  });
});
