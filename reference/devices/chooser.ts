// What the three device choosers share: emitting a session event with
// Electron's event object (the select event's listener must call
// preventDefault() to keep the chooser open), the one answer a chooser
// gives its page, and watching the bus (its virtual devices, and its real
// ones where that backend is on) only while the chooser is open.

import type { EventEmitter } from 'node:events';
import { createElectronEvent } from '../events/electron-event.ts';
import { watchDevices } from './connected-devices.ts';
import type { BusListener, PluggedDevice } from './device-bus.ts';
import type { Bus } from './device-era.ts';

/** Emits `name` on the session with a fresh event first; true if a listener prevented the default. */
export function emitOnSession(session: unknown, name: string, ...args: unknown[]): boolean {
  const event = createElectronEvent();
  (session as EventEmitter).emit(name, event, ...args);
  return event.defaultPrevented;
}

/** Chromium posts the chooser's device enumeration as a task: the select event never fires synchronously. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A chooser that is open until it answers once: `watch` follows the bus in
 * the meantime, `answer` settles the page's promise and stops watching;
 * later answers are ignored (Electron's callback has already run).
 */
export class OpenChooser<R> {
  readonly #resolve: (result: R) => void;
  #stop: (() => void) | null = null;
  #done = false;

  constructor(resolve: (result: R) => void) {
    this.#resolve = resolve;
  }

  get done(): boolean {
    return this.#done;
  }

  watch(bus: Bus, listener: BusListener<PluggedDevice>): void {
    this.#stop = watchDevices(bus, listener);
  }

  answer(result: R): void {
    if (this.#done) return;
    this.#done = true;
    this.#stop?.();
    this.#resolve(result);
  }
}

/** Electron's util::EmitWarning: process.emitWarning with a type. */
export function emitProcessWarning(message: string, type: string): void {
  process.emitWarning(message, type);
}
