// DownloadItem.getMimeType and the extension getFilename adds when the answer
// leaves its type to MIME sniffing. Chromium loads downloads with
// kURLLoadOptionSniffMimeType, so the item's type is the sniffed one
// (net::SniffMimeType over the first 1024 bytes, for no, empty, unknown or
// unparsable types, text/plain, application/octet-stream, XML and Office
// types); X-Content-Type-Options: nosniff without a type gives text/plain.
// The names are checked against a real Chromium by
// chromium-differential.spec.ts; DevTools reports no download's MIME type,
// so the types come from the sniffer's and the loader's source.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import type { HeaderScenario } from '../../fixtures/servers/download-header-server.ts';
import { scenarioDownload, useHeaderScenarioTarget } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getMimeType', 'downloadItem.getFilename', 'ses.downloadURL'],
  eras: '>=e9',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: "A download's MIME type is sniffed from its body as Chromium's loader does, and names its extension.",
});

// The fixture writes header and body bytes exactly; each case is a host name of its own.
const { t, server } = useHeaderScenarioTarget(meta);

const TEXT = 'plain words\tand\fform\x1b[0m\r\n';
const BINARY = '\x00\x01\x02binary\xff';
const PDF = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
const PNG = '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR';
const GZIP = '\x1f\x8b\x08\x00\x00\x00\x00\x00';
const ZIP = 'PK\x03\x04\x14\x00\x00\x00';

/** getMimeType and getFilename of a download of `path` answered as `scenario` says. */
async function sniffed(scenario: HeaderScenario, path = '/file'): Promise<{ type: string; name: string }> {
  let type = '';
  let name = '';
  const started = await scenarioDownload(t, server(), scenario, path, ({ item }) => {
    type = String(item.getMimeType());
    name = String(item.getFilename());
    item.cancel();
  });
  await started.done;
  return { type, name };
}

describe('downloadItem.getMimeType when the answer leaves the type to sniffing', () => {
  it('is text/plain or application/octet-stream by the body when no Content-Type is sent', async () => {
    expect(await sniffed({ body: TEXT })).toEqual({ type: 'text/plain', name: 'file.txt' });
    expect(await sniffed({ body: BINARY })).toEqual({ type: 'application/octet-stream', name: 'file' });
    expect(await sniffed({ body: '' })).toEqual({ type: 'text/plain', name: 'file.txt' });
  });

  it('recognises magic numbers for empty, unknown and unparsable types', async () => {
    expect(await sniffed({ contentType: '', body: PDF })).toEqual({ type: 'application/pdf', name: 'file.pdf' });
    expect(await sniffed({ contentType: 'unknown/unknown', body: GZIP })).toEqual({
      type: 'application/x-gzip',
      name: 'file.gz',
    });
    expect(await sniffed({ contentType: '*/*', body: ZIP })).toEqual({ type: 'application/zip', name: 'file.zip' });
    expect(await sniffed({ contentType: 'garbage', body: '  \n<html><body>x' })).toEqual({
      type: 'text/html',
      name: 'file.html',
    });
  });

  it('keeps text/plain for text, and reads binary text/plain bodies for their magic numbers', async () => {
    expect(await sniffed({ contentType: 'text/plain', body: TEXT })).toEqual({ type: 'text/plain', name: 'file.txt' });
    expect(await sniffed({ contentType: 'text/plain', body: PNG })).toEqual({ type: 'image/png', name: 'file.png' });
    expect(await sniffed({ contentType: 'text/plain', body: BINARY })).toEqual({
      type: 'application/octet-stream',
      name: 'file',
    });
    // Text/plain is not sniffed for HTML.
    expect(await sniffed({ contentType: 'Text/Plain; charset=x', body: '<html>' })).toEqual({
      type: 'text/plain',
      name: 'file.txt',
    });
  });

  it('reads only the first 1024 bytes, and takes a byte order mark for text', async () => {
    expect(await sniffed({ body: `${'a'.repeat(1100)}\x00` })).toEqual({ type: 'text/plain', name: 'file.txt' });
    expect(await sniffed({ body: '\xef\xbb\xbfBOM text \x01' })).toEqual({ type: 'text/plain', name: 'file.txt' });
  });

  it('keeps application/octet-stream unless the URL names an Office document or an extension', async () => {
    expect(await sniffed({ contentType: 'application/octet-stream', body: PDF })).toEqual({
      type: 'application/octet-stream',
      name: 'file',
    });
    expect(await sniffed({ contentType: 'application/octet-stream', body: ZIP }, '/sheet.xlsx')).toEqual({
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: 'sheet.xlsx',
    });
  });

  it('turns an Office type without an Office signature into application/octet-stream', async () => {
    expect(await sniffed({ contentType: 'application/msword', body: TEXT })).toEqual({
      type: 'application/octet-stream',
      name: 'file',
    });
  });

  it('finds feeds in plain XML', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"></rss>';
    expect((await sniffed({ contentType: 'text/xml', body: rss })).type).toBe('application/rss+xml');
    expect((await sniffed({ contentType: 'application/xml', body: '<?xml version="1.0"?><root/>' })).type).toBe(
      'application/xml',
    );
  });

  it('is text/plain without sniffing for nosniff and no type; other types are kept as sent', async () => {
    expect((await sniffed({ nosniff: true, body: BINARY })).type).toBe('text/plain');
    expect((await sniffed({ contentType: 'text/plain', nosniff: true, body: PNG })).type).toBe('text/plain');
    expect(await sniffed({ contentType: 'image/jpeg', body: PDF })).toEqual({ type: 'image/jpeg', name: 'file.jpeg' });
  });

  it('reads the Content-Type up to white space, `;` or `(`', async () => {
    expect(await sniffed({ contentType: 'text/plain junk', body: TEXT })).toEqual({ type: 'text/plain', name: 'file.txt' });
    expect(await sniffed({ contentType: 'application/pdf(comment)', body: TEXT })).toEqual({
      type: 'application/pdf',
      name: 'file.pdf',
    });
  });
});
