// protocol.handle and a page's Blob upload: a page of the session posts a
// Blob to a scheme its handler answers, and the handler reads the Blob's
// bytes from the request body stream (the session's own handler, not the
// default session's).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { freshHandleSession } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.handle'],
  eras: 'current',
  requires: ['network', 'storage'],
  level: 'must',
  basis: 'electron',
  summary: "A Blob a page posts reaches the session's handler as the bytes of its request body.",
});

const t = useTarget(meta);

describe('protocol.handle with a page Blob upload', () => {
  it("reads the bytes of a page's Blob body in the handler of that page's session", async () => {
    const { session, protocol } = freshHandleSession(t, 'handle-blob');
    protocol.handle('cors', async (req: Request) => {
      expect(req.body).toBeInstanceOf(ReadableStream);
      return new Response(`hello to ${await req.text()}`, { status: 200 });
    });
    const res = await t.driver.storage.fetchWithBlob({
      session,
      url: 'cors://url.invalid',
      parts: [{ blob: "it's-a me! Mario!" }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("hello to it's-a me! Mario!");
  });
});
