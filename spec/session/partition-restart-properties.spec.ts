// Over generated sets of partitions: after a graceful restart, localStorage
// written through each is still there exactly for the persistent ones (the
// default session and persist: partitions), and gone for in-memory ones.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';

export const meta = defineSpec({
  members: ['session.fromPartition'],
  eras: '*',
  requires: ['restart', 'storage'],
  level: 'must',
  basis: 'electron',
  summary: 'Over generated partitions, a restart keeps localStorage of persistent sessions only.',
});

const t = useTarget(meta);

const PERSIST = 'persist:';

const unit = fc
  .oneof(
    fc.constantFrom('A', 'b', 'Z', '0', ' ', ':', '%', '.', 'é', '日', '😀'),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  )
  .filter((c) => c !== '/');
const name = fc.string({ unit, minLength: 1, maxLength: 10 });
const entry = fc.record({
  persistent: fc.boolean(),
  name,
  value: fc.string({ maxLength: 20 }),
});

// Two persist: names that differ only in ASCII case share one directory in
// Electron; keep one of each so every persistent session owns its storage.
const directoryKey = (e: { persistent: boolean; name: string }) =>
  e.persistent ? `p:${e.name.replace(/[A-Z]/g, (c) => c.toLowerCase())}` : `m:${e.name}`;

let run = 0;

describe('partition data across a restart (generated)', () => {
  it('is kept for persistent partitions and the default session, and lost for in-memory ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: directoryKey }),
        fc.string({ maxLength: 20 }),
        async (entries, defaultValue) => {
          fc.pre(entries.every((e) => !(e.persistent && (e.name === '.' || e.name === '..'))));
          // A fresh origin per run: nothing from earlier runs can answer for this one.
          const origin = `https://run-${++run}.example`;
          const partitionOf = (e: { persistent: boolean; name: string }) => (e.persistent ? PERSIST : 'mem:') + e.name;
          for (const e of entries) {
            await t.driver.storage.setLocalStorage({
              session: t.session.fromPartition(partitionOf(e)),
              origin,
              key: 'k',
              value: e.value,
            });
          }
          await t.driver.storage.setLocalStorage({ session: t.session.defaultSession, origin, key: 'k', value: defaultValue });

          await t.target.restart();

          for (const e of entries) {
            const got = await t.driver.storage.getLocalStorage({
              session: t.session.fromPartition(partitionOf(e)),
              origin,
              key: 'k',
            });
            expect(got, partitionOf(e)).toBe(e.persistent ? e.value : null);
          }
          const got = await t.driver.storage.getLocalStorage({ session: t.session.defaultSession, origin, key: 'k' });
          expect(got).toBe(defaultValue);
        },
      ),
      { numRuns: 15, seed: 20250302 },
    );
  }, 60_000);
});
