// Helpers the device specs share, public API only: fresh sessions, pages
// that ask (URLs only name the frames: device requests travel between the
// page and the app, never over the network), virtual devices plugged in
// for one test and unplugged after it, and recorders for the session's
// device events.

import { onTestFinished } from 'vitest';
import type { SpecHandle } from '../../harness/api/spec-runtime.ts';
import { uniquePartition } from '../support/partitions.ts';

export { thrown, until } from '../support/requests.ts';

export const PAGE = 'https://devices.test/app/index.html';
export const PAGE_ORIGIN = 'https://devices.test';
export const OTHER_PAGE = 'https://other.test/';

export type Handler = (...args: unknown[]) => unknown;

/** A session with the device members, typed loosely enough to call with bad arguments. */
export interface DeviceSession {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  setPermissionCheckHandler(handler: Handler | null): void;
  setDevicePermissionHandler(...args: unknown[]): void;
  setUSBProtectedClassesHandler(...args: unknown[]): void;
  setBluetoothPairingHandler(...args: unknown[]): void;
}

let devices = 0;

export function freshSession(t: SpecHandle): DeviceSession {
  return t.session.fromPartition(uniquePartition('devices')) as unknown as DeviceSession;
}

/** An id no other test (or spec process) uses. */
export function uniqueId(label: string): string {
  return `${label}-${process.pid}-${++devices}`;
}

type Bus = 'serial' | 'hid' | 'usb';
const plugged: { t: SpecHandle; bus: Bus; deviceId: string }[] = [];

/**
 * Plugs a virtual device for the current test; it is unplugged when the test
 * ends. (Per test, not from a hook at this module's top level: spec files that
 * share a worker share this module, and such a hook would serve the first only.)
 */
export async function plug(t: SpecHandle, bus: Bus, device: { deviceId: string; [field: string]: unknown }): Promise<string> {
  await t.driver[bus].plug({ device });
  const entry = { t, bus, deviceId: device.deviceId };
  plugged.push(entry);
  onTestFinished(async () => {
    const index = plugged.indexOf(entry);
    if (index < 0) return; // unplugged by the test
    plugged.splice(index, 1);
    await t.driver[bus].unplug({ deviceId: entry.deviceId });
  });
  return device.deviceId;
}

/** Unplugs a device plugged with plug(). */
export async function unplug(t: SpecHandle, bus: Bus, deviceId: string): Promise<void> {
  const index = plugged.findIndex((p) => p.bus === bus && p.deviceId === deviceId);
  if (index >= 0) plugged.splice(index, 1);
  await t.driver[bus].unplug({ deviceId });
}

/** The listener arguments of every emission of `event` on the session, as they arrive. */
export function record(session: DeviceSession, event: string): unknown[][] {
  const calls: unknown[][] = [];
  session.on(event, (...args: unknown[]) => calls.push(args));
  return calls;
}

export interface PageContents {
  getURL(): string;
}
