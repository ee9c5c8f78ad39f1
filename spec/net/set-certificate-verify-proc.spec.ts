// ses.setCertificateVerifyProc(proc): default verification against the
// trusted roots (Chromium's net::ERR_CERT_* errors), the request object the
// proc receives (from Electron 9: hostname, certificate, validatedCertificate,
// isIssuedByKnownRoot, verificationResult, errorCode; in 1.x the
// (hostname, certificate, callback(isTrusted)) form), the callback's codes
// (0 accept, -2 fail, -3 keep the default, any net error), clearing with
// null, per-session scope, the verdict cache, and the argument errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer, type LeafKind } from '../../fixtures/servers/index.ts';
import { until } from '../support/requests.ts';

export const meta = defineSpec({
  members: ['ses.setCertificateVerifyProc'],
  eras: '*',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'electron',
  summary:
    'Verifies server certificates by default; a proc sees the verdict and may accept, reject or keep it; verdicts are cached per session from Electron 9.',
});

const t = useTarget(meta, {
  trustFixtureCa: true,
  switches: { 'host-resolver-rules': 'MAP *.fixture.test 127.0.0.1' },
});

type Callback = (result: number) => void;
interface VerifySession {
  setCertificateVerifyProc(proc: unknown): void;
}

const servers = {} as Record<LeafKind, FixtureServer>;

