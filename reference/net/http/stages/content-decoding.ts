// Network answers sent with Content-Encoding gzip (x-gzip), deflate or br
// reach the caller decoded, as Chromium's URL loader decodes them (it asks
// for exactly these, see request-defaults.ts); other encodings pass as they
// came. A body that fails to decode fails with ERR_CONTENT_DECODING_FAILED.

import { Duplex } from 'node:stream';
import type { ReadableWritablePair } from 'node:stream/web';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { NetError, netError } from '../../net-error.ts';
import { hasNullBody } from '../body-streams.ts';
import { headerValues } from '../header-lines.ts';
import type { LoaderStage } from './stage.ts';

/** Maps stream errors (e.g. zlib's) to net errors as they pass. */
function mapErrors(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error instanceof NetError ? error : netError('ERR_CONTENT_DECODING_FAILED', error));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** `body` decoded from `encodings`, applied in the order listed (so undone last to first). */
function decode(body: ReadableStream<Uint8Array>, encodings: string[]): ReadableStream<Uint8Array> {
  let stream = body;
  for (const encoding of [...encodings].reverse()) {
    const z =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : null;
    if (!z) continue;
    stream = stream.pipeThrough(Duplex.toWeb(z) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  }
  return stream === body ? body : mapErrors(stream);
}

export const contentDecoding: LoaderStage = {
  name: 'content-decoding',
  async run(exchange, next) {
    const response = await next();
    if (exchange.loadedBy !== 'network' || hasNullBody(response.status, exchange.method, response.body)) return response;
    const encodings = headerValues(response.headers, 'content-encoding')
      .flatMap((v) => v.split(','))
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e && e !== 'identity');
    return encodings.length ? { ...response, body: decode(response.body!, encodings) } : response;
  },
};
