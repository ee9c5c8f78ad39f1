// The session's extension events (Electron 12+), each (event, extension):
// 'extension-loaded' as the extension is added, before loadExtension's
// promise resolves; 'extension-ready' on a later turn, after it resolves;
// 'extension-unloaded' while removeExtension runs, and before the new one's
// 'extension-loaded' when an id is loaded again. Failed loads and other
// sessions fire nothing.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  fixture,
  manifestOf,
  persistentSession,
  until,
  writeExtension,
  type ExtensionInfo,
  type ExtensionSession,
} from './extension-support.ts';

export const meta = defineSpec({
  members: ["ses.on('extension-loaded')", "ses.on('extension-unloaded')", "ses.on('extension-ready')"],
  eras: '>=e12',
  requires: ['extensions'],
  level: 'must',
  basis: 'electron',
  summary:
    "'extension-loaded' fires before the load resolves and 'extension-ready' after it; 'extension-unloaded' fires as removeExtension runs.",
});

const t = useTarget(meta);

const EVENTS = ['extension-loaded', 'extension-unloaded', 'extension-ready'] as const;

function record(ses: ExtensionSession): { log: string[]; args: Map<string, unknown[][]> } {
  const log: string[] = [];
  const args = new Map<string, unknown[][]>();
  for (const name of EVENTS) {
    ses.on(name, (...received: unknown[]) => {
      log.push(`${name}:${(received[1] as ExtensionInfo).name}`);
      args.set(name, [...(args.get(name) ?? []), received]);
    });
  }
  return { log, args };
}

describe('extension events', () => {
  it("fires 'extension-loaded' before the load resolves and 'extension-ready' after", async () => {
    const ses = persistentSession(t);
    const { log } = record(ses);
    const loaded = await ses.loadExtension(fixture('mv3-plain'));
    log.push('resolved');
    await until(() => log.includes(`extension-ready:${loaded.name}`), 'extension-ready');
    expect(log).toEqual([`extension-loaded:${loaded.name}`, 'resolved', `extension-ready:${loaded.name}`]);
  });

  it('passes an event object and the Extension, equal to what the load resolves with', async () => {
    const ses = persistentSession(t);
    const { args } = record(ses);
    const loaded = await ses.loadExtension(fixture('mv2-basic'));
    await until(() => args.has('extension-ready'), 'extension-ready');
    for (const name of ['extension-loaded', 'extension-ready']) {
      const [event, extension] = args.get(name)![0]!;
      expect(typeof event).toBe('object');
      expect(extension).toEqual(loaded);
    }
  });

  it("fires 'extension-unloaded' with the Extension before removeExtension returns", async () => {
    const ses = persistentSession(t);
    const { log, args } = record(ses);
    const loaded = await ses.loadExtension(fixture('mv3-plain'));
    await until(() => log.includes(`extension-ready:${loaded.name}`), 'extension-ready');
    log.length = 0;
    ses.removeExtension(loaded.id);
    log.push('returned');
    expect(log[0]).toBe(`extension-unloaded:${loaded.name}`);
    expect(log).toContain('returned');
    expect(args.get('extension-unloaded')![0]![1]).toEqual(loaded);
  });

  it('unloads the old extension before loading one with the same id', async () => {
    const ses = persistentSession(t);
    const dir = join(await t.tempDir(), 'again');
    await writeExtension(dir, manifestOf(3, { name: 'old' }));
    const { log } = record(ses);
    await ses.loadExtension(dir);
    await until(() => log.includes('extension-ready:old'), 'the first extension-ready');
    log.length = 0;
    await writeExtension(dir, manifestOf(3, { name: 'new' }));
    await ses.loadExtension(dir);
    await until(() => log.includes('extension-ready:new'), 'extension-ready');
    expect(log).toEqual(['extension-unloaded:old', 'extension-loaded:new', 'extension-ready:new']);
  });

  it('fires nothing for a failed load, a removal of an unknown id, or in another session', async () => {
    const ses = persistentSession(t);
    const other = persistentSession(t, 'ext-other');
    const mine = record(ses);
    const theirs = record(other);
    await ses.loadExtension(fixture('broken', 'missing-name')).catch(() => undefined);
    ses.removeExtension('abcdefghijklmnopabcdefghijklmnop');
    await ses.loadExtension(fixture('mv3-plain'));
    await until(() => mine.log.length === 2, 'two events');
    // A later load's events arrive after the earlier ones: nothing came before them.
    expect(mine.log).toEqual(['extension-loaded:Conformance MV3 plain', 'extension-ready:Conformance MV3 plain']);
    expect(theirs.log).toEqual([]);
  });
});
