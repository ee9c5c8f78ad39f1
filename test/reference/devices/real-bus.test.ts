// RealBus, the part the three real backends share, over a source whose
// devices are files in a temporary folder: creating a file is plugging a
// device in, deleting it unplugging it, so the bus's comparison of scans,
// its connection numbers and its polling run against a changing world.

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PluggedDevice } from '../../../reference/devices/device-bus.ts';
import { lazyLibrary, RealBus } from '../../../reference/devices/real-bus.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folderBus(pollMs = 50): { bus: RealBus; plug(name: string): void; unplug(name: string): void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'real-bus-'));
  folders.push(folder);
  const scan = async (): Promise<PluggedDevice[]> =>
    readdirSync(folder)
      .sort()
      .map((name) => ({ deviceId: name, name }));
  return {
    bus: new RealBus({ scan }, pollMs),
    plug: (name) => writeFileSync(path.join(folder, name), ''),
    unplug: (name) => rmSync(path.join(folder, name)),
  };
}

/** Waits until check() holds (vitest polls it), naming what it waited for if it gives up. */
async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitUntil(check, { timeout: 5000, interval: 10 }).catch(() => {
    throw new Error(`timed out waiting for ${what}`);
  });
}

describe('RealBus', () => {
  it('numbers each appearance of a device and keeps the number while it stays', async () => {
    const { bus, plug, unplug } = folderBus();
    plug('a');
    const [first] = await bus.list();
    expect(first).toEqual({ deviceId: 'a', name: 'a', connection: 1 });
    expect(Object.isFrozen(first)).toBe(true);
    expect((await bus.list())[0]!.connection).toBe(1);
    expect(bus.get('a')).toBe(first);
    unplug('a');
    expect(await bus.list()).toEqual([]);
    expect(bus.get('a')).toBeUndefined();
    plug('a');
    expect((await bus.list())[0]!.connection).toBe(2);
  });

  it('tells watchers what came and went, by polling while watched, and not what was there before', async () => {
    const { bus, plug, unplug } = folderBus();
    plug('before');
    await bus.list();
    const events: string[] = [];
    const stop = bus.watch({ added: (d) => events.push(`+${d.deviceId}`), removed: (d) => events.push(`-${d.deviceId}`) });
    plug('new');
    await until(() => events.includes('+new'), 'the added device');
    unplug('before');
    await until(() => events.includes('-before'), 'the removed device');
    expect(events).toEqual(['+new', '-before']);
    stop();
    expect(bus.watching).toBe(false);
    plug('unwatched');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(['+new', '-before']);
  });

  it('takes its first scan as the baseline when watching starts before any listing', async () => {
    const { bus, plug } = folderBus();
    plug('present');
    const events: string[] = [];
    const stop = bus.watch({ added: (d) => events.push(`+${d.deviceId}`), removed: (d) => events.push(`-${d.deviceId}`) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    plug('later');
    await until(() => events.length > 0, 'an event');
    expect(events).toEqual(['+later']);
    stop();
  });

  it('follows a source’s own change events instead of polling', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'real-bus-'));
    folders.push(folder);
    let notify: (() => void) | null = null;
    let subscriptions = 0;
    const bus = new RealBus(
      {
        scan: async () => readdirSync(folder).map((name) => ({ deviceId: name })),
        subscribe: async (changed) => {
          subscriptions++;
          notify = changed;
          return () => {
            notify = null;
          };
        },
      },
      60_000,
    );
    await bus.list();
    const added: string[] = [];
    const stop = bus.watch({ added: (d) => added.push(d.deviceId), removed() {} });
    await until(() => notify !== null, 'the subscription');
    writeFileSync(path.join(folder, 'hotplugged'), '');
    notify!();
    await until(() => added.length > 0, 'the attach');
    expect(added).toEqual(['hotplugged']);
    stop();
    expect(notify).toBeNull();
    expect(subscriptions).toBe(1);
  });

  it('names the optional package that failed to load, every time it is asked for', async () => {
    const load = lazyLibrary('no-such-native-package', 'hid', () => import('no-such-native-package' as string));
    await expect(load()).rejects.toThrow(
      /^the real hid backend needs the optional package 'no-such-native-package', which could not be loaded: /,
    );
    await expect(load()).rejects.toThrow(/no-such-native-package/);
  });
});
