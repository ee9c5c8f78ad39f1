// The network emulation layer, as an undici interceptor so every dispatcher
// of the session (direct or through a proxy) gets it. Offline fails new
// requests with net::ERR_INTERNET_DISCONNECTED and ends those in flight;
// latency holds each request back by one round-trip time before it is sent;
// throughput paces request bodies on the way out and response bodies on the
// way in (data waits here and leaves in slices; once too much waits, the
// connection is paused, so the server feels the back-pressure).
// Conditions are read live: a change applies to new requests and to bodies
// already streaming.

import type { Dispatcher } from 'undici';
import { netError } from '../net-error.ts';
import type { NetworkEmulation } from './network-conditions.ts';

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

/** Pacing granularity: a burst of this many ms worth of bytes, then a wait. */
const SLICE_MS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An async iterable that yields `body` no faster than `rate()` bytes per second. */
async function* pacedBody(body: Uint8Array, rate: () => number): AsyncGenerator<Uint8Array> {
  let offset = 0;
  while (offset < body.length) {
    const bytesPerSecond = rate();
    if (bytesPerSecond <= 0) {
      yield body.subarray(offset);
      return;
    }
    const slice = Math.max(1, Math.floor((bytesPerSecond * SLICE_MS) / 1000));
    const chunk = body.subarray(offset, offset + slice);
    offset += chunk.length;
    yield chunk;
    await sleep((chunk.length / bytesPerSecond) * 1000);
  }
}

/** Bytes a throttled response may hold before the connection is paused. */
const QUEUE_LIMIT = 256 * 1024;

/**
 * Hands response data to the next handler no faster than the session's
 * download rate: arriving chunks queue here and leave in slices, and the
 * end of the response waits for the queue to drain.
 */
class ThrottledResponse implements Handler {
  readonly #inner: Handler;
  readonly #emulation: NetworkEmulation;
  readonly #stopOffline: () => void;
  readonly #queue: Buffer[] = [];
  #queued = 0;
  #controller: Controller | undefined;
  #timer: NodeJS.Timeout | undefined;
  #ended: { trailers: Record<string, string | string[] | undefined> } | undefined;
  #failed = false;

  constructor(inner: Handler, emulation: NetworkEmulation) {
    this.#inner = inner;
    this.#emulation = emulation;
    this.#stopOffline = emulation.onOffline(() => this.#controller?.abort(netError('ERR_INTERNET_DISCONNECTED')));
  }

  onRequestStart(controller: Controller, context: unknown): void {
    this.#controller = controller;
    this.#inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    socket: import('node:stream').Duplex,
  ): void {
    this.#inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Controller,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    this.#inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.#emulation.conditions.downloadThroughput <= 0 && !this.#queue.length) {
      this.#inner.onResponseData?.(controller, chunk);
      return;
    }
    this.#queue.push(chunk);
    this.#queued += chunk.length;
    if (this.#queued > QUEUE_LIMIT && !controller.paused) controller.pause();
    if (!this.#timer) this.#pump();
  }

  onResponseEnd(controller: Controller, trailers: Record<string, string | string[] | undefined>): void {
    if (this.#queue.length) {
      this.#ended = { trailers };
      return;
    }
    this.#finish();
    this.#inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Controller, error: Error): void {
    this.#failed = true;
    this.#queue.length = 0;
    this.#finish();
    this.#inner.onResponseError?.(controller, error);
  }

  /** Delivers one slice, then waits as long as the rate asks before the next. */
  #pump(): void {
    this.#timer = undefined;
    const controller = this.#controller!;
    if (this.#failed) return;
    const rate = this.#emulation.conditions.downloadThroughput;
    if (!this.#queue.length) {
      if (this.#ended) {
        this.#finish();
        this.#inner.onResponseEnd?.(controller, this.#ended.trailers);
      }
      return;
    }
    let slice = rate > 0 ? Math.max(1, Math.floor((rate * SLICE_MS) / 1000)) : this.#queued;
    let sent = 0;
    while (slice > 0 && this.#queue.length) {
      const head = this.#queue[0]!;
      const part = head.length <= slice ? head : head.subarray(0, slice);
      if (part === head) this.#queue.shift();
      else this.#queue[0] = head.subarray(slice);
      slice -= part.length;
      sent += part.length;
      this.#queued -= part.length;
      this.#inner.onResponseData?.(controller, part);
    }
    if (this.#queued <= QUEUE_LIMIT && controller.paused) controller.resume();
    this.#timer = setTimeout(() => this.#pump(), rate > 0 ? (sent / rate) * 1000 : 0);
  }

  #finish(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stopOffline();
  }
}

export function emulationInterceptor(emulation: NetworkEmulation): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) =>
    function emulate(opts, handler) {
      const conditions = emulation.conditions;
      if (conditions.offline) {
        handler.onResponseError?.(null as unknown as Controller, netError('ERR_INTERNET_DISCONNECTED'));
        return true;
      }
      const paced =
        conditions.uploadThroughput > 0 && opts.body instanceof Uint8Array
          ? {
              ...opts,
              body: pacedBody(
                opts.body,
                () => emulation.conditions.uploadThroughput,
              ) as unknown as Dispatcher.DispatchOptions['body'],
            }
          : opts;
      const wrapped = new ThrottledResponse(handler, emulation);
      if (conditions.latency > 0) {
        setTimeout(() => {
          if (emulation.conditions.offline) {
            wrapped.onResponseError(null as unknown as Controller, netError('ERR_INTERNET_DISCONNECTED'));
            return;
          }
          dispatch(paced, wrapped);
        }, conditions.latency);
        return true;
      }
      return dispatch(paced, wrapped);
    };
}
