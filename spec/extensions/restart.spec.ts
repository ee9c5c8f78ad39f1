// Extensions are not remembered across runs: after the app quits and starts
// again on the same userData, a persistent session lists none of the
// extensions loaded into it before, and loading the folder again works.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { fixture, type ExtensionSession } from './extension-support.ts';

export const meta = defineSpec({
  members: ['ses.loadExtension', 'ses.getAllExtensions', 'ses.getExtension'],
  eras: '>=e9',
  requires: ['extensions', 'restart'],
  level: 'must',
  basis: 'documented',
  summary: 'Loaded extensions are forgotten when the app restarts; they must be loaded again on each run.',
});

const t = useTarget(meta);

const partition = `persist:ext-restart-${process.pid}`;
const session = () => t.session.fromPartition(partition) as unknown as ExtensionSession;

describe('extensions across a restart', () => {
  it('are not loaded again after the app restarts', async () => {
    const loaded = await session().loadExtension(fixture('mv3-plain'));
    expect(session().getAllExtensions()).toEqual([loaded]);
    await t.target.restart();
    expect(session().getAllExtensions()).toEqual([]);
    expect(session().getExtension(loaded.id)).toBeNull();
    expect(await session().loadExtension(fixture('mv3-plain'))).toEqual(loaded);
  });
});
