// ses.enableNetworkEmulation(options) / ses.disableNetworkEmulation():
// offline fails requests with net::ERR_INTERNET_DISCONNECTED (new ones and
// those in flight) without reaching the server; latency and throughput slow
// the session's traffic down, shown by ordering against an unthrottled
// session (never by clocks); disabling restores the network; only that
// session is affected. Options that do not convert are ignored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { patternBytes, startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.enableNetworkEmulation', 'ses.disableNetworkEmulation'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    "Offline fails the session's requests; latency and throughput slow its traffic; disabling restores it; sessions are independent.",
});

const t = useTarget(meta);

interface EmulatingSession {
  enableNetworkEmulation(options: unknown): void;
  disableNetworkEmulation(): void;
}

let http: FixtureServer;

beforeAll(async () => {
  http = await startHttpServer();
});

afterAll(async () => {
  await http?.close();
});

const session = (name: string) => t.session.fromPartition(name) as unknown as EmulatingSession;
const fetchFrom = (partition: string, path: string, init: { method?: string; body?: string } = {}) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${http.origin}${path}`, ...init });
const seen = (path: string) => http.log.requests.find((r) => r.url === path);

describe('ses.enableNetworkEmulation', () => {
  it('offline: requests fail with net::ERR_INTERNET_DISCONNECTED and reach no server', async () => {
    session('ne-offline').enableNetworkEmulation({ offline: true });
    await expect(fetchFrom('ne-offline', '/echo?offline')).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
    expect(seen('/echo?offline')).toBeUndefined();
  });

  it('offline also fails requests already in flight', async () => {
    const pending = fetchFrom('ne-midway', '/hang?midway');
    await http.log.waitFor(() => !!seen('/hang?midway'), 'the hanging request');
    session('ne-midway').enableNetworkEmulation({ offline: true });
    await expect(pending).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
  });

  it('applies to its own session only', async () => {
    session('ne-mine').enableNetworkEmulation({ offline: true });
    expect((await fetchFrom('ne-theirs', '/echo?theirs')).status).toBe(200);
  });

  it('latency holds requests back: a request sent later by an unthrottled session arrives first', async () => {
    session('ne-latency').enableNetworkEmulation({ latency: 400 });
    const slow = fetchFrom('ne-latency', '/echo?latency=slow');
    await fetchFrom('ne-latency-none', '/echo?latency=fast');
    await slow;
    expect(seen('/echo?latency=fast')!.seq).toBeLessThan(seen('/echo?latency=slow')!.seq);
  });

  it('downloadThroughput paces response bodies, which still arrive whole', async () => {
    session('ne-down').enableNetworkEmulation({ downloadThroughput: 64 * 1024 });
    const finished: string[] = [];
    const slow = fetchFrom('ne-down', '/bytes?n=20000&down=slow').then((res) => {
      finished.push('throttled');
      return res;
    });
    await http.log.waitFor(() => !!seen('/bytes?n=20000&down=slow'), 'the throttled download to start');
    await fetchFrom('ne-down-none', '/bytes?n=20000&down=fast').then(() => finished.push('unthrottled'));
    const res = await slow;
    expect(finished).toEqual(['unthrottled', 'throttled']);
    expect(res.body).toBe(patternBytes(20000).toString());
  });

  it('uploadThroughput paces request bodies, which still arrive whole', async () => {
    session('ne-up').enableNetworkEmulation({ uploadThroughput: 32 * 1024 });
    const body = patternBytes(10000).toString();
    const slow = fetchFrom('ne-up', '/echo?up=slow', { method: 'POST', body });
    await http.log.waitFor(() => !!seen('/echo?up=slow'), 'the throttled upload to start');
    await fetchFrom('ne-up-none', '/echo?up=fast', { method: 'POST', body });
    await slow;
    expect(seen('/echo?up=fast')!.completeSeq).toBeLessThan(seen('/echo?up=slow')!.completeSeq);
    expect(seen('/echo?up=slow')!.body.toString()).toBe(body);
  });

  it('ignores options it cannot convert', () => {
    const ses = session('ne-lenient');
    expect(ses.enableNetworkEmulation({ latency: 'slow', downloadThroughput: null, uploadThroughput: {} })).toBeUndefined();
    expect(ses.enableNetworkEmulation({})).toBeUndefined();
  });

  it('throws a conversion TypeError when options is not an object, and insufficient arguments without it', () => {
    const ses = session('ne-errors');
    for (const bad of [true, 'offline', 3]) {
      expect(() => ses.enableNetworkEmulation(bad)).toThrow(TypeError);
      expect(() => ses.enableNetworkEmulation(bad)).toThrow(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(() => (ses.enableNetworkEmulation as () => void)()).toThrow('Insufficient number of arguments.');
  });

  t.itInEras('>=e9', 'takes any truthy offline value as offline', async () => {
    session('ne-truthy').enableNetworkEmulation({ offline: 1 });
    await expect(fetchFrom('ne-truthy', '/echo?truthy')).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
  });

  t.itInEras('legacy', 'takes only the boolean true as offline (Electron 1.x)', async () => {
    session('ne-strict').enableNetworkEmulation({ offline: 1 });
    expect((await fetchFrom('ne-strict', '/echo?strict')).status).toBe(200);
  });
});

describe('ses.disableNetworkEmulation', () => {
  it('restores the network after offline emulation', async () => {
    const ses = session('ne-restore');
    ses.enableNetworkEmulation({ offline: true });
    await expect(fetchFrom('ne-restore', '/echo?restore=1')).rejects.toThrow('net::ERR_INTERNET_DISCONNECTED');
    expect(ses.disableNetworkEmulation()).toBeUndefined();
    expect((await fetchFrom('ne-restore', '/echo?restore=2')).status).toBe(200);
  });

  it('is harmless without emulation and ignores extra arguments', () => {
    expect(session('ne-noop').disableNetworkEmulation()).toBeUndefined();
    expect((session('ne-noop').disableNetworkEmulation as (x: unknown) => void)(42)).toBeUndefined();
  });
});
