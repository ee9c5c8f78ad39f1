// Sockets opened ahead of need by ses.preconnect(): fully connected (TLS
// handshake and certificate verification included) and parked per origin
// until the pool asks for a connection to that origin. Chromium closes
// preconnected sockets nobody used after a while; so do we.

import type { Socket } from 'node:net';

const UNUSED_TIMEOUT_MS = 10_000;

export class WarmSockets {
  readonly #byOrigin = new Map<string, Socket[]>();

  park(origin: string, socket: Socket): void {
    const list = this.#byOrigin.get(origin) ?? [];
    list.push(socket);
    this.#byOrigin.set(origin, list);
    const timer = setTimeout(() => this.#drop(origin, socket, true), UNUSED_TIMEOUT_MS);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      this.#drop(origin, socket, false);
    });
  }

  /** A parked, still-open socket for `origin`, removed from the park. */
  take(origin: string): Socket | undefined {
    const list = this.#byOrigin.get(origin);
    while (list?.length) {
      const socket = list.shift()!;
      if (!socket.destroyed && socket.readyState === 'open') return socket;
    }
    return undefined;
  }

  count(origin: string): number {
    return this.#byOrigin.get(origin)?.length ?? 0;
  }

  clear(): void {
    for (const list of this.#byOrigin.values()) for (const socket of list) socket.destroy();
    this.#byOrigin.clear();
  }

  #drop(origin: string, socket: Socket, destroy: boolean): void {
    const list = this.#byOrigin.get(origin);
    const index = list?.indexOf(socket) ?? -1;
    if (list && index >= 0) {
      list.splice(index, 1);
      if (destroy) socket.destroy();
    }
  }
}
