// Sockets opened ahead of need by ses.preconnect(): fully connected (TLS
// handshake and certificate verification included) and parked per origin
// until the pool asks for a connection to that origin. A request that comes
// while a preconnect is still connecting takes over that attempt, as a
// request binds to a pending connect job in Chromium's pools. Chromium
// closes preconnected sockets nobody used after a while; so do we.

import type { Socket } from 'node:net';

const UNUSED_TIMEOUT_MS = 10_000;

interface Attempt {
  socket: Promise<Socket>;
  claimed: boolean;
}

export class WarmSockets {
  readonly #byOrigin = new Map<string, Socket[]>();
  readonly #attempts = new Map<string, Attempt[]>();

  /** Registers a preconnect in progress; its socket is parked unless a request claims it first. */
  opening(origin: string, socket: Promise<Socket>): void {
    const attempt: Attempt = { socket, claimed: false };
    const list = this.#attempts.get(origin) ?? [];
    list.push(attempt);
    this.#attempts.set(origin, list);
    const settle = () => {
      const index = list.indexOf(attempt);
      if (index >= 0) list.splice(index, 1);
    };
    socket.then((opened) => {
      settle();
      if (!attempt.claimed) this.park(origin, opened);
    }, settle);
  }

  /** A parked socket, or the socket of a preconnect still in progress, for `origin`. */
  claim(origin: string): Socket | Promise<Socket> | undefined {
    const parked = this.take(origin);
    if (parked) return parked;
    const attempt = this.#attempts.get(origin)?.find((a) => !a.claimed);
    if (!attempt) return undefined;
    attempt.claimed = true;
    return attempt.socket;
  }

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

  /** Parked sockets plus preconnects still connecting. */
  count(origin: string): number {
    return (this.#byOrigin.get(origin)?.length ?? 0) + (this.#attempts.get(origin)?.filter((a) => !a.claimed).length ?? 0);
  }

  clear(): void {
    for (const list of this.#byOrigin.values()) for (const socket of list) socket.destroy();
    this.#byOrigin.clear();
    for (const list of this.#attempts.values()) {
      for (const attempt of list) {
        if (attempt.claimed) continue;
        attempt.claimed = true;
        attempt.socket.then(
          (socket) => socket.destroy(),
          () => undefined,
        );
      }
    }
    this.#attempts.clear();
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
