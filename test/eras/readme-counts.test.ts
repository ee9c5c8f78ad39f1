// The README's table of members per era must match the inventory.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { loadInventory } from '../../contract/eras/inventory.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

describe('README member counts', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const era of ERA_IDS) {
    it(`states the inventory's counts for ${era}`, () => {
      const row = new RegExp(`^\\| ${era} \\| [^|]+ \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$`, 'm').exec(
        readme,
      );
      expect(row, `no README row for ${era}`).not.toBeNull();
      const { module, events, methods, properties, total } = loadInventory().eras[era].counts;
      expect(row!.slice(1).map(Number)).toEqual([module, events, methods, properties, total]);
    });
  }
});
