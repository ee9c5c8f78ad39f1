// Fetching PAC scripts as Chromium's PacFileFetcherImpl does, against real
// loopback servers: status 200 only, redirects (never to file:), the size and
// time limits, charsets, data: URLs, file: only where allowed, TLS verified.

import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPacHost, type PacHostFixture } from '../../fixtures/proxies/pac-host.ts';
import { tlsMaterial } from '../../fixtures/proxies/tls-material.ts';
import { fetchPacScript } from '../../reference/proxy/pac/fetch-pac-script.ts';

let host: PacHostFixture;
let dir: string;
beforeAll(async () => {
  host = await startPacHost();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pac-fetch-'));
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const fetch = (url: string, extra: Partial<Parameters<typeof fetchPacScript>[1]> = {}) =>
  fetchPacScript(url, { allowFile: false, ...extra });

describe('fetchPacScript over http', () => {
  it('returns the body of a 200 answer, whatever its content type', async () => {
    host.serve('/ok.pac', { body: 'function FindProxyForURL() {}', contentType: 'text/plain' });
    expect(await fetch(host.url('/ok.pac'))).toEqual({ ok: true, text: 'function FindProxyForURL() {}' });
  });

  it('fails any other status with ERR_HTTP_RESPONSE_CODE_FAILURE', async () => {
    host.serve('/gone.pac', { body: 'x', status: 404 });
    host.serve('/empty.pac', { body: '', status: 204 });
    expect(await fetch(host.url('/gone.pac'))).toEqual({ ok: false, error: 'ERR_HTTP_RESPONSE_CODE_FAILURE' });
    expect(await fetch(host.url('/empty.pac'))).toEqual({ ok: false, error: 'ERR_HTTP_RESPONSE_CODE_FAILURE' });
  });

  it('follows redirects, but never to file: or data:', async () => {
    host.serve('/final.pac', 'final');
    host.serve('/hop.pac', { body: '', redirectTo: '/final.pac', status: 301 });
    host.serve('/to-file.pac', { body: '', redirectTo: 'file:///etc/hosts' });
    host.serve('/to-data.pac', { body: '', redirectTo: 'data:,x' });
    expect(await fetch(host.url('/hop.pac'))).toEqual({ ok: true, text: 'final' });
    expect(await fetch(host.url('/to-file.pac'))).toEqual({ ok: false, error: 'ERR_UNSAFE_REDIRECT' });
    expect(await fetch(host.url('/to-data.pac'))).toEqual({ ok: false, error: 'ERR_UNSAFE_REDIRECT' });
  });

  it('refuses scripts over the size limit and answers that take too long', async () => {
    host.serve('/big.pac', 'x'.repeat(2048));
    host.serve('/slow.pac', { body: 'late', delayMs: 500 });
    expect(await fetch(host.url('/big.pac'), { maxBytes: 1024 })).toEqual({ ok: false, error: 'ERR_FILE_TOO_BIG' });
    expect(await fetch(host.url('/slow.pac'), { timeoutMs: 50 })).toEqual({ ok: false, error: 'ERR_TIMED_OUT' });
  });

  it('decodes by the declared charset, else by byte-order mark, else as ISO-8859-1', async () => {
    host.serve('/latin1.pac', { body: Buffer.from([0x63, 0xe9]), contentType: 'application/x-ns-proxy-autoconfig' });
    host.serve('/utf8.pac', { body: Buffer.from('cé', 'utf8'), contentType: 'application/x-ns-proxy-autoconfig; charset=utf-8' });
    host.serve('/bom.pac', { body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('cé', 'utf8')]) });
    expect(await fetch(host.url('/latin1.pac'))).toEqual({ ok: true, text: 'cé' });
    expect(await fetch(host.url('/utf8.pac'))).toEqual({ ok: true, text: 'cé' });
    expect(await fetch(host.url('/bom.pac'))).toEqual({ ok: true, text: 'cé' });
  });

  it('reports a refused connection', async () => {
    const gone = await startPacHost();
    const url = gone.url('/x.pac');
    await gone.close();
    expect(await fetch(url)).toEqual({ ok: false, error: 'ERR_CONNECTION_REFUSED' });
  });
});

describe('fetchPacScript over https', () => {
  it('verifies the certificate: fails with an unknown CA, succeeds when the CA is trusted', async () => {
    const material = await tlsMaterial();
    const server = https.createServer({ cert: material.certPem, key: material.keyPem }, (_req, res) => res.end('secure script'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://localhost:${(server.address() as AddressInfo).port}/p.pac`;
    try {
      expect(await fetch(url)).toEqual({ ok: false, error: 'ERR_CERT_AUTHORITY_INVALID' });
      expect(await fetch(url, { ca: [material.caPem] })).toEqual({ ok: true, text: 'secure script' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('fetchPacScript for data: and file:', () => {
  it('decodes data: URLs, base64 or percent-encoded, US-ASCII unless a charset is given', async () => {
    expect(await fetch(`data:application/x-ns-proxy-autoconfig;base64,${Buffer.from('b64 ok').toString('base64')}`)).toEqual({
      ok: true,
      text: 'b64 ok',
    });
    expect(await fetch('data:,a%20b%E9')).toEqual({ ok: true, text: 'a b\ufffd' });
    expect(await fetch('data:text/plain;charset=iso-8859-1,%E9')).toEqual({ ok: true, text: 'é' });
    expect(await fetch('data:;base64,***')).toEqual({ ok: false, error: 'ERR_FAILED' });
  });

  it('reads file: URLs only when allowed', async () => {
    const file = path.join(dir, 'local.pac');
    await writeFile(file, 'from file');
    expect(await fetch(pathToFileURL(file).href)).toEqual({ ok: false, error: 'ERR_DISALLOWED_URL_SCHEME' });
    expect(await fetch(pathToFileURL(file).href, { allowFile: true })).toEqual({ ok: true, text: 'from file' });
    expect(await fetch(pathToFileURL(path.join(dir, 'missing.pac')).href, { allowFile: true })).toEqual({
      ok: false,
      error: 'ERR_FILE_NOT_FOUND',
    });
  });

  it('refuses other schemes', async () => {
    expect(await fetch('ftp://example.test/p.pac')).toEqual({ ok: false, error: 'ERR_DISALLOWED_URL_SCHEME' });
    expect(await fetch('not a url')).toEqual({ ok: false, error: 'ERR_INVALID_URL' });
  });
});