beforeAll(async () => {
  const kinds: LeafKind[] = ['valid', 'self-signed', 'expired', 'wrong-host', 'untrusted-root'];
  await Promise.all(kinds.map(async (kind) => (servers[kind] = await startHttpServer({ tls: kind }))));
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

const session = (name: string) => t.session.fromPartition(name) as unknown as VerifySession;

/** A proc that trusts everything, in the era's form. */
function trustEverything(): unknown {
  if (t.era === 'legacy')
    return (_hostname: string, _certificate: unknown, callback: (trusted: boolean) => void) => callback(true);
  return (_request: unknown, callback: Callback) => callback(0);
}

/** A page of `partition` fetching `path` from the server of `kind` under `host`. */
function visit(partition: string, kind: LeafKind, host: string, path = '/'): Promise<{ status: number }> {
  return t.driver.page.fetch({ session: t.session.fromPartition(partition), url: servers[kind].urlFor(path, host) });
}

describe('ses.setCertificateVerifyProc', () => {
  it("verifies by default: trusted chains load, others fail with Chromium's certificate errors", async () => {
    expect((await visit('cv-default', 'valid', 'default.fixture.test')).status).toBe(200);
    await expect(visit('cv-default', 'self-signed', 'default.fixture.test')).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
    await expect(visit('cv-default', 'untrusted-root', 'default.fixture.test')).rejects.toThrow(
      'net::ERR_CERT_AUTHORITY_INVALID',
    );
    await expect(visit('cv-default', 'expired', 'default.fixture.test')).rejects.toThrow('net::ERR_CERT_DATE_INVALID');
    await expect(visit('cv-default', 'wrong-host', '127.0.0.1')).rejects.toThrow('net::ERR_CERT_COMMON_NAME_INVALID');
    for (const kind of ['self-signed', 'untrusted-root', 'expired', 'wrong-host'] as const) {
      expect(servers[kind].log.requests).toHaveLength(0);
    }
  });

  t.itInEras('>=e9', 'passes the proc a request describing the host, the chain and the default verdict', async () => {
    const requests: Record<string, unknown>[] = [];
    session('cv-request').setCertificateVerifyProc((request: Record<string, unknown>, callback: Callback) => {
      requests.push(request);
      callback(-3);
    });
    await visit('cv-request', 'valid', 'request.fixture.test');
    await expect(visit('cv-request', 'self-signed', 'request.fixture.test')).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
    const [valid, selfSigned] = requests as [Record<string, any>, Record<string, any>];
    expect(valid).toMatchObject({
      hostname: 'request.fixture.test',
      isIssuedByKnownRoot: false,
      verificationResult: 'net::OK',
      errorCode: 0,
    });
    const cert = valid.certificate;
    expect(cert.data).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(cert.subjectName).toBe('localhost');
    expect(cert.subject).toEqual({
      commonName: 'localhost',
      organizations: ['session-conformance fixtures'],
      organizationUnits: ['servers'],
      locality: 'Loopback',
      state: 'Local',
      country: 'NL',
    });
    expect(cert.issuerName).toBe('Session Conformance Test Intermediate');
    expect(cert.issuer.commonName).toBe('Session Conformance Test Intermediate');
    expect(cert.serialNumber).toMatch(/^(?:[0-9A-F]{2})+$/);
    expect(cert.fingerprint).toMatch(/^sha256\/[A-Za-z0-9+/]+=*$/);
    const now = Date.now() / 1000;
    expect(cert.validStart).toBeLessThan(now);
    expect(cert.validExpiry).toBeGreaterThan(now);
    expect(cert.issuerCert.subject.commonName).toBe('Session Conformance Test Intermediate');
    expect(cert.issuerCert.issuerName).toBe('Session Conformance Test Root');
    expect(valid.validatedCertificate.issuerCert.issuerCert.subject.commonName).toBe('Session Conformance Test Root');
    expect(selfSigned).toMatchObject({
      hostname: 'request.fixture.test',
      verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
      errorCode: -202,
      isIssuedByKnownRoot: false,
    });
    expect(selfSigned.certificate.issuerCert).toBeUndefined();
  });

  t.itInEras(
    '>=e9',
    "callback(0) accepts, callback(-2) fails with net::ERR_FAILED, callback(-3) keeps Chromium's verdict",
    async () => {
      session('cv-accept').setCertificateVerifyProc((_request: unknown, callback: Callback) => callback(0));
      expect((await visit('cv-accept', 'self-signed', 'accept.fixture.test')).status).toBe(200);
      expect(servers['self-signed'].log.requests.length).toBeGreaterThan(0);

      session('cv-reject').setCertificateVerifyProc((_request: unknown, callback: Callback) => callback(-2));
      await expect(visit('cv-reject', 'valid', 'reject.fixture.test')).rejects.toThrow('net::ERR_FAILED');

      session('cv-keep').setCertificateVerifyProc((_request: unknown, callback: Callback) => callback(-3));
      expect((await visit('cv-keep', 'valid', 'keep.fixture.test')).status).toBe(200);
      await expect(visit('cv-keep', 'expired', 'keep.fixture.test')).rejects.toThrow('net::ERR_CERT_DATE_INVALID');
    },
  );

  t.itInEras('>=e9', 'fails with whatever certificate error code the proc answers', async () => {
    session('cv-code').setCertificateVerifyProc((_request: unknown, callback: Callback) => callback(-206));
    await expect(visit('cv-code', 'valid', 'code.fixture.test')).rejects.toThrow('net::ERR_CERT_REVOKED');
  });

  // gin reads the answer as an int32: anything else throws a TypeError back
  // at whoever called the callback, which stays unanswered and usable.
  t.itInEras('>=e9', 'throws a TypeError to the caller for an answer that is no int32, and takes a later valid one', async () => {
    const thrownBy: unknown[] = [];
    session('cv-int32').setCertificateVerifyProc((_request: unknown, callback: (result: unknown) => void) => {
      for (const bad of [true, 1.5, 1e20, '0', null, Number.NaN]) {
        try {
          callback(bad);
        } catch (error) {
          thrownBy.push(error);
        }
      }
      callback(0);
    });
    expect((await visit('cv-int32', 'self-signed', 'int32.fixture.test')).status).toBe(200);
    expect(thrownBy).toHaveLength(6);
    for (const error of thrownBy) {
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^Error processing argument at index 0, conversion failure from/);
    }
  });

  t.itInEras(
    '>=e12',
    'ends a connection waiting for the proc when closeAllConnections closes it: the request fails',
    async () => {
      const ses = t.session.fromPartition('cv-close') as unknown as VerifySession & { closeAllConnections(): Promise<void> };
      let asked!: () => void;
      const procCalled = new Promise<void>((resolve) => (asked = resolve));
      ses.setCertificateVerifyProc(() => asked());
      const pending = visit('cv-close', 'valid', 'close.fixture.test', '/echo?unverified');
      pending.catch(() => undefined);
      await procCalled;
      await ses.closeAllConnections();
      await expect(pending).rejects.toThrow(/^net::ERR_/);
      expect(servers.valid.log.requests.some((r) => r.url === '/echo?unverified')).toBe(false);
    },
  );

  t.itInEras('>=e9', 'caches the verdict per host and certificate, so the proc is asked once across connections', async () => {
    let asked = 0;
    session('cv-cache').setCertificateVerifyProc((_request: unknown, callback: Callback) => {
      asked++;
      callback(0);
    });
    await visit('cv-cache', 'self-signed', 'cache.fixture.test', '/close');
    await visit('cv-cache', 'self-signed', 'cache.fixture.test', '/close');
    expect(asked).toBe(1);
    await visit('cv-cache', 'self-signed', 'cache2.fixture.test', '/close');
    expect(asked).toBe(2);
  });

  t.itInEras('legacy', 'asks the proc on every new connection (Electron 1.x kept no verdicts)', async () => {
    let asked = 0;
    session('cv-nocache').setCertificateVerifyProc(
      (_hostname: string, _certificate: unknown, callback: (trusted: boolean) => void) => {
        asked++;
        callback(true);
      },
    );
    await visit('cv-nocache', 'self-signed', 'nocache.fixture.test', '/close');
    await visit('cv-nocache', 'self-signed', 'nocache.fixture.test', '/close');
    expect(asked).toBe(2);
  });

  t.itInEras(
    'legacy',
    'calls proc(hostname, certificate, callback) and trusts the certificate when callback gets true',
    async () => {
      const seen: [string, Record<string, any>][] = [];
      session('cv-legacy').setCertificateVerifyProc(
        (hostname: string, certificate: Record<string, any>, callback: (trusted: boolean) => void) => {
          seen.push([hostname, certificate]);
          callback(hostname === 'trusted.fixture.test');
        },
      );
      expect((await visit('cv-legacy', 'self-signed', 'trusted.fixture.test')).status).toBe(200);
      await expect(visit('cv-legacy', 'valid', 'distrusted.fixture.test')).rejects.toThrow('net::ERR_FAILED');
      expect(seen[0]![0]).toBe('trusted.fixture.test');
      expect(seen[0]![1]).toMatchObject({ subjectName: 'localhost', issuerName: 'localhost' });
      expect(seen[0]![1].data).toMatch(/^-----BEGIN CERTIFICATE-----/);
    },
  );

  it('reverts to the default verification when given null', async () => {
    const ses = session('cv-null');
    ses.setCertificateVerifyProc(trustEverything());
    expect((await visit('cv-null', 'self-signed', 'before.fixture.test')).status).toBe(200);
    ses.setCertificateVerifyProc(null);
    await expect(visit('cv-null', 'self-signed', 'after.fixture.test')).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  });

  it('applies to its own session only', async () => {
    session('cv-own').setCertificateVerifyProc(trustEverything());
    expect((await visit('cv-own', 'self-signed', 'own.fixture.test')).status).toBe(200);
    await expect(visit('cv-other', 'self-signed', 'own.fixture.test')).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  });

  it("leaves another session's request in flight alone when a proc is set", async () => {
    session('cv-flight-1').setCertificateVerifyProc(trustEverything());
    const pending = t.driver.page.fetch({
      session: t.session.fromPartition('cv-flight-1'),
      url: servers['self-signed'].urlFor('/stream', 'flight.fixture.test'),
    });
    await until(() => servers['self-signed'].log.requests.some((r) => r.url === '/stream'), 'the request to reach the server');
    session('cv-flight-2').setCertificateVerifyProc(trustEverything());
    servers['self-signed'].release('stream');
    const res = await pending;
    expect(res).toMatchObject({ status: 200, body: 'first;second' });
  });

  it("throws 'Must pass null or function' for anything else (an Error up to Electron 9, a TypeError after)", () => {
    const ses = session('cv-errors');
    for (const bad of [1, 'proc', {}, undefined]) {
      let thrown: unknown;
      try {
        ses.setCertificateVerifyProc(bad);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error).message).toBe('Must pass null or function');
      expect((thrown as Error).constructor).toBe(t.era === 'legacy' || t.era === 'e9' ? Error : TypeError);
    }
  });

  t.itInEras('>=e12', 'reports a missing proc as insufficient arguments', () => {
    expect(() => (session('cv-missing').setCertificateVerifyProc as () => void)()).toThrow('Insufficient number of arguments.');
  });
});
