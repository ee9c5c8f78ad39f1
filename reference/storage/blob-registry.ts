// The blobs a page's request body carried, as the main process sees them in
// webRequest's uploadData and reads them with ses.getBlobData. Since
// Electron 7 each conversion of a request body for a listener wraps every
// blob in a holder with a process-wide id ('1', '2', ...) that lives as long
// as the uploadData element holding it and can be read once; any session can
// read it. Electron 1.x named blobs by their storage UUID, readable as often
// as wanted while the blob lived.

import { randomUUID } from 'node:crypto';

interface Holder {
  owner: WeakRef<object>;
  bytes: Uint8Array | null;
  /** Legacy holders are not consumed by a read. */
  reusable: boolean;
}

const holders = new Map<string, Holder>();
let nextId = 0;

/** Registers `bytes` for the uploadData element `owner`; returns its id. */
export function holdBlob(owner: object, bytes: Uint8Array, style: 'uuid' | 'counter'): string {
  const id = style === 'uuid' ? randomUUID() : String(++nextId);
  holders.set(id, { owner: new WeakRef(owner), bytes, reusable: style === 'uuid' });
  return id;
}

export type BlobRead = { bytes: Buffer } | { error: 'no-handle' | 'no-data' };

/** DataPipeHolder::From + ReadAll. */
export function readBlob(id: string): BlobRead {
  const holder = holders.get(id);
  if (!holder?.owner.deref()) {
    holders.delete(id);
    return { error: 'no-handle' };
  }
  if (!holder.bytes) return { error: 'no-data' };
  const bytes = Buffer.from(holder.bytes);
  if (!holder.reusable) holder.bytes = null;
  return { bytes };
}
