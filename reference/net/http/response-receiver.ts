// An undici dispatch handler that turns one exchange into a status, headers
// and a WHATWG ReadableStream body. Reading drives the socket: when the
// stream's queue is full the connection is paused, and resumed when the
// reader pulls again, so a slow consumer slows the server down rather than
// filling memory. Cancelling the stream aborts the exchange. A connection
// the server closes mid-body fails the body the way Chromium's
// HttpStreamParser names it: a chunked body that never got its last chunk,
// or fewer bytes than Content-Length promised.

import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import { netError, toNetError } from '../net-error.ts';
import { isAbortReason } from './abort.ts';

type Controller = Dispatcher.DispatchController;
export type RawHeaders = Record<string, string | string[] | undefined>;

export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: RawHeaders;
  /** Header lines in arrival order with their names' case, when the connection kept it (HTTP/1.1). */
  rawHeaders?: [string, string][];
  body: ReadableStream<Uint8Array>;
  /** The connection a 101 to an upgrade request handed over. */
  socket?: Duplex;
}

/** undici's controller carries the raw header list (Buffers or strings, name then value). */
function headerLines(controller: Controller): [string, string][] | undefined {
  const raw = (controller as { rawHeaders?: unknown }).rawHeaders;
  if (!Array.isArray(raw)) return undefined;
  const text = (v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v));
  const lines: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) lines.push([text(raw[i]), text(raw[i + 1])]);
  return lines;
}

const HIGH_WATER_MARK = 256 * 1024;

export class ResponseReceiver implements Dispatcher.DispatchHandler {
  readonly response: Promise<ReceivedResponse>;
  #resolve!: (response: ReceivedResponse) => void;
  #reject!: (error: unknown) => void;
  #controller: Controller | undefined;
  #stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  #started = false;
  /** How the body's end is known: its last chunk, Content-Length, or the connection closing. */
  #framing: 'chunked' | 'length' | 'close' = 'close';
  #done = false;
  #pendingAbort: unknown;
  #ended: { error?: unknown } | undefined;
  readonly #endListeners: ((error?: unknown) => void)[] = [];
  readonly #onChunk: ((chunk: Buffer) => void) | undefined;

  constructor(hooks: { onBodyEnd?: (error?: unknown) => void; onChunk?: (chunk: Buffer) => void } = {}) {
    this.response = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // The caller attaches its own handlers; an early failure must not be an unhandled rejection.
    this.response.catch(() => undefined);
    if (hooks.onBodyEnd) this.#endListeners.push(hooks.onBodyEnd);
    this.#onChunk = hooks.onChunk;
  }

  /** Calls `listener` once the exchange is over (body read, failed or aborted), at once if it already is. */
  whenDone(listener: (error?: unknown) => void): void {
    if (this.#ended) listener(this.#ended.error);
    else this.#endListeners.push(listener);
  }

  #end(error?: unknown): void {
    this.#ended = error === undefined ? {} : { error };
    for (const listener of this.#endListeners.splice(0)) listener(error);
  }

  /**
   * Aborts the exchange, before or after the response started. Before undici
   * has started the request (it may still wait for a connection, a TLS
   * handshake or a verify proc) the response fails at once; undici is told
   * when it starts the request.
   */
  abort(reason: unknown): void {
    if (this.#done) return;
    if (this.#controller) {
      this.#controller.abort(reason as Error);
      return;
    }
    this.#pendingAbort = reason;
    this.#done = true;
    this.#reject(reason);
    this.#end(reason);
  }

  onRequestStart(controller: Controller): void {
    this.#controller = controller;
    if (this.#pendingAbort !== undefined) controller.abort(this.#pendingAbort as Error);
  }

  /** undici's older hook, called instead of onRequestStart by some dispatchers. */
  onConnect(abort: (reason?: Error) => void): void {
    if (this.#pendingAbort !== undefined) abort(this.#pendingAbort as Error);
  }

  onResponseStart(controller: Controller, statusCode: number, headers: RawHeaders, statusMessage?: string): void {
    this.#started = true;
    this.#framing = framingOf(headers);
    const body = new ReadableStream<Uint8Array>(
      {
        start: (c) => {
          this.#stream = c;
        },
        pull: () => {
          if (controller.paused) controller.resume();
        },
        cancel: (reason) => {
          if (!this.#done) controller.abort(reason instanceof Error ? reason : netError('ERR_ABORTED'));
        },
      },
      { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
    const rawHeaders = headerLines(controller);
    this.#resolve({ status: statusCode, statusText: statusMessage ?? '', headers, ...(rawHeaders ? { rawHeaders } : {}), body });
  }

  /** A 101 to an upgrade request: the connection is the caller's now, and the exchange is over. */
  onRequestUpgrade(_controller: Controller, statusCode: number, headers: RawHeaders, socket: Duplex): void {
    this.#started = true;
    this.#done = true;
    const body = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    this.#resolve({ status: statusCode, statusText: 'Switching Protocols', headers, body, socket });
    this.#end();
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    const stream = this.#stream;
    if (!stream) return;
    this.#onChunk?.(chunk);
    stream.enqueue(chunk);
    if ((stream.desiredSize ?? 1) <= 0) controller.pause();
  }

  onResponseEnd(): void {
    this.#done = true;
    // undici frees the connection in an immediate it queues after this
    // callback returns: a reader that saw the end first and sent its next
    // request would find the connection busy and open another, where Chromium
    // reuses the idle one. So the end is told after that immediate.
    setImmediate(() =>
      setImmediate(() => {
        try {
          this.#stream?.close();
        } catch {
          // Already cancelled by the reader.
        }
        this.#end();
      }),
    );
  }

  onResponseError(_controller: Controller | null, error: Error): void {
    if (this.#done) return;
    this.#done = true;
    const failure = isAbortReason(error) ? error : (this.#bodyCutShort(error) ?? toNetError(error));
    if (!this.#started) {
      this.#reject(failure);
    } else {
      try {
        this.#stream?.error(failure);
      } catch {
        // The reader already went away.
      }
    }
    this.#end(failure);
  }

  /** The error of a body whose connection closed before the body's framing said it was over. */
  #bodyCutShort(error: Error): Error | undefined {
    if (!this.#started || this.#framing === 'close' || (error as { code?: unknown }).code !== 'UND_ERR_SOCKET') return undefined;
    return netError(this.#framing === 'chunked' ? 'ERR_INCOMPLETE_CHUNKED_ENCODING' : 'ERR_CONTENT_LENGTH_MISMATCH', error);
  }
}

function framingOf(headers: RawHeaders): 'chunked' | 'length' | 'close' {
  const value = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  if (/(?:^|,)\s*chunked\s*$/i.test(value('transfer-encoding') ?? '')) return 'chunked';
  return value('content-length') !== undefined ? 'length' : 'close';
}
