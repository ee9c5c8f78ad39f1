// The body of a file a request reads (file: URLs, a file protocol handler's
// answer), streamed as Chromium's file loader streams it rather than read
// whole: a large file, or a device that never ends (/dev/zero), costs only
// what the reader takes. Directories, FIFOs and sockets are no files to load.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export interface FileBody {
  /** The length for a regular file; null for a device, whose end is unknown. */
  size: number | null;
  body: ReadableStream<Uint8Array>;
}

/** Opens `path` for reading; rejects (ENOENT-like) for anything that is no readable file. */
export async function openFileBody(path: string): Promise<FileBody> {
  const info = await stat(path);
  if (!info.isFile() && !info.isCharacterDevice()) {
    throw Object.assign(new Error(`not a file: ${path}`), { code: 'ENOENT' });
  }
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return { size: info.isFile() ? info.size : null, body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array> };
}
