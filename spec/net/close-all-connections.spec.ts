// ses.closeAllConnections(): closes every connection of the session (idle
// pooled ones, preconnected ones, and those carrying requests, which fail),
// resolves when done, and leaves other sessions' connections alone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.closeAllConnections'],
  eras: '>=e12',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary: "Closes the session's pooled, preconnected and busy connections (busy requests fail); other sessions keep theirs.",
});

const t = useTarget(meta);

interface ClosingSession {
  closeAllConnections(): Promise<void>;
  preconnect(options: { url: string; numSockets?: number }): void;
}

let http: FixtureServer;

beforeAll(async () => {
  http = await startHttpServer();
});

afterAll(async () => {
  await http?.close();
});

const session = (name: string) => t.session.fromPartition(name) as unknown as ClosingSession;
const visit = (partition: string, path: string) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${http.origin}${path}` });
const connectionOf = (path: string) => http.log.requests.find((r) => r.url === path)!.connectionId;
const closed = (id: number) => !!http.log.connections.find((c) => c.id === id)?.closed;

describe('ses.closeAllConnections', () => {
  it('closes idle pooled connections, and the next request opens a new one', async () => {
    await visit('cac-idle', '/echo?idle=1');
    const first = connectionOf('/echo?idle=1');
    expect(closed(first)).toBe(false);
    expect(await session('cac-idle').closeAllConnections()).toBeUndefined();
    await http.log.waitFor(() => closed(first), 'the pooled connection to close');
    await visit('cac-idle', '/echo?idle=2');
    expect(connectionOf('/echo?idle=2')).not.toBe(first);
  });

  it('fails requests in flight', async () => {
    const pending = visit('cac-busy', '/hang?busy');
    await http.log.waitFor(() => http.log.requests.some((r) => r.url === '/hang?busy'), 'the hanging request');
    await session('cac-busy').closeAllConnections();
    await expect(pending).rejects.toThrow(/^net::ERR_/);
    await http.log.waitFor(() => closed(connectionOf('/hang?busy')), 'the busy connection to close');
  });

  it('closes preconnected sockets', async () => {
    const s = await startHttpServer();
    try {
      session('cac-warm').preconnect({ url: s.url, numSockets: 2 });
      await s.log.waitFor(() => s.log.connections.length === 2, '2 preconnected sockets');
      await session('cac-warm').closeAllConnections();
      await s.log.waitFor(() => s.log.connections.every((c) => c.closed), 'the preconnected sockets to close');
    } finally {
      await s.close();
    }
  });

  it("leaves other sessions' connections open and reusable", async () => {
    await visit('cac-keep', '/echo?keep=1');
    await visit('cac-drop', '/echo?drop=1');
    const kept = connectionOf('/echo?keep=1');
    const dropped = connectionOf('/echo?drop=1');
    await session('cac-drop').closeAllConnections();
    await http.log.waitFor(() => closed(dropped), "the other session's connection to close");
    expect(closed(kept)).toBe(false);
    await visit('cac-keep', '/echo?keep=2');
    expect(connectionOf('/echo?keep=2')).toBe(kept);
  });
});
