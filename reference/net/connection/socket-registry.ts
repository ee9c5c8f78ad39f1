// Every socket a session's stack opened and has not yet closed, so
// closeAllConnections() can end them all (pooled, preconnected and in use)
// and nothing else.

import type { Socket } from 'node:net';

export class SocketRegistry {
  readonly #sockets = new Set<Socket>();

  add(socket: Socket): void {
    if (socket.destroyed) return;
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  /**
   * A TLS socket now wraps `raw`: closing must go through the TLS socket
   * (destroying a wrapped socket underneath it lets Node read into a freed
   * TLS state later, a segfault in Node 20).
   */
  replace(raw: Socket, wrapper: Socket): void {
    if (this.#sockets.delete(raw)) this.add(wrapper);
  }

  get size(): number {
    return this.#sockets.size;
  }

  /** Destroys every socket; requests on them fail with `error`. */
  destroyAll(error: Error): void {
    for (const socket of [...this.#sockets]) socket.destroy(error);
    this.#sockets.clear();
  }
}
