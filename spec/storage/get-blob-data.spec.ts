// ses.getBlobData(identifier): a page's request whose body holds a Blob (on
// its own or in a FormData) shows the blob in webRequest's uploadData as a
// `blobUUID`; getBlobData reads its bytes. Since Electron 7 each description
// holds the blob once: a second read fails, an unknown id fails with Electron's
// message. Electron 1.x passed null to the callback for an unknown blob.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, thrown, until } from '../support/requests.ts';

export const meta = defineSpec({
  members: ['ses.getBlobData', 'webRequest.onSendHeaders'],
  eras: '*',
  requires: ['storage', 'network'],
  level: 'must',
  basis: 'electron',
  summary: "getBlobData() reads the bytes of a blob a page's request body carried, by the blobUUID webRequest showed.",
});

const t = useTarget(meta);
const server = useHttpServer();

type Element = { type?: string; blobUUID?: string; bytes?: Uint8Array };
let partitions = 0;

/** A fresh session whose page sends `parts` to the echo route; the uploadData webRequest saw. */
async function send(
  parts: ({ text: string } | { blob: string })[],
): Promise<{ session: object; upload: Element[]; echoed: string }> {
  const session = t.session.fromPartition(`blobs-${++partitions}`);
  const seen: { uploadData?: Element[] }[] = [];
  (session as { webRequest: { onSendHeaders(l: (d: { uploadData?: Element[] }) => void): void } }).webRequest.onSendHeaders((d) =>
    seen.push(d),
  );
  const res = await t.driver.storage.fetchWithBlob({ session, url: `${server.url}echo`, parts });
  await until(() => seen.length === 1, 'onSendHeaders');
  return { session, upload: seen[0]!.uploadData ?? [], echoed: (JSON.parse(res.body) as { body: string }).body };
}

const blobIds = (upload: Element[]) => upload.filter((e) => e.blobUUID !== undefined).map((e) => e.blobUUID!);

describe('ses.getBlobData', () => {
  it("reads the bytes of a Blob body by the blobUUID of the request's uploadData", async () => {
    const { session, upload, echoed } = await send([{ blob: 'blob bytes' }]);
    expect(echoed).toBe('blob bytes');
    expect(upload).toHaveLength(1);
    expect(typeof upload[0]!.blobUUID).toBe('string');
    const data = await t.invoke<Buffer>(session, 'ses.getBlobData', upload[0]!.blobUUID);
    expect(Buffer.isBuffer(data)).toBe(true);
    expect(data.toString()).toBe('blob bytes');
  });

  t.itInEras('>=e9', 'describes a FormData body as raw data around the blob', async () => {
    const { session, upload, echoed } = await send([{ text: 'field' }, { blob: 'inner blob' }, { text: 'after' }]);
    expect(upload.map((e) => e.type)).toEqual(['rawData', 'blob', 'rawData']);
    expect(echoed).toContain('inner blob');
    expect(Buffer.from(upload[0]!.bytes!).toString()).toContain('field');
    expect((await t.invoke<Buffer>(session, 'ses.getBlobData', blobIds(upload)[0])).toString()).toBe('inner blob');
  });

  t.itInEras('>=e9', 'reads a FormData blob larger than 64 KiB whole', async () => {
    const big = 'a'.repeat(65_537);
    const { session, upload } = await send([{ text: 'data' }, { blob: big }]);
    const data = await t.invoke<Buffer>(session, 'ses.getBlobData', blobIds(upload)[0]);
    expect(data.length).toBe(65_537);
    expect(data.toString() === big).toBe(true);
  });

  t.itInEras('>=e9', "rejects an unknown identifier with 'Could not get blob data handle'", async () => {
    const session = t.session.fromPartition(`blobs-${++partitions}`);
    expect(await failureOf(t.invoke(session, 'ses.getBlobData', 'no-such-blob'))).toBe('Could not get blob data handle');
  });

  t.itInEras('>=e9', "reads a blob once: a second read fails with 'Could not get blob data'", async () => {
    const { session, upload } = await send([{ blob: 'once' }]);
    const [id] = blobIds(upload);
    expect((await t.invoke<Buffer>(session, 'ses.getBlobData', id)).toString()).toBe('once');
    expect(await failureOf(t.invoke(session, 'ses.getBlobData', id))).toBe('Could not get blob data');
  });

  t.itInEras('>=e9', 'reads a blob from any session, the holders being process-wide', async () => {
    const { upload } = await send([{ blob: 'shared' }]);
    const other = t.session.fromPartition(`blobs-${++partitions}`);
    expect((await t.invoke<Buffer>(other, 'ses.getBlobData', blobIds(upload)[0])).toString()).toBe('shared');
  });

  t.itInEras('legacy', 'passes null to the callback for an unknown blob, and reads a known one as often as asked', async () => {
    const { session, upload } = await send([{ blob: 'again' }]);
    const [id] = blobIds(upload);
    expect((await t.invoke<Buffer>(session, 'ses.getBlobData', id)).toString()).toBe('again');
    expect((await t.invoke<Buffer>(session, 'ses.getBlobData', id)).toString()).toBe('again');
    expect(await t.invoke(session, 'ses.getBlobData', 'no-such-blob')).toBeNull();
  });

  it('needs a string identifier', () => {
    const session = t.session.fromPartition(`blobs-${++partitions}`) as { getBlobData(...a: unknown[]): unknown };
    const args = t.era === 'legacy' ? [42, () => undefined] : [42];
    const error = thrown(() => session.getBlobData(...args));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });

  t.itInEras('legacy', 'needs its callback: without one, or with one that is not a function, it throws', () => {
    const session = t.session.fromPartition(`blobs-${++partitions}`) as { getBlobData(...a: unknown[]): unknown };
    const missing = thrown(() => session.getBlobData('some-id'));
    expect(missing).toBeInstanceOf(TypeError);
    expect(missing!.message).toBe('Insufficient number of arguments.');
    const notFunction = thrown(() => session.getBlobData('some-id', 5));
    expect(notFunction).toBeInstanceOf(TypeError);
    expect(notFunction!.message).toBe('Error processing argument at index 1, conversion failure from 5');
  });
});
