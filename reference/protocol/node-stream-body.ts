// A response body read from what a stream protocol handler gave: a Node
// Readable, or any object that emits 'data', 'end' and 'error' (Electron's
// NodeStreamLoader accepts both). The consumer's pace drives the source
// (paused while the body's queue is full) and cancelling the body destroys
// the source, as Electron does when a request is aborted. The source is
// resumed from a task of its own, as NodeStreamLoader reads again only when
// its write into the body's pipe completes: a source that pushes without
// pause (an in-memory stream, an endless one) then never keeps timers and
// I/O from running while its body is read.

import { netError } from '../net/net-error.ts';

interface StreamLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  pause?(): unknown;
  resume?(): unknown;
  destroy?(): unknown;
}

/** Electron's LooksLikeStream: null and undefined count as an empty body. */
export function looksLikeStream(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return isStreamLike(value);
}

export function isStreamLike(value: unknown): value is StreamLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.on === 'function' && typeof v.removeListener === 'function';
}

const HIGH_WATER_MARK = 256 * 1024;

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  return Buffer.from(String(chunk));
}

export function bodyFromNodeStream(source: StreamLike): ReadableStream<Uint8Array> {
  let detach = () => {};
  let finished = false;
  let resuming: NodeJS.Immediate | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const onData = (chunk: unknown) => {
          if (finished) return;
          controller.enqueue(toBytes(chunk));
          if ((controller.desiredSize ?? 1) <= 0) source.pause?.();
        };
        const onEnd = () => {
          if (finished) return;
          finished = true;
          detach();
          controller.close();
        };
        const onError = (error: unknown) => {
          if (finished) return;
          finished = true;
          detach();
          controller.error(netError('ERR_FAILED', error));
        };
        detach = () => {
          if (resuming) clearImmediate(resuming);
          resuming = undefined;
          source.removeListener('data', onData);
          source.removeListener('end', onEnd);
          source.removeListener('error', onError);
        };
        source.on('data', onData);
        source.on('end', onEnd);
        source.on('error', onError);
        source.resume?.();
      },
      pull() {
        resuming ??= setImmediate(() => {
          resuming = undefined;
          if (!finished) source.resume?.();
        });
      },
      cancel() {
        finished = true;
        detach();
        source.destroy?.();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}
