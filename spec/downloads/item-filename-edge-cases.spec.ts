// DownloadItem.getFilename on the inputs where a generator that reads
// Content-Disposition and URLs loosely parts from Chromium's
// net::GenerateFileName, each case checked against a real Chromium by
// chromium-differential.spec.ts: a quoted filename* is refused; RFC 2047
// words are read strictly (a malformed one voids the value, and the next
// filename parameter counts); raw bytes that are not UTF-8 decode to nothing;
// ISO-8859-1 and windows-1252 are one charset; a bare `?` is still a query;
// a URL name that is not UTF-8 gives way to 'download'; `~` is illegal only
// at a name's ends; extension lists are
// compared case-sensitively; filename* is NFC-normalised; a raw 0xA0 byte
// ending a UTF-8 name is no whitespace; parameters stop at an empty value or
// a quote in a name; only double quotes quote; and a header an unquoted comma
// splits into two values fails the request (Chromium's response-splitting
// guard), the item then named from its URL.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { join } from 'node:path';
import { scenarioDownload, until, useHeaderScenarioTarget } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getFilename'],
  eras: 'current',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: "getFilename follows Chromium's Content-Disposition, URL and extension rules in their edge cases.",
});

// The fixture writes header bytes exactly (a raw socket): each case is a host
// name of its own, all mapped to it.
const { t, server } = useHeaderScenarioTarget(meta);
let dir: string | undefined;

/** Header bytes as a byte string: UTF-8 text becomes its bytes. */
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** getFilename of a download of `path` answered with `contentType` and, when given, Content-Disposition bytes. */
async function filenameOf(path: string, contentType: string, contentDisposition?: string): Promise<string> {
  const scenario = { contentType, ...(contentDisposition === undefined ? {} : { contentDisposition }) };
  let name = '';
  const started = await scenarioDownload(t, server(), scenario, path, ({ item }) => {
    name = String(item.getFilename());
    item.cancel();
  });
  await started.done;
  return name;
}

/** A download of /plain (application/octet-stream: no extension of its own) with this Content-Disposition. */
const named = (contentDisposition: string) => filenameOf('/plain', 'application/octet-stream', contentDisposition);

/** A download of `path` whose Content-Disposition Chromium refuses: it is named from the URL and interrupted. */
async function refused(path: string, contentDisposition: string): Promise<{ name: string; state: string }> {
  let name = '';
  const scenario = { contentType: 'application/octet-stream', contentDisposition };
  const started = await scenarioDownload(t, server(), scenario, path, ({ item, key }) => {
    name = String(item.getFilename());
    item.setSavePath(join(dir!, `${key}.bin`));
  });
  await until(() => started.updates.includes('interrupted') || started.dones.length > 0, 'the refused download to end');
  const state = String(started.item.getState());
  started.item.cancel();
  return { name, state };
}

describe('downloadItem.getFilename edge cases', () => {
  it('refuses a quoted filename* and falls back to filename or the URL', async () => {
    expect(await named(`attachment; filename="a b.zip"; filename*="UTF-8''other.txt"`)).toBe('a b.zip');
    expect(await named(`attachment; filename*="UTF-8''other.txt"`)).toBe('plain');
    expect(await named(`attachment; filename*=UTF-8''ok%20name.txt`)).toBe('ok name.txt');
  });

  it('stops reading parameters at an empty value or a quote in a name', async () => {
    expect(await named(`inline; filename=; filename*=UTF-8''x.txt`)).toBe('plain');
    expect(await named('attachment; f"x=1; filename=y.txt')).toBe('plain');
  });

  it('keeps single quotes, and reads a filename* whose opening quote is never closed', async () => {
    expect(await named("attachment; filename='a b.txt'")).toBe("'a b.txt'");
    expect(await named(`attachment; filename*="UTF-8''x.txt`)).toBe('x.txt');
  });

  it('voids a malformed RFC 2047 word, and then takes the next filename parameter', async () => {
    expect(await named('attachment; filename="=?bogus?B?AAAA?="; filename=next.txt')).toBe('next.txt');
    expect(await named('attachment; filename="=?UTF-8?B?not base64?="')).toBe('plain');
  });

  it('reads Q-encoded underscores as spaces and drops the space after an encoded word', async () => {
    expect(await named('attachment; filename="=?utf-8?q?-_-.bin?= tail.txt"')).toBe('- -.bintail.txt');
  });

  it('decodes raw bytes that are not UTF-8 to nothing, and takes raw UTF-8 as it is', async () => {
    // 'å,' then 0x9E: Latin-1 bytes, not UTF-8.
    expect(await named('attachment; filename="\u00e5,\u009e.txt"')).toBe('plain');
    expect(await named(`attachment; filename="${utf8('å,ž.txt')}"`)).toBe('å,ž.txt');
  });

  it('keeps a raw 0xA0 byte that ends a UTF-8 name (it is no whitespace)', async () => {
    expect(await named(`attachment; filename=${utf8('voilà')}`)).toBe('voilà');
  });

  it('reads ISO-8859-1 and windows-1252 filename* as windows-1252', async () => {
    expect(await named(`attachment; filename*=windows-1252''%80euro.txt`)).toBe('€euro.txt');
    expect(await named(`attachment; filename*=ISO-8859-1''%E5%2C%9E.JPG`)).toBe('å,ž.JPG');
  });

  it("replaces '~' at either end of a name only, keeping it inside (Linux and macOS)", async () => {
    expect(await named('attachment; filename="PROGRA~1.txt"')).toBe('PROGRA~1.txt');
    expect(await named('attachment; filename="~mid~dle~"')).toBe('_mid~dle_');
  });

  it('normalises filename* to NFC', async () => {
    expect(await named(`attachment; filename*=UTF-8''cafe%CC%81.txt`)).toBe('caf\u00e9.txt');
  });

  it("counts a bare '?' as a query: the URL name's extension gives way to the MIME type's", async () => {
    expect(await filenameOf('/file.txt?', 'application/pdf')).toBe('file.pdf');
    expect(await filenameOf('/report.php?', 'image/png')).toBe('report.png');
    expect(await filenameOf('/file.txt', 'application/pdf')).toBe('file.txt');
  });

  it("names a URL whose last segment is not UTF-8 'download', with the MIME type's extension", async () => {
    expect(await filenameOf('/%FF%FE.bin', 'application/zip')).toBe('download.zip');
  });

  it('fails the request when an unquoted comma splits Content-Disposition in two, naming the item from its URL', async () => {
    dir = await t.tempDir();
    expect(await refused('/report.pdf', 'attachment; filename=a,b.txt')).toEqual({ name: 'report.pdf', state: 'interrupted' });
    // Quoted, the comma is part of one value.
    expect(await named('attachment; filename="a,b.txt"')).toBe('a,b.txt');
  });

  it("compares the extension with the MIME type's list case-sensitively", async () => {
    expect(await filenameOf('/photo.JPG?a=1', 'image/jpeg')).toBe('photo.jpeg');
    expect(await filenameOf('/photo.jpg?a=1', 'image/jpeg')).toBe('photo.jpg');
    expect(await filenameOf('/photo.JPG', 'image/jpeg')).toBe('photo.JPG');
  });
});
