// A request ends when its caller aborts or its session shuts down, whatever
// it is waiting for: a blocking webRequest listener, a protocol handler, the
// proxy resolver, a connection, or the body of an answer that no socket
// carries (a handler's stream, a file). These helpers make each wait honour
// the request's signal.

/** The reason a signal gives, or the DOMException fetch uses. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Whether `error` is an abort reason a caller's signal gave (passed through untouched, not a network failure). */
export function isAbortReason(error: unknown): boolean {
  return error instanceof DOMException || (error as { name?: unknown })?.name === 'AbortError';
}

/** Waits for `value`, but never past the signal's abort. */
export function untilAborted<T>(value: Promise<T> | T, signal: AbortSignal | null): Promise<T> | T {
  if (!signal || !(value instanceof Promise)) return value;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    value.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A body that fails with the abort reason when the signal aborts before it is read to its end. */
export function abortableBody(body: ReadableStream<Uint8Array>, signal: AbortSignal | null): ReadableStream<Uint8Array> {
  if (!signal) return body;
  const reader = body.getReader();
  let onAbort: (() => void) | undefined;
  const detach = () => {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    onAbort = undefined;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        detach();
        const reason = abortReason(signal);
        controller.error(reason);
        reader.cancel(reason).catch(() => undefined);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          detach();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        detach();
        controller.error(error);
      }
    },
    cancel(reason) {
      detach();
      return reader.cancel(reason);
    },
  });
}
