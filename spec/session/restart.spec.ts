// What survives an app restart: the data of persistent sessions (the default
// session and persist: partitions). Session objects are new, in-memory
// partitions start empty, and settings made through the API (user agent,
// preloads) are not persisted by Electron.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.fromPartition'],
  eras: '*',
  requires: ['restart', 'storage'],
  level: 'must',
  basis: 'electron',
  summary:
    'After a restart sessions are new objects; persistent partitions keep their data, in-memory ones and API settings do not.',
});

const t = useTarget(meta);

const ORIGIN = 'https://restart.example';
let counter = 0;
const freshKey = () => `key-${++counter}`;

async function write(partition: string, key: string, value: string): Promise<void> {
  await t.driver.storage.setLocalStorage({ session: t.session.fromPartition(partition), origin: ORIGIN, key, value });
}

async function read(partition: string, key: string, origin = ORIGIN): Promise<string | null> {
  return t.driver.storage.getLocalStorage({ session: t.session.fromPartition(partition), origin, key });
}

describe('session.fromPartition across an app restart', () => {
  it('returns new session objects after the restart, still one per partition', async () => {
    const before = {
      def: t.session.defaultSession,
      persistent: t.session.fromPartition('persist:restart-identity'),
      memory: t.session.fromPartition('restart-identity'),
    };
    await t.target.restart();
    const after = {
      def: t.session.defaultSession,
      persistent: t.session.fromPartition('persist:restart-identity'),
      memory: t.session.fromPartition('restart-identity'),
    };
    expect(after.def).not.toBe(before.def);
    expect(after.persistent).not.toBe(before.persistent);
    expect(after.memory).not.toBe(before.memory);
    expect(t.session.fromPartition('persist:restart-identity')).toBe(after.persistent);
    expect(t.session.fromPartition('restart-identity')).toBe(after.memory);
    expect(t.session.fromPartition('')).toBe(after.def);
    expect(after.persistent).not.toBe(after.memory);
  });

  it('keeps localStorage of persist: partitions and of the default session', async () => {
    const key = freshKey();
    await write('persist:restart-data', key, 'partition-value');
    await write('', key, 'default-value');
    await t.target.restart();
    expect(await read('persist:restart-data', key)).toBe('partition-value');
    expect(await read('', key)).toBe('default-value');
    expect(await read('persist:', key)).toBe('default-value');
  });

  it('keeps data per origin and per partition', async () => {
    const key = freshKey();
    await write('persist:restart-a', key, 'a');
    await write('persist:restart-b', key, 'b');
    await t.target.restart();
    expect(await read('persist:restart-a', key)).toBe('a');
    expect(await read('persist:restart-b', key)).toBe('b');
    expect(await read('persist:restart-a', key, 'https://other-origin.example')).toBeNull();
    expect(await read('persist:restart-never-written', key)).toBeNull();
  });

  it('keeps data over several restarts', async () => {
    const key = freshKey();
    await write('persist:restart-many', key, 'v1');
    await t.target.restart();
    await t.target.restart();
    expect(await read('persist:restart-many', key)).toBe('v1');
    await write('persist:restart-many', key, 'v2');
    await t.target.restart();
    expect(await read('persist:restart-many', key)).toBe('v2');
  });

  it('starts in-memory partitions empty', async () => {
    const key = freshKey();
    await write('restart-memory', key, 'in-memory-value');
    expect(await read('restart-memory', key)).toBe('in-memory-value');
    await t.target.restart();
    expect(await read('restart-memory', key)).toBeNull();
  });

  it('does not carry in-memory data into the persist: partition of the same name', async () => {
    const key = freshKey();
    await write('restart-twin', key, 'memory-only');
    await t.target.restart();
    expect(await read('persist:restart-twin', key)).toBeNull();
    expect(await read('restart-twin', key)).toBeNull();
  });

  it('does not keep a user agent override', async () => {
    const baseline = t.session.fromPartition('restart-ua-untouched').getUserAgent();
    t.session.fromPartition('persist:restart-ua').setUserAgent('override/1.0');
    t.session.defaultSession.setUserAgent('default-override/1.0');
    t.session.fromPartition('restart-ua').setUserAgent('memory-override/1.0');
    await t.target.restart();
    expect(t.session.fromPartition('persist:restart-ua').getUserAgent()).toBe(baseline);
    expect(t.session.defaultSession.getUserAgent()).toBe(baseline);
    expect(t.session.fromPartition('restart-ua').getUserAgent()).toBe(baseline);
  });

  t.itInEras('>=e9', 'does not keep preloads', async () => {
    t.session.fromPartition('persist:restart-preloads').setPreloads(['/preload.js']);
    await t.target.restart();
    expect(t.session.fromPartition('persist:restart-preloads').getPreloads()).toEqual([]);
  });

  t.itInEras('>=e9', 'keeps persistence of the partition', async () => {
    await t.target.restart();
    expect(t.session.fromPartition('persist:restart-kind').isPersistent()).toBe(true);
    expect(t.session.fromPartition('restart-kind').isPersistent()).toBe(false);
  });

  t.itInEras('>=e12', 'gives a persist: partition the same storage path again', async () => {
    const before = t.session.fromPartition('persist:Restart Path').getStoragePath();
    await t.target.restart();
    expect(t.session.fromPartition('persist:Restart Path').getStoragePath()).toBe(before);
  });

  it("emits the new app's session-created again for the first access of a partition", async () => {
    t.session.fromPartition('persist:restart-created');
    await t.target.restart();
    const seen: unknown[] = [];
    const listener = (ses: unknown) => seen.push(ses);
    t.app.on('session-created', listener);
    try {
      const ses = t.session.fromPartition('persist:restart-created');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBe(ses);
    } finally {
      t.app.removeListener('session-created', listener);
    }
  });
});
