// The devices of a bus as the choosers and pages see them: the driver's
// virtual devices, then, where the bus's real backend is on
// (real-backends.ts), the OS's devices through the real library. Watching
// follows both while the watcher lasts. A backend that is on by default and
// cannot load its library or list shows no devices, as a machine without
// the hardware would; one switched on by its environment switch fails the
// listing with the library's error.

import type { BusListener, PluggedDevice } from './device-bus.ts';
import { virtualBus } from './device-bus.ts';
import type { Bus } from './device-era.ts';
import { enabledRealBus, realBackendRequired } from './real-backends.ts';

export async function connectedDevices(bus: Bus): Promise<PluggedDevice[]> {
  const virtual = await virtualBus(bus).list();
  const real = enabledRealBus(bus);
  if (!real) return virtual;
  const system = await real.list().catch((error: unknown) => {
    if (realBackendRequired(bus)) throw error;
    return [];
  });
  return [...virtual, ...system];
}

/**
 * A device connected now: a virtual one, or one of the real backend's last
 * listing. A page holds only devices a listing gave it (the chooser,
 * getDevices()), so forget() and the other calls on a held device look it
 * up here rather than asking the OS again; the device service works from
 * the device the renderer holds, as Chromium's does.
 */
export function connectedDevice(bus: Bus, deviceId: string): PluggedDevice | undefined {
  return virtualBus(bus).get(deviceId) ?? enabledRealBus(bus)?.get(deviceId);
}

export function watchDevices(bus: Bus, listener: BusListener<PluggedDevice>): () => void {
  const stops = [virtualBus(bus).watch(listener)];
  const real = enabledRealBus(bus);
  if (real) stops.push(real.watch(listener));
  return () => {
    for (const stop of stops) stop();
  };
}
