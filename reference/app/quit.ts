// How an app quits, in Electron's order (shell/browser/browser.cc):
// app.quit() emits 'before-quit' and, with no windows to close, 'will-quit'
// (either can be cancelled with event.preventDefault()), then shuts down;
// app.exit(code) shuts down at once, without those two events. Shutting down
// emits 'quit' with the exit code once the sessions have flushed what they hold.

import type { EventEmitter } from 'node:events';
import { createElectronEvent } from '../events/electron-event.ts';

/** What shutting down does beyond the app itself: the instance closes its sessions here. */
export type ShutdownHandler = (crash: boolean) => Promise<void>;

export class QuitSequence {
  readonly #app: EventEmitter;
  #handlers: ShutdownHandler[] = [];
  #quitting = false;
  #exitCode = 0;
  #shutdown: Promise<void> | undefined;

  constructor(app: EventEmitter) {
    this.#app = app;
  }

  /** Runs when the app shuts down, after the handlers added before it. */
  onShutdown(handler: ShutdownHandler): void {
    this.#handlers.push(handler);
  }

  get hasQuit(): boolean {
    return this.#shutdown !== undefined;
  }

  #emitCancellable(name: 'before-quit' | 'will-quit'): boolean {
    const event = createElectronEvent();
    this.#app.emit(name, event);
    return !event.defaultPrevented;
  }

  quit(): void {
    if (this.#quitting || this.#shutdown) return;
    if (!this.#emitCancellable('before-quit')) return;
    this.#quitting = true;
    if (!this.#emitCancellable('will-quit')) {
      this.#quitting = false;
      return;
    }
    void this.shutdown(false);
  }

  exit(exitCode: number): void {
    this.#exitCode = exitCode;
    void this.shutdown(false);
  }

  /**
   * Shuts down once; later calls get the same promise. A crash runs the
   * handlers (which drop what sessions hold) and emits nothing.
   */
  shutdown(crash: boolean): Promise<void> {
    this.#shutdown ??= (async () => {
      this.#quitting = true;
      for (const handler of this.#handlers) await handler(crash);
      if (!crash) this.#app.emit('quit', createElectronEvent(), this.#exitCode);
    })();
    return this.#shutdown;
  }
}
