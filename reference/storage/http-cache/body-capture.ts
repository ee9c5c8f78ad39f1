// Copies a response body into the cache while the caller reads it. The body
// is read ahead of the caller up to a window, as Chromium's URL loader fills
// its data pipe whether or not the page reads, so a small body is complete
// (and stored) even if nobody consumes it; past the window, reading follows
// the caller. A body the caller cancels, that fails, or that outgrows the
// cache's entry limit is not stored.

/** How far the cache reads ahead of the caller (a data pipe's capacity). */
export const READ_AHEAD_BYTES = 1024 * 1024;

export function captureBody(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
  done: (body: Uint8Array | null) => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let keeping = true;
  let finished = false;
  const finish = (complete: boolean) => {
    if (finished) return;
    finished = true;
    done(complete && keeping ? Buffer.concat(chunks) : null);
    chunks.length = 0;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done: end, value } = await reader.read();
          if (end) {
            controller.close();
            finish(true);
            return;
          }
          if (keeping) {
            size += value.byteLength;
            if (size > maxBytes) {
              keeping = false;
              chunks.length = 0;
            } else {
              chunks.push(value);
            }
          }
          controller.enqueue(value);
        } catch (error) {
          controller.error(error);
          finish(false);
        }
      },
      cancel(reason) {
        finish(false);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: READ_AHEAD_BYTES, size: (chunk) => chunk.byteLength },
  );
}

/** A body already held in memory, as a stream. */
export function bodyStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength) controller.enqueue(bytes);
      controller.close();
    },
  });
}
