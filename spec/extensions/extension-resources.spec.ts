// chrome-extension://<id>/<file> URLs for the session's pages: a file an
// extension opens with web_accessible_resources is served from its folder
// (readable by the page: Access-Control-Allow-Origin: *); anything else is
// blocked (net::ERR_BLOCKED_BY_CLIENT), a missing file is
// net::ERR_FILE_NOT_FOUND, and paths cannot leave the folder. Pages of
// other sessions, and the net module, do not reach the extension.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { pageFetch } from '../support/requests.ts';
import { failureOf, fixture, manifestOf, persistentSession, writeExtension } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension', 'ses.removeExtension'],
  eras: '>=e9',
  requires: ['extensions', 'network'],
  level: 'should',
  basis: 'chromium',
  summary: "A session's pages load the files its extensions make web accessible, and nothing else of them.",
});

const t = useTarget(meta);

describe('chrome-extension:// resources for pages of the session', () => {
  it('serves a web-accessible file of a Manifest V2 extension, readable by the page', async () => {
    const ses = persistentSession(t);
    const { url } = await ses.loadExtension(fixture('mv2-basic'));
    const response = await pageFetch(t, ses, `${url}public.html`);
    expect(response.status).toBe(200);
    expect(response.body).toBe('<!doctype html><title>public</title>\n');
    expect(response.headers['content-type']).toBe('text/html');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('blocks a file the extension does not make web accessible', async () => {
    const ses = persistentSession(t);
    const { url } = await ses.loadExtension(fixture('mv2-basic'));
    expect(await failureOf(pageFetch(t, ses, `${url}private.html`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(await failureOf(pageFetch(t, ses, `${url}manifest.json`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  it('serves a Manifest V3 resource whose matches cover every page', async () => {
    const ses = persistentSession(t);
    const { url } = await ses.loadExtension(fixture('mv3-key'));
    const response = await pageFetch(t, ses, `${url}shared.txt`);
    expect(response.body).toBe('shared by the MV3 fixture\n');
    expect(response.headers['content-type']).toBe('text/plain');
  });

  it('matches wildcard patterns and reports a missing accessible file as not found', async () => {
    const ses = persistentSession(t);
    const dir = await writeExtension(join(await t.tempDir(), 'wild'), manifestOf(2, { web_accessible_resources: ['assets/*'] }), {
      'assets/deep/a.json': '{"a":1}',
    });
    const { url } = await ses.loadExtension(dir);
    expect((await pageFetch(t, ses, `${url}assets/deep/a.json`)).body).toBe('{"a":1}');
    expect(await failureOf(pageFetch(t, ses, `${url}assets/none.js`))).toBe('net::ERR_FILE_NOT_FOUND');
    expect(await failureOf(pageFetch(t, ses, `${url}other.js`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  it('does not leave the folder through .. or an encoded slash', async () => {
    const base = await t.tempDir();
    await writeFile(join(base, 'secret.txt'), 'outside');
    const ses = persistentSession(t);
    const dir = await writeExtension(join(base, 'ext'), manifestOf(2, { web_accessible_resources: ['*'] }), {
      'inside.txt': 'inside',
    });
    const { url } = await ses.loadExtension(dir);
    expect((await pageFetch(t, ses, `${url}inside.txt`)).body).toBe('inside');
    expect(await failureOf(pageFetch(t, ses, `${url}..%2fsecret.txt`))).toBe('net::ERR_FILE_NOT_FOUND');
    expect(await failureOf(pageFetch(t, ses, `${url}%2e%2e/secret.txt`))).toBe('net::ERR_FILE_NOT_FOUND');
  });

  it('blocks unknown and removed extensions, and pages of other sessions', async () => {
    const ses = persistentSession(t);
    const other = persistentSession(t, 'ext-other');
    const loaded = await ses.loadExtension(fixture('mv2-basic'));
    expect(await failureOf(pageFetch(t, other, `${loaded.url}public.html`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(await failureOf(pageFetch(t, ses, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/public.html'))).toBe(
      'net::ERR_BLOCKED_BY_CLIENT',
    );
    ses.removeExtension(loaded.id);
    expect(await failureOf(pageFetch(t, ses, `${loaded.url}public.html`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  t.itInEras(
    'current',
    'has no loader for the scheme in the net module: ses.fetch fails with ERR_UNKNOWN_URL_SCHEME',
    async () => {
      const ses = persistentSession(t);
      const { url } = await ses.loadExtension(fixture('mv2-basic'));
      const fetching = (ses as unknown as { fetch(u: string): Promise<unknown> }).fetch(`${url}public.html`);
      expect(await failureOf(fetching)).toBe('net::ERR_UNKNOWN_URL_SCHEME');
    },
  );
});
