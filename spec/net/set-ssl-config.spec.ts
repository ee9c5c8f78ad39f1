// ses.setSSLConfig(config): protocol version bounds and disabled cipher
// suites for the session's new connections (pooled ones are not reused),
// replacing the previous config as a whole; values Electron's converter
// rejects throw a conversion TypeError.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.setSSLConfig'],
  eras: '>=e12',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'electron',
  summary:
    'Version bounds and disabled cipher suites apply to new connections of that session; bad values throw conversion errors.',
});

const t = useTarget(meta, { trustFixtureCa: true });

interface SslSession {
  setSSLConfig(config: unknown): void;
}

let modern: FixtureServer;
let tls12Only: FixtureServer;
let oneCipher: FixtureServer;

beforeAll(async () => {
  [modern, tls12Only, oneCipher] = await Promise.all([
    startHttpServer({ tls: 'valid' }),
    startHttpServer({ tls: 'valid', tlsOptions: { maxVersion: 'TLSv1.2' } }),
    startHttpServer({
      tls: 'valid',
      keyType: 'rsa',
      tlsOptions: { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([modern?.close(), tls12Only?.close(), oneCipher?.close()]);
});

const session = (name: string) => t.session.fromPartition(name) as unknown as SslSession;
const visit = (partition: string, server: FixtureServer, path = '/') =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${server.origin}${path}` });

describe('ses.setSSLConfig', () => {
  it('disabledCipherSuites takes a suite away: a server offering only that one fails to negotiate', async () => {
    expect((await visit('ssl-cipher', oneCipher)).status).toBe(200);
    session('ssl-cipher').setSSLConfig({ disabledCipherSuites: [0x009c] });
    await expect(visit('ssl-cipher', oneCipher)).rejects.toThrow('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH');
  });

  it("minVersion 'tls1.3' refuses a server that stops at TLS 1.2", async () => {
    session('ssl-min').setSSLConfig({ minVersion: 'tls1.3' });
    const before = tls12Only.log.requests.length;
    await expect(visit('ssl-min', tls12Only)).rejects.toThrow('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH');
    expect(tls12Only.log.requests.length).toBe(before);
    expect((await visit('ssl-min', modern, '/?min13')).status).toBe(200);
    expect(modern.log.connections.at(-1)!.tlsVersion).toBe('TLSv1.3');
  });

  it("maxVersion 'tls1.2' negotiates TLS 1.2 with a server that would speak 1.3", async () => {
    session('ssl-max').setSSLConfig({ maxVersion: 'tls1.2' });
    await visit('ssl-max', modern, '/?max12');
    const seen = modern.log.requests.find((r) => r.url === '/?max12')!;
    expect(modern.log.connections.find((c) => c.id === seen.connectionId)!.tlsVersion).toBe('TLSv1.2');
  });

  it('applies to new connections: the pooled connection is not reused after a change', async () => {
    await visit('ssl-pool', modern, '/?pool=1');
    await visit('ssl-pool', modern, '/?pool=2');
    session('ssl-pool').setSSLConfig({ maxVersion: 'tls1.3' });
    await visit('ssl-pool', modern, '/?pool=3');
    const conn = (n: number) => modern.log.requests.find((r) => r.url === `/?pool=${n}`)!.connectionId;
    expect(conn(2)).toBe(conn(1));
    expect(conn(3)).not.toBe(conn(1));
  });

  it('replaces the whole config on every call', async () => {
    const ses = session('ssl-replace');
    ses.setSSLConfig({ minVersion: 'tls1.3' });
    await expect(visit('ssl-replace', tls12Only)).rejects.toThrow('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH');
    ses.setSSLConfig({});
    expect((await visit('ssl-replace', tls12Only)).status).toBe(200);
  });

  it('leaves other sessions as they were', async () => {
    session('ssl-mine').setSSLConfig({ minVersion: 'tls1.3' });
    expect((await visit('ssl-theirs', tls12Only)).status).toBe(200);
  });

  it('throws a conversion TypeError for values the converter rejects', () => {
    const ses = session('ssl-errors');
    const bad = [
      'tls1.3',
      42,
      null,
      { minVersion: 'tls1.4' },
      { minVersion: 'TLS1.3' },
      { maxVersion: 'tls1.1' },
      { maxVersion: 'tls1' },
      { disabledCipherSuites: 'AES128-GCM-SHA256' },
      { disabledCipherSuites: undefined },
      { disabledCipherSuites: [Symbol('suite')] },
    ];
    for (const config of bad) {
      expect(() => ses.setSSLConfig(config), JSON.stringify(config) ?? String(config)).toThrow(TypeError);
      expect(() => ses.setSSLConfig(config)).toThrow(/^Error processing argument at index 0, conversion failure from/);
    }
    expect(() => (ses.setSSLConfig as () => void)()).toThrow('Insufficient number of arguments.');
  });

  it('ignores version fields that are not strings, and unknown suite numbers', () => {
    const ses = session('ssl-lenient');
    expect(ses.setSSLConfig({ minVersion: 13, maxVersion: null })).toBeUndefined();
    expect(ses.setSSLConfig({ disabledCipherSuites: [0x1234, '0x009c', 156.7] })).toBeUndefined();
  });

  t.itInEras('e12', "accepts 'tls1' and 'tls1.1' as minVersion (Electron 12-13)", () => {
    expect(session('ssl-old').setSSLConfig({ minVersion: 'tls1' })).toBeUndefined();
    expect(session('ssl-old').setSSLConfig({ minVersion: 'tls1.1' })).toBeUndefined();
  });

  t.itInEras('>=e17', "rejects 'tls1' and 'tls1.1' as minVersion (gone since Electron 14)", () => {
    expect(() => session('ssl-old').setSSLConfig({ minVersion: 'tls1' })).toThrow(TypeError);
    expect(() => session('ssl-old').setSSLConfig({ minVersion: 'tls1.1' })).toThrow(TypeError);
  });
});
