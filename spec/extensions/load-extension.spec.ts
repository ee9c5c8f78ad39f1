// ses.loadExtension: a valid unpacked extension resolves to its Extension
// object (id, name, path, url, version, manifest), with the id Chromium
// computes (from the `key`, else from the folder's path exactly as given),
// the display name and version Chromium derives, and the manifest as the
// file states it; extensions belong to one session; loading an id again
// replaces the extension.

import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  fixture,
  idOfKey,
  idOfPath,
  manifestOf,
  persistentSession,
  writeExtension,
  type ExtensionInfo,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension'],
  eras: '>=e9',
  requires: ['extensions'],
  level: 'must',
  basis: 'chromium',
  summary:
    'Loading an unpacked extension resolves to { id, name, path, url, version, manifest }, its id hashed from the key or the path.',
});

const t = useTarget(meta);

describe('ses.loadExtension resolves with the Extension', () => {
  it('of a Manifest V2 folder: id from the path, url from the id, the manifest as written (comments dropped)', async () => {
    const path = fixture('mv2-basic');
    const loaded = await persistentSession(t).loadExtension(path);
    const id = idOfPath(path);
    expect(loaded).toEqual({
      id,
      name: 'Conformance MV2',
      path,
      url: `chrome-extension://${id}/`,
      version: '1.2.3',
      manifest: {
        background: { persistent: false, scripts: ['background.js'] },
        description: 'A small Manifest V2 extension for the session conformance suite',
        icons: { '16': 'icons/16.png' },
        manifest_version: 2,
        name: 'Conformance MV2',
        permissions: ['storage'],
        version: '1.2.3',
        web_accessible_resources: ['public.html'],
      },
    });
    expect(Object.keys(loaded).sort()).toEqual(['id', 'manifest', 'name', 'path', 'url', 'version']);
  });

  it('of a Manifest V3 folder with a key: the id comes from the key, not the path', async () => {
    const path = fixture('mv3-key');
    const manifest = JSON.parse(await readFile(join(path, 'manifest.json'), 'utf8')) as { key: string };
    const loaded = await persistentSession(t).loadExtension(path);
    expect(loaded.id).toBe(idOfKey(manifest.key));
    expect(loaded.id).not.toBe(idOfPath(path));
    expect(loaded.url).toBe(`chrome-extension://${loaded.id}/`);
    expect(loaded.manifest).toEqual(manifest);
    expect(loaded.version).toBe('3.0');
  });

  it('gives ids in the letters a-p, 32 of them', async () => {
    const loaded = await persistentSession(t).loadExtension(fixture('mv3-plain'));
    expect(loaded.id).toMatch(/^[a-p]{32}$/);
  });

  it('hashes the path exactly as given: a trailing slash is another extension', async () => {
    const ses = persistentSession(t);
    const path = fixture('mv3-plain');
    const plain = await ses.loadExtension(path);
    const slashed = await ses.loadExtension(`${path}/`);
    expect(slashed.id).toBe(idOfPath(`${path}/`));
    expect(slashed.path).toBe(`${path}/`);
    expect(slashed.id).not.toBe(plain.id);
    expect(
      ses
        .getAllExtensions()
        .map((e) => e.id)
        .sort(),
    ).toEqual([plain.id, slashed.id].sort());
  });

  it('reports the display name: whitespace runs collapsed, ends trimmed; the manifest keeps the original', async () => {
    const loaded = await persistentSession(t).loadExtension(fixture('mv3-plain'));
    expect(loaded.name).toBe('Conformance MV3 plain');
    expect(loaded.manifest.name).toBe('  Conformance   MV3\tplain  ');
    expect(loaded.version).toBe('0.1');
    expect(loaded.manifest.version_name).toBe('0.1 beta');
  });

  it('drops whitespace runs that contain a line break from the name', async () => {
    const dir = await writeExtension(join(await t.tempDir(), 'lines'), manifestOf(3, { name: 'two\n  lines and  \r\n end' }));
    const loaded = await persistentSession(t).loadExtension(dir);
    expect(loaded.name).toBe('twolines andend');
  });

  it('reports the version as numbers: leading zeros after the first part go', async () => {
    const dir = await writeExtension(join(await t.tempDir(), 'zeros'), manifestOf(3, { version: '1.02.003.0' }));
    const loaded = await persistentSession(t).loadExtension(dir);
    expect(loaded.version).toBe('1.2.3.0');
    expect(loaded.manifest.version).toBe('1.02.003.0');
  });

  it('keeps the last of duplicate keys and any key it does not know in the manifest', async () => {
    const text = '{ "manifest_version": 3, "name": "first", "version": "1.0", "name": "second", "x_custom": { "a": [1, 2.5] } }';
    const dir = await writeExtension(join(await t.tempDir(), 'dupes'), text);
    const loaded = await persistentSession(t).loadExtension(dir);
    expect(loaded.name).toBe('second');
    expect(loaded.manifest).toEqual({ manifest_version: 3, name: 'second', version: '1.0', x_custom: { a: [1, 2.5] } });
  });

  it('reads the path up to its first NUL character, as a file path holds no NUL', async () => {
    const path = fixture('mv3-plain');
    const loaded = await persistentSession(t).loadExtension(`${path}\u0000/ignored`);
    expect(loaded.path).toBe(path);
    expect(loaded.id).toBe(idOfPath(path));
  });

  it('is per session: another session does not see it', async () => {
    const a = persistentSession(t, 'ext-a');
    const b = persistentSession(t, 'ext-b');
    const loaded = await a.loadExtension(fixture('mv2-basic'));
    expect(a.getExtension(loaded.id)).toEqual(loaded);
    expect(b.getExtension(loaded.id)).toBeNull();
    expect(b.getAllExtensions()).toEqual([]);
  });

  it('replaces an extension loaded again from the same folder', async () => {
    const ses = persistentSession(t);
    const first = await ses.loadExtension(fixture('mv2-basic'));
    const second = await ses.loadExtension(fixture('mv2-basic'));
    expect(second).toEqual(first);
    expect(ses.getAllExtensions()).toEqual([first]);
  });

  it('replaces an extension with the same key loaded from another folder', async () => {
    const ses = persistentSession(t);
    const key = JSON.parse(await readFile(fixture('mv3-key', 'manifest.json'), 'utf8')).key as string;
    const copy = await writeExtension(
      join(await t.tempDir(), 'same-key'),
      manifestOf(3, { key, name: 'Same key, other folder' }),
    );
    const original = await ses.loadExtension(fixture('mv3-key'));
    const replacement = await ses.loadExtension(copy);
    expect(replacement.id).toBe(original.id);
    expect(ses.getAllExtensions()).toEqual([replacement]);
    expect(ses.getExtension(original.id)?.path).toBe(copy);
  });

  it('reads the files at each load: a changed manifest shows on the next load', async () => {
    const ses = persistentSession(t);
    const dir = join(await t.tempDir(), 'changing');
    await writeExtension(dir, manifestOf(3, { version: '1.0' }));
    expect((await ses.loadExtension(dir)).version).toBe('1.0');
    await writeExtension(dir, manifestOf(3, { version: '2.0' }));
    expect((await ses.loadExtension(dir)).version).toBe('2.0');
    expect(ses.getAllExtensions().map((e) => e.version)).toEqual(['2.0']);
  });

  it('hashes any folder path into the id and the url (property)', async () => {
    const base = await t.tempDir();
    const ses = persistentSession(t);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9 ._()-]{1,24}$/).filter((s) => !/^\.+$/.test(s.trim()) && s.trim() === s),
        async (name) => {
          const dir = await writeExtension(join(base, `${++n}-${name}`), manifestOf(3));
          const loaded: ExtensionInfo = await ses.loadExtension(dir);
          expect(loaded.id).toBe(idOfPath(dir));
          expect(loaded.url).toBe(`chrome-extension://${idOfPath(dir)}/`);
          expect(loaded.path).toBe(dir);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('collapses any name as Chromium does (property)', async () => {
    const base = await t.tempDir();
    const ses = persistentSession(t);
    let n = 0;
    // Runs at either end, and runs holding a line break, vanish; other runs become one space.
    const collapse = (s: string) =>
      s.replace(/[ \t\n]+/g, (run: string, offset: number) =>
        offset === 0 || offset + run.length === s.length || run.includes('\n') ? '' : ' ',
      );
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[ \t\na-z]{0,12}[a-z][ \t\na-z]{0,12}$/), async (name) => {
        const dir = await writeExtension(join(base, `n${++n}`), manifestOf(3, { name }));
        const loaded = await ses.loadExtension(dir);
        expect(loaded.name).toBe(collapse(name));
      }),
      { numRuns: 25 },
    );
  });

  t.itInEras('e9', 'accepts a relative path and looks for it where the app runs', async () => {
    const relative = join('no-such-folder-here', 'extension');
    await expect(persistentSession(t).loadExtension(relative)).rejects.toThrow(`Extension directory not found: ${relative}`);
  });

  t.itInEras('>=e12', 'takes an options object leniently: allowFileAccess by truthiness, anything else ignored', async () => {
    const ses = persistentSession(t);
    const path = fixture('mv3-plain');
    const plain = await ses.loadExtension(path);
    for (const options of [
      { allowFileAccess: true },
      { allowFileAccess: 'yes' },
      { allowFileAccess: 0 },
      {},
      5,
      'options',
      null,
    ]) {
      expect(await ses.loadExtension(path, options)).toEqual(plain);
    }
    expect(ses.getAllExtensions()).toEqual([plain]);
  });

  t.itInEras('e9', 'emits no extension events (they came with Electron 12)', async () => {
    const ses = persistentSession(t);
    const seen: string[] = [];
    for (const name of ['extension-loaded', 'extension-unloaded', 'extension-ready']) ses.on(name, () => seen.push(name));
    const loaded = await ses.loadExtension(fixture('mv3-plain'), { allowFileAccess: true });
    ses.removeExtension(loaded.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });
});
