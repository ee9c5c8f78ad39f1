// A download's body, read from the network as it arrives into a bounded
// buffer (Chromium's data pipe between the network service and the download
// file). A WHATWG stream that errors drops what it still queues; reading
// eagerly keeps every byte that arrived before a connection broke, so a cut
// body leaves exactly the bytes the server sent. Past the buffer's limit
// nothing more is read, and the connection is held back by TCP.

const LIMIT_BYTES = 1024 * 1024;

export type BodyRead = { done: true } | { done: false; value: Uint8Array[] };

export class PrefetchedBody {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #chunks: Uint8Array[] = [];
  #bytes = 0;
  #end: { error?: unknown } | undefined;
  #wakeReader: (() => void) | undefined;
  #wakeFiller: (() => void) | undefined;
  #cancelled = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.getReader();
    void this.#fill();
  }

  async #fill(): Promise<void> {
    for (;;) {
      while (this.#bytes >= LIMIT_BYTES && !this.#cancelled) await new Promise<void>((resolve) => (this.#wakeFiller = resolve));
      if (this.#cancelled) return;
      try {
        const { done, value } = await this.#reader.read();
        if (done) {
          this.#end = {};
        } else {
          this.#chunks.push(value);
          this.#bytes += value.byteLength;
        }
      } catch (error) {
        this.#end = { error };
      }
      this.#wakeReader?.();
      this.#wakeReader = undefined;
      if (this.#end) return;
    }
  }

  /**
   * Every chunk that has arrived (at least one, waiting for it); after the
   * last one, the end or the error the connection ended with.
   */
  async read(): Promise<BodyRead> {
    for (;;) {
      if (this.#chunks.length) {
        const chunks = this.#chunks.splice(0);
        this.#bytes = 0;
        this.#wakeFiller?.();
        this.#wakeFiller = undefined;
        return { done: false, value: chunks };
      }
      if (this.#end) {
        if ('error' in this.#end) throw this.#end.error;
        return { done: true };
      }
      if (this.#cancelled) return { done: true };
      await new Promise<void>((resolve) => (this.#wakeReader = resolve));
    }
  }

  /**
   * The bytes not yet read (at most `limit`), as a latin1 string, once more
   * than `seen` of them have arrived or the body ended: MIME sniffing's look
   * at the start, which reads nothing.
   */
  async peek(seen: number, limit: number): Promise<string> {
    while (this.#bytes <= seen && !this.#end && !this.#cancelled)
      await new Promise<void>((resolve) => {
        const previous = this.#wakeReader;
        this.#wakeReader = () => {
          previous?.();
          resolve();
        };
      });
    return Buffer.concat(this.#chunks).subarray(0, limit).toString('latin1');
  }

  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#chunks.length = 0;
    this.#wakeFiller?.();
    this.#wakeReader?.();
    void this.#reader.cancel().catch(() => undefined);
  }
}
