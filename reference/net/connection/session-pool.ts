// A session's connection pool: per origin, up to six undici Clients (one
// connection each, HTTP/1.1 or HTTP/2 by ALPN), like Chromium's socket
// pool groups. A request goes to an idle open connection first, then to an
// idle closed one (which reconnects), then to a new connection while under
// the limit, and otherwise queues on the least busy one. undici's own Pool
// leaves a connection unused for a while after a request with a body,
// which would make sequential requests open needless connections.

import { Client, Dispatcher } from 'undici';

/** The largest response head (status line and headers) accepted, as Chromium's HttpStreamParser. */
const MAX_RESPONSE_HEAD_BYTES = 256 * 1024;

export interface SessionPoolOptions {
  connect: Client.Options['connect'];
  connectionsPerOrigin: number;
  keepAliveTimeout: number;
  keepAliveMaxTimeout: number;
}

class OriginPool {
  readonly #origin: string;
  readonly #options: SessionPoolOptions;
  readonly clients: Client[] = [];

  constructor(origin: string, options: SessionPoolOptions) {
    this.#origin = origin;
    this.#options = options;
  }

  #pick(): Client {
    const idle = this.clients.filter((c) => !c.closed && !c.destroyed && c.stats.size === 0);
    const open = idle.find((c) => c.stats.connected);
    if (open) return open;
    if (idle[0]) return idle[0];
    if (this.clients.length < this.#options.connectionsPerOrigin) {
      const client = new Client(this.#origin, {
        connect: this.#options.connect,
        allowH2: true,
        // Chromium's HttpStreamParser accepts response heads up to 256 KiB (kMaxHeaderBufSize).
        maxHeaderSize: MAX_RESPONSE_HEAD_BYTES,
        keepAliveTimeout: this.#options.keepAliveTimeout,
        keepAliveMaxTimeout: this.#options.keepAliveMaxTimeout,
      });
      this.clients.push(client);
      return client;
    }
    return this.clients.reduce((a, b) => (b.stats.size < a.stats.size ? b : a));
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.#pick().dispatch(options, handler);
  }
}

export class SessionPool extends Dispatcher {
  readonly #options: SessionPoolOptions;
  readonly #origins = new Map<string, OriginPool>();
  #closed = false;

  constructor(options: SessionPoolOptions) {
    super();
    this.#options = options;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.#closed) throw new Error('the session pool is closed');
    const key = new URL(String(options.origin)).origin;
    let pool = this.#origins.get(key);
    if (!pool) this.#origins.set(key, (pool = new OriginPool(key, this.#options)));
    return pool.dispatch(options, handler);
  }

  #clients(): Client[] {
    return [...this.#origins.values()].flatMap((pool) => pool.clients);
  }

  /** Lets requests in flight finish, then closes every connection. */
  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    this.#closed = true;
    const done = Promise.all(this.#clients().map((c) => c.close().catch(() => undefined))).then(() => undefined);
    if (callback) void done.then(callback);
    else return done;
  }

  /** Ends every connection now; requests in flight fail with `error`. */
  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(a?: Error | null | (() => void), b?: () => void): Promise<void> | void {
    this.#closed = true;
    const error = typeof a === 'function' ? null : (a ?? null);
    const callback = typeof a === 'function' ? a : b;
    const done = Promise.all(this.#clients().map((c) => c.destroy(error).catch(() => undefined))).then(() => undefined);
    if (callback) void done.then(callback);
    else return done;
  }
}
