// What the real backends share: a bus over a native library that reports
// the OS's devices. Each scan is compared with the last one, so a device
// that appears gets a fresh connection number (as a plugged-in virtual
// device does) and watchers hear of devices that came and went. Watching
// follows the library's own hotplug events where it has them and polls the
// OS at a modest interval otherwise, and only while someone watches: the
// timer is unref'd and stops with the last watcher, so no handle outlives
// its use. The library itself is imported lazily by each source, so the
// reference loads where a native binding cannot; a library that fails to
// load is an error naming the package.

import type { BusListener, DeviceBackend, PluggedDevice } from './device-bus.ts';
import type { Bus } from './device-era.ts';

/** The OS side of a real bus. */
export interface RealSource {
  /** What the OS reports now, each device with a deviceId of its own and no connection number. */
  scan(): Promise<PluggedDevice[]>;
  /**
   * The library's own change events: calls `changed` on each attach or detach
   * and resolves to the function that stops them. Without it the bus polls.
   */
  subscribe?(changed: () => void): Promise<() => void>;
}

/** How often a watched bus without hotplug events asks the OS. */
export const POLL_INTERVAL_MS = 1000;

/** The error of a backend whose optional package did not load. */
export function libraryError(pkg: string, bus: Bus, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`the real ${bus} backend needs the optional package '${pkg}', which could not be loaded: ${reason}`, {
    cause,
  });
}

/** Imports an optional package once; a failure is the error naming it, every time it is asked for. */
export function lazyLibrary<T>(pkg: string, bus: Bus, load: () => Promise<unknown>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().then(
      (module) => ((module as { default?: unknown }).default ?? module) as T,
      (cause: unknown) => {
        throw libraryError(pkg, bus, cause);
      },
    );
    return loaded;
  };
}

export class RealBus implements DeviceBackend<PluggedDevice> {
  readonly #source: RealSource;
  readonly #pollMs: number;
  readonly #listeners = new Set<BusListener<PluggedDevice>>();
  #known = new Map<string, PluggedDevice>();
  #scanned = false;
  #connections = 0;
  /** Scans run one after another, so their results are compared in order. */
  #queue: Promise<unknown> = Promise.resolve();
  #stopWatching: (() => void) | null = null;

  constructor(source: RealSource, pollMs = POLL_INTERVAL_MS) {
    this.#source = source;
    this.#pollMs = pollMs;
  }

  list(): Promise<PluggedDevice[]> {
    const next = this.#queue.then(async () => this.#reconcile(await this.#source.scan()));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** A device of the last scan. */
  get(deviceId: string): PluggedDevice | undefined {
    return this.#known.get(deviceId);
  }

  watch(listener: BusListener<PluggedDevice>): () => void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#startWatching();
    return () => {
      if (!this.#listeners.delete(listener) || this.#listeners.size > 0) return;
      this.#stopWatching?.();
      this.#stopWatching = null;
    };
  }

  /** Whether the bus holds a timer or library subscription now. */
  get watching(): boolean {
    return this.#stopWatching !== null;
  }

  #reconcile(scanned: readonly PluggedDevice[]): PluggedDevice[] {
    const next = new Map<string, PluggedDevice>();
    for (const device of scanned) {
      if (next.has(device.deviceId)) continue;
      const known = this.#known.get(device.deviceId);
      next.set(device.deviceId, known ?? Object.freeze({ ...device, connection: ++this.#connections }));
    }
    const removed = [...this.#known.values()].filter((device) => !next.has(device.deviceId));
    const added = [...next.values()].filter((device) => !this.#known.has(device.deviceId));
    const report = this.#scanned;
    this.#known = next;
    this.#scanned = true;
    // The first scan is the baseline: what was there before anyone looked is not news.
    if (report) {
      for (const listener of [...this.#listeners]) {
        for (const device of removed) listener.removed(device);
        for (const device of added) listener.added(device);
      }
    }
    return [...next.values()];
  }

  #startWatching(): void {
    // A failed scan while watching is retried by the next change or tick; the caller of list() sees the error.
    const rescan = () => void this.list().catch(() => undefined);
    if (!this.#scanned) rescan();
    if (!this.#source.subscribe) {
      const timer = setInterval(rescan, this.#pollMs);
      timer.unref();
      this.#stopWatching = () => clearInterval(timer);
      return;
    }
    let stopped = false;
    let unsubscribe: (() => void) | null = null;
    this.#stopWatching = () => {
      stopped = true;
      unsubscribe?.();
    };
    this.#source.subscribe(rescan).then(
      (stop) => {
        if (stopped) stop();
        else unsubscribe = stop;
      },
      () => undefined,
    );
  }
}
