// DownloadItem.getFilename: the name Chromium generates for a download:
// Content-Disposition's file name (filename* before filename, RFC 2047 and
// %-escaped UTF-8 decoded), else the last segment of the URL's path, else
// 'download'; with the MIME type's extension added to a name from the URL
// that has none; never a path, never a hidden file.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { readAndCancel } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getFilename'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary:
    "getFilename is Chromium's generated name: from Content-Disposition, the URL or the default, with the MIME type's extension.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({
  routes: {
    ...downloads.routes,
    // The file route under other paths, so the URL's last segment varies.
    '/named': (req, res, body, ctx) => downloads.routes['/file']!(req, res, body, ctx),
    '/dir/': (req, res, body, ctx) => downloads.routes['/file']!(req, res, body, ctx),
  },
});

/** The filename of a download of `pathAndQuery` on the fixture server. */
async function filenameOf(pathAndQuery: string): Promise<string> {
  return (await readAndCancel(t, `${server.url}${pathAndQuery}`, (item) => item.getFilename())).value as string;
}

const cd = (value: string) => `cd=${encodeURIComponent(value)}`;

describe('downloadItem.getFilename', () => {
  it("is Content-Disposition's file name", async () => {
    expect(await filenameOf(`file?n=1&${cd('attachment; filename="mock.pdf"')}`)).toBe('mock.pdf');
    expect(await filenameOf(`file?n=1&${cd('inline; filename=report.txt')}`)).toBe('report.txt');
  });

  it('prefers filename* (RFC 5987) to filename', async () => {
    expect(
      await filenameOf(`file?n=1&${cd(`attachment; filename="plain.txt"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.txt`)}`),
    ).toBe('naïve résumé.txt');
  });

  it('decodes RFC 2047 encoded words and %-escaped UTF-8 in filename', async () => {
    expect(await filenameOf(`file?n=1&${cd('attachment; filename="=?UTF-8?B?w6nDqcOpLnR4dA==?="')}`)).toBe('ééé.txt');
    expect(await filenameOf(`file?n=1&${cd('attachment; filename="caf%C3%A9.txt"')}`)).toBe('café.txt');
  });

  it("takes the URL's last path segment, %-decoded, when Content-Disposition names none", async () => {
    expect(await filenameOf(`named?n=1&type=application%2Fpdf&${cd('attachment')}`)).toBe('named.pdf');
    expect(await filenameOf(`file?n=1&type=text%2Fcsv&${cd('inline')}`)).toBe('file');
  });

  it("is 'download' plus the MIME type's extension when nothing else names the file", async () => {
    expect(await filenameOf(`dir/?n=1&type=application%2Fpdf&${cd('inline')}`)).toBe('download.pdf');
  });

  it('keeps the extension a name from the URL has when the MIME type lists it', async () => {
    expect(await filenameOf(`file?n=1&type=image%2Fjpeg&${cd('attachment; filename=photo.jpg')}`)).toBe('photo.jpg');
  });

  it('never gives a path or a hidden file, whatever Content-Disposition says', async () => {
    const piece = fc.constantFrom('a', 'b', '.', '..', '/', '\\', ' ', '_', '-', 'x.txt', '%2F', '~', ':');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), async (pieces) => {
        const name = await filenameOf(`file?n=1&${cd(`attachment; filename="${pieces.join('')}"`)}`);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[/\\]/);
        expect(name.startsWith('.')).toBe(false);
        expect(name.endsWith('.')).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('is a plain Content-Disposition name exactly as given', async () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,10}[A-Za-z0-9]$/);
    await fc.assert(
      fc.asyncProperty(word, fc.constantFrom('txt', 'pdf', 'bin', 'tar.gz'), async (base, ext) => {
        expect(await filenameOf(`file?n=1&${cd(`attachment; filename="${base}.${ext}"`)}`)).toBe(`${base}.${ext}`);
      }),
      { numRuns: 25 },
    );
  });

  t.itInEras('current', 'adds no extension to a Content-Disposition name that has none', async () => {
    expect(await filenameOf(`file?n=1&type=text%2Fplain&${cd('attachment; filename=README')}`)).toBe('README');
  });
});
