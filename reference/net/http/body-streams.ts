// What the loader does with response bodies: which answers have none,
// reading a redirect's or a refused challenge's body to its end before the
// next hop, and telling how a delivered body ended (read, failed or
// cancelled), which webRequest reports as onCompleted or onErrorOccurred.

import { netError } from '../net-error.ts';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Answers that deliver no body: those statuses, answers to HEAD, and answers that came without one. */
export function hasNullBody(status: number, method: string, body: ReadableStream<Uint8Array> | null): boolean {
  return NULL_BODY_STATUSES.has(status) || method === 'HEAD' || !body;
}

/**
 * Cancels a body nobody will read. A stream that already failed (a request
 * aborted by its caller or by the session's shutdown) answers a cancel with
 * its error; that is no one's concern here, and left alone it would surface
 * as an unhandled rejection.
 */
export function discard(body: ReadableStream<Uint8Array> | null | undefined): void {
  body?.cancel().catch(() => undefined);
}

/** Reads a body to its end, ignoring how it ends. */
export async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
  try {
    const reader = body.getReader();
    for (;;) if ((await reader.read()).done) return;
  } catch {
    // A body we throw away may fail; the next hop does not care.
  }
}

/**
 * Passes a body through and reports how it ended: read to its end
 * (undefined), failed (the error), or cancelled by its reader (ERR_ABORTED).
 */
export function reportingEnd(stream: ReadableStream<Uint8Array>, onEnd: (error?: unknown) => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    onEnd(error);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          end();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    cancel: (reason) => {
      end(netError('ERR_ABORTED'));
      return reader.cancel(reason);
    },
  });
}
