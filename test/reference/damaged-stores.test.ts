// Persisted stores opened after damage: a truncated or garbled cookie file
// or local-storage file (written by something other than the atomic writer,
// or a disk that lost a sector) must not take the session down. The session
// opens, the store starts empty and works, and the damaged file is kept
// aside; temp files of writers killed before their rename are removed.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceElectron, type ReferenceElectron } from '../../reference/instance.ts';
import { REFERENCE_DRIVER_COMMANDS } from '../../reference/testing.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const driver = REFERENCE_DRIVER_COMMANDS;

interface CookiesApi {
  set(details: object): Promise<void>;
  get(filter: object): Promise<{ name: string; value: string }[]>;
  flushStore(): Promise<void>;
}

async function launch(
  userData: string,
): Promise<{ electron: ReferenceElectron; session: { cookies: CookiesApi; flushStorageData(): void } }> {
  const electron = createReferenceElectron({ era: 'current', userData });
  await electron.app.whenReady();
  return {
    electron,
    session: electron.session.fromPartition('persist:damaged') as unknown as { cookies: CookiesApi; flushStorageData(): void },
  };
}

/** Writes a cookie and a local-storage item, flushed, then quits; returns where the partition lives. */
async function populated(): Promise<{ userData: string; partition: string }> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'damaged-stores-'));
  dirs.push(userData);
  const { electron, session } = await launch(userData);
  await session.cookies.set({ url: 'https://kept.example/', name: 'a', value: '1', expirationDate: Date.now() / 1000 + 3600 });
  await session.cookies.flushStore();
  driver['storage.setLocalStorage']!({ session, origin: 'https://kept.example', key: 'k', value: 'v' });
  session.flushStorageData();
  await electron.quit();
  return { userData, partition: path.join(userData, 'Partitions', 'damaged') };
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('a damaged store', () => {
  it('opens empty and usable when the cookie file is truncated, keeping the damaged file aside', async () => {
    const { userData, partition } = await populated();
    const cookieFile = path.join(partition, 'Cookies.json');
    const damaged = readFileSync(cookieFile, 'utf8').slice(0, 20);
    truncateSync(cookieFile, 20);
    const { electron, session } = await launch(userData);
    expect(await session.cookies.get({})).toEqual([]);
    await session.cookies.set({ url: 'https://after.example/', name: 'b', value: '2', expirationDate: Date.now() / 1000 + 3600 });
    expect((await session.cookies.get({})).map((c) => c.name)).toEqual(['b']);
    await session.cookies.flushStore();
    await electron.quit();
    expect(readFileSync(`${cookieFile}.damaged`, 'utf8')).toBe(damaged);
    const again = await launch(userData);
    expect((await again.session.cookies.get({})).map((c) => c.name)).toEqual(['b']);
    await again.electron.quit();
  });

  it('opens the partition when its local-storage file is truncated, starting that store empty', async () => {
    const { userData, partition } = await populated();
    const storageFile = path.join(partition, 'Local Storage', 'local-storage.json');
    writeFileSync(storageFile, '{"https://kept.example": {"k": "v"');
    const { electron, session } = await launch(userData);
    expect(driver['storage.getLocalStorage']!({ session, origin: 'https://kept.example', key: 'k' })).toBeNull();
    expect((await session.cookies.get({})).map((c) => c.name)).toEqual(['a']);
    await electron.quit();
    expect(existsSync(`${storageFile}.damaged`)).toBe(true);
  });

  it('treats a document of the wrong shape as damage, not as data', async () => {
    const { userData, partition } = await populated();
    writeFileSync(path.join(partition, 'Local Storage', 'local-storage.json'), '{"https://kept.example": {"k": 5}}');
    writeFileSync(path.join(partition, 'Cookies.json'), '[]');
    const { electron, session } = await launch(userData);
    expect(driver['storage.getLocalStorage']!({ session, origin: 'https://kept.example', key: 'k' })).toBeNull();
    expect(await session.cookies.get({})).toEqual([]);
    await electron.quit();
  });

  it('removes temp files killed writers left in the cookie and local-storage folders', async () => {
    const { userData, partition } = await populated();
    const dead = 2 ** 22 + 12345;
    writeFileSync(path.join(partition, `.Cookies.json.${dead}.0123456789ab.tmp`), '{"half');
    writeFileSync(path.join(partition, 'Local Storage', `.local-storage.json.${dead}.ba9876543210.tmp`), '{"half');
    const { electron, session } = await launch(userData);
    // Each store cleans up as it opens.
    expect((await session.cookies.get({})).map((c) => c.name)).toEqual(['a']);
    expect(files(partition).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(driver['storage.getLocalStorage']!({ session, origin: 'https://kept.example', key: 'k' })).toBe('v');
    await electron.quit();
  });
});
