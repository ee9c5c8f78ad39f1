// ses.preconnect(options) and the session's 'preconnect' event:
// preconnecting opens numSockets connections (TLS included) that later
// requests of that session use; a page's resource hint emits 'preconnect'
// with (event, url, allowCredentials) on the page's session; bad options
// throw Electron's errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.preconnect', "ses.on('preconnect')"],
  eras: '>=e9',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'electron',
  summary:
    "Preconnects numSockets (1-6) sockets a later request reuses; a page's hint emits 'preconnect' with its URL and credentials flag.",
});

const t = useTarget(meta, { trustFixtureCa: true });

interface PreconnectSession extends NodeJS.EventEmitter {
  preconnect(options: unknown): void;
}

const session = (name: string) => t.session.fromPartition(name) as unknown as PreconnectSession;
const servers: FixtureServer[] = [];

async function server(tls = false): Promise<FixtureServer> {
  const started = await startHttpServer(tls ? { tls: 'valid' } : {});
  servers.push(started);
  return started;
}

let shared: FixtureServer;

beforeAll(async () => {
  shared = await server();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('ses.preconnect', () => {
  it('opens numSockets connections to the origin and sends nothing on them', async () => {
    const s = await server();
    session('pc-four').preconnect({ url: `${s.url}ignored/path?q=1`, numSockets: 4 });
    await s.log.waitFor(() => s.log.connections.length === 4, '4 preconnected sockets');
    expect(s.log.requests).toHaveLength(0);
  });

  it('opens no connection unless asked: a plain page request of a session uses exactly one', async () => {
    const s = await server();
    const res = await t.driver.page.fetch({ session: t.session.fromPartition('pc-none'), url: `${s.url}echo?plain` });
    expect(res.status).toBe(200);
    expect(s.log.connections).toHaveLength(1);
    expect(s.log.requests).toHaveLength(1);
  });

  it('opens one connection by default, and the next request of the session uses it', async () => {
    const s = await server();
    session('pc-one').preconnect({ url: s.url });
    await s.log.waitFor(() => s.log.connections.length === 1, 'one preconnected socket');
    const res = await t.driver.page.fetch({ session: t.session.fromPartition('pc-one'), url: `${s.url}echo` });
    expect(res.status).toBe(200);
    expect(s.log.connections).toHaveLength(1);
    expect(s.log.requests[0]!.connectionId).toBe(s.log.connections[0]!.id);
  });

  it('completes the TLS handshake ahead of time for https origins', async () => {
    const s = await server(true);
    session('pc-tls').preconnect({ url: s.url, numSockets: 2 });
    await s.log.waitFor(() => s.log.connections.filter((c) => c.tlsVersion).length === 2, '2 handshaken sockets');
    expect(s.log.requests).toHaveLength(0);
  });

  it("keeps preconnected sockets to the session: another session's request opens its own", async () => {
    const s = await server();
    session('pc-mine').preconnect({ url: s.url });
    await s.log.waitFor(() => s.log.connections.length === 1, 'one preconnected socket');
    await t.driver.page.fetch({ session: t.session.fromPartition('pc-theirs'), url: `${s.url}echo` });
    expect(s.log.connections).toHaveLength(2);
    expect(s.log.requests[0]!.connectionId).toBe(s.log.connections[1]!.id);
  });

  it("rejects a missing or invalid url with 'Must pass non-empty valid url to session.preconnect.'", () => {
    const ses = session('pc-errors');
    for (const options of [{}, { url: '' }, { url: 'not a url' }, { url: 42 }]) {
      const error = thrown(() => ses.preconnect(options));
      expect(error.message).toBe('Must pass non-empty valid url to session.preconnect.');
      expect(error.constructor).toBe(t.era === 'e9' ? Error : TypeError);
    }
  });

  it('rejects numSockets outside 1..6 and ignores values that are not 32-bit integers', () => {
    const ses = session('pc-range');
    for (const numSockets of [0, 7, -1]) {
      const error = thrown(() => ses.preconnect({ url: shared.url, numSockets }));
      expect(error.message).toBe('numSocketsToPreconnect is outside range [1,6]');
      expect(error.constructor).toBe(t.era === 'e9' ? Error : TypeError);
    }
    expect(ses.preconnect({ url: shared.url, numSockets: 2.5 })).toBeUndefined();
    expect(ses.preconnect({ url: shared.url, numSockets: '3' })).toBeUndefined();
  });

  it('throws a conversion TypeError when options is not an object, and insufficient arguments without it', () => {
    const ses = session('pc-types');
    for (const bad of ['http://127.0.0.1/', 1, null]) {
      expect(() => ses.preconnect(bad)).toThrow(TypeError);
      expect(() => ses.preconnect(bad)).toThrow(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(() => (ses.preconnect as () => void)()).toThrow('Insufficient number of arguments.');
  });
});

describe("ses.on('preconnect')", () => {
  it("is emitted on the page's session with (event, origin URL, allowCredentials)", async () => {
    const ses = session('pc-event');
    const calls: unknown[][] = [];
    const listener = (...args: unknown[]) => calls.push(args);
    ses.on('preconnect', listener);
    try {
      await t.driver.hints.preconnect({ session: ses, url: `${shared.url}some/page.html`, allowCredentials: false });
      await t.driver.hints.preconnect({ session: ses, url: 'https://example.com:8443/x' });
    } finally {
      ses.removeListener('preconnect', listener);
    }
    expect(calls).toHaveLength(2);
    const [event, url, allowCredentials] = calls[0]!;
    expect(typeof (event as { preventDefault?: unknown }).preventDefault).toBe('function');
    expect(url).toBe(shared.url);
    expect(allowCredentials).toBe(false);
    expect(calls[1]!.slice(1)).toEqual(['https://example.com:8443/', true]);
  });

  it('is not emitted on other sessions', async () => {
    const other = session('pc-event-other');
    let emitted = 0;
    const listener = () => emitted++;
    other.on('preconnect', listener);
    try {
      await t.driver.hints.preconnect({ session: session('pc-event-page'), url: shared.url });
    } finally {
      other.removeListener('preconnect', listener);
    }
    expect(emitted).toBe(0);
  });

  it('lets a listener preconnect the hinted origin', async () => {
    const s = await server();
    const ses = session('pc-event-listener');
    const listener = (_event: unknown, url: string) => ses.preconnect({ url, numSockets: 2 });
    ses.on('preconnect', listener);
    try {
      await t.driver.hints.preconnect({ session: ses, url: `${s.url}page` });
    } finally {
      ses.removeListener('preconnect', listener);
    }
    await s.log.waitFor(() => s.log.connections.length === 2, '2 sockets preconnected by the listener');
  });
});
