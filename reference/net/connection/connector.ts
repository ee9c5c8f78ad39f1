// Opens a session's connections, the way Chromium's socket pools do: a
// preconnected socket for the origin if one is parked, otherwise resolve the
// host with the session's resolver (rules, cache, DoH), connect over TCP to
// each address in turn, and for https run the TLS handshake with the
// session's SSL config and verify the server certificate with the session's
// verifier. Every socket is registered (for closeAllConnections) and, while
// a net log is capturing, logged. It is also undici's `connect` option.

import net, { isIP, type Socket } from 'node:net';
import tls, { type SecureContext, type TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import type { HostResolver } from '../dns/host-resolver.ts';
import { NetError, netError, toNetError } from '../net-error.ts';
import type { NetLogBus, NetLogSource } from '../netlog/net-log-bus.ts';
import type { CertVerifier } from '../tls/cert-verifier.ts';
import type { SocketRegistry } from './socket-registry.ts';
import type { WarmSockets } from './warm-sockets.ts';
import { acceptLenientHeaders } from './lenient-headers.ts';

export interface ConnectTarget {
  protocol: 'http:' | 'https:';
  /** Host as in the URL (IPv6 without brackets). */
  host: string;
  port: number;
}

export interface ConnectorDeps {
  resolver: HostResolver;
  verifier: CertVerifier;
  /** The secure context for new connections (SSL config and trusted CAs). */
  secureContext(): SecureContext;
  registry: SocketRegistry;
  warm: WarmSockets;
  netLog: NetLogBus;
  /** Throws when the session is emulating an offline network. */
  checkOnline(): void;
}

const ALPN = ['h2', 'http/1.1'];

/** OpenSSL handshake failures Chromium reports as a version or cipher mismatch. */
const MISMATCH =
  /HANDSHAKE_FAILURE|NO_CIPHERS|PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|NO_SHARED_CIPHER|VERSION_TOO_LOW/;

export function originOf(target: ConnectTarget): string {
  const host = isIP(target.host) === 6 ? `[${target.host}]` : target.host;
  return `${target.protocol}//${host.toLowerCase()}:${target.port}`;
}

function tlsError(error: unknown): NetError {
  if (error instanceof NetError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (MISMATCH.test(code)) return netError('ERR_SSL_VERSION_OR_CIPHER_MISMATCH', error);
  if (code.startsWith('ERR_SSL_')) return netError('ERR_SSL_PROTOCOL_ERROR', error);
  if (code === 'ECONNRESET' || code === 'EPIPE') return netError('ERR_CONNECTION_RESET', error);
  return toNetError(error);
}

/** The socket, with undici's parser for it made as lenient as Chromium's (lenient-headers.ts). */
function lenient<T extends object>(socket: T): T {
  acceptLenientHeaders(socket);
  return socket;
}

/** Chromium's limit on the TLS handshake of a connect, certificate verification included (SSLConnectJob). */
const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * Rejects when the socket errors or closes, or when the handshake time is
 * up; `stop` ends the watch (an error listener stays, so a late error of a
 * socket nobody holds any more is not an uncaught exception).
 */
function socketEnd(socket: TLSSocket): { promise: Promise<never>; stop(): void } {
  let fail!: (error: unknown) => void;
  const promise = new Promise<never>((_, reject) => (fail = reject));
  promise.catch(() => undefined);
  const onError = (error: Error) => fail(error);
  const onClose = () => fail(netError('ERR_CONNECTION_CLOSED'));
  const timer = setTimeout(() => fail(netError('ERR_TIMED_OUT')), HANDSHAKE_TIMEOUT_MS);
  timer.unref();
  socket.on('error', onError);
  socket.once('close', onClose);
  return {
    promise,
    stop() {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.on('error', () => undefined);
    },
  };
}

export class Connector {
  readonly #deps: ConnectorDeps;
  readonly #sources = new WeakMap<Socket, NetLogSource>();

  constructor(deps: ConnectorDeps) {
    this.#deps = deps;
  }

  /** undici's connector: a connection for the pool. */
  readonly undiciConnect: buildConnector.connector = (options, callback) => {
    const target: ConnectTarget = {
      protocol: options.protocol === 'https:' ? 'https:' : 'http:',
      host: options.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(options.port) || (options.protocol === 'https:' ? 443 : 80),
    };
    const warm = options.httpSocket ? undefined : this.#deps.warm.claim(originOf(target));
    if (warm && !(warm instanceof Promise)) {
      // undici hangs the request when its connector answers within the call
      // (seen with a parked socket); a pool's connect job completes later anyway.
      setImmediate(() => callback(null, lenient(warm)));
      return;
    }
    const opening = options.httpSocket
      ? this.#secure(options.httpSocket, target)
      : warm
        ? warm.catch(() => this.open(target))
        : this.open(target);
    opening.then(
      (socket) => callback(null, lenient(socket)),
      (error: unknown) => callback(toNetError(error), null),
    );
  };

  /** A fresh, registered connection to the target (TLS verified for https). */
  async open(target: ConnectTarget): Promise<Socket> {
    this.#deps.checkOnline();
    const { endpoints, port } = await this.#deps.resolver.resolve(target.host, {}, target.port);
    const source = this.#deps.netLog.source('SOCKET');
    this.#deps.netLog.begin('SOCKET_ALIVE', source);
    const addresses = endpoints.map((e) => ({ address: e.address, port: port ?? target.port }));
    this.#deps.netLog.begin('TCP_CONNECT', source, () => ({
      address_list: addresses.map((a) => (isIP(a.address) === 6 ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`)),
    }));
    let socket: Socket | undefined;
    let lastError: unknown;
    for (const address of addresses) {
      try {
        socket = await this.#tcp(address.address, address.port);
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!socket) {
      const failure = toNetError(lastError ?? netError('ERR_CONNECTION_FAILED'));
      this.#deps.netLog.end('TCP_CONNECT', source, () => ({ net_error: failure.code }));
      this.#deps.netLog.end('SOCKET_ALIVE', source);
      throw failure;
    }
    const connected = socket;
    this.#deps.netLog.end('TCP_CONNECT', source, () => ({ source_address: `${connected.localAddress}:${connected.localPort}` }));
    if (target.protocol === 'http:') {
      this.#track(socket, source);
      return socket;
    }
    // Registered now so closeAllConnections() also ends handshakes in progress.
    this.#deps.registry.add(socket);
    return this.#secure(socket, target, source);
  }

  #tcp(address: string, port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: address, port, noDelay: true });
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.removeListener('error', fail);
        resolve(socket);
      });
    });
  }

  /**
   * TLS to `target` over a stream that is already open (a proxy tunnel), with
   * the session's SSL config and certificate verification, as for a direct
   * connection. `alpn` narrows the protocols offered.
   */
  secureOver(raw: Socket, target: Omit<ConnectTarget, 'protocol'>, alpn: readonly string[] = ALPN): Promise<TLSSocket> {
    return this.#secure(raw, { ...target, protocol: 'https:' }, undefined, alpn);
  }

  async #secure(raw: Socket, target: ConnectTarget, source?: NetLogSource, alpn: readonly string[] = ALPN): Promise<TLSSocket> {
    const log = this.#deps.netLog;
    const src = source ?? log.source('SOCKET');
    log.begin('SSL_CONNECT', src);
    const socket = tls.connect({
      socket: raw,
      servername: isIP(target.host) ? undefined : target.host,
      secureContext: this.#deps.secureContext(),
      ALPNProtocols: [...alpn],
      rejectUnauthorized: false,
      // Host name checks are the verifier's job, so they combine with chain errors as in Chromium.
      checkServerIdentity: () => undefined,
    });
    this.#deps.registry.replace(raw, socket);
    // The handshake and the verification end together when the socket fails
    // or closes (closeAllConnections, shutdown) or when Chromium's limit on
    // the TLS part of a connect passes (a verify proc that never answers).
    const ended = socketEnd(socket);
    let verdict: number;
    try {
      await Promise.race([new Promise<void>((resolve) => socket.once('secureConnect', () => resolve())), ended.promise]).catch(
        (error: unknown) => {
          throw tlsError(error);
        },
      );
      log.begin('CERT_VERIFIER_REQUEST', src, () => ({ host: target.host }));
      verdict = await Promise.race([this.#deps.verifier.verify(target.host, socket), ended.promise]).catch((error: unknown) => {
        const failure = toNetError(error);
        log.end('CERT_VERIFIER_REQUEST', src, () => ({ net_error: failure.code }));
        throw failure;
      });
      log.end('CERT_VERIFIER_REQUEST', src, () => ({ net_error: verdict }));
    } catch (error) {
      ended.stop();
      socket.destroy();
      raw.destroy();
      const failure = error as NetError;
      log.end('SSL_CONNECT', src, () => ({ net_error: failure.code }));
      throw failure;
    }
    ended.stop();
    if (verdict !== 0) {
      socket.destroy();
      log.end('SSL_CONNECT', src, () => ({ net_error: verdict }));
      throw new NetError(verdict);
    }
    log.end('SSL_CONNECT', src, () => ({
      version: socket.getProtocol(),
      cipher_suite: socket.getCipher()?.standardName,
      next_proto: socket.alpnProtocol || 'http/1.1',
    }));
    this.#track(socket, src);
    return socket;
  }

  /** Registers the socket and logs its bytes while a capture runs. */
  #track(socket: Socket, source: NetLogSource): void {
    this.#sources.set(socket, source);
    this.#deps.registry.add(socket);
    const log = this.#deps.netLog;
    const logBytes = (type: 'SOCKET_BYTES_SENT' | 'SOCKET_BYTES_RECEIVED', chunk: unknown) => {
      if (!log.capturing || !(typeof chunk === 'string' || chunk instanceof Uint8Array)) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      log.event(type, source, (mode) => ({
        byte_count: bytes.length,
        ...(mode === 'everything' ? { bytes: bytes.toString('base64') } : {}),
      }));
    };
    // undici's HTTP/1.1 client writes with write() and reads with read(); HTTP/2 sessions
    // move bytes natively, so only their totals are unknown to the log.
    const write = socket.write;
    socket.write = function (this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
      logBytes('SOCKET_BYTES_SENT', chunk);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof socket.write;
    const read = socket.read;
    socket.read = function (this: Socket, size?: number) {
      const chunk = read.call(this, size) as Buffer | string | null;
      if (chunk) logBytes('SOCKET_BYTES_RECEIVED', chunk);
      return chunk;
    };
    socket.once('close', () => log.end('SOCKET_ALIVE', source));
  }

  /** The net log source of a socket this connector opened. */
  sourceOf(socket: Socket): NetLogSource | undefined {
    return this.#sources.get(socket);
  }
}
