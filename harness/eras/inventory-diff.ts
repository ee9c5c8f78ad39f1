// What `generate-inventory.ts --check` prints when the checked-in inventory is
// stale: the members, counts and seeds that changed, or the first differing line.

import { ERAS } from '../../contract/eras/eras.ts';
import type { Inventory, InventoryMember } from '../../contract/eras/inventory.ts';

/** Human-readable differences between the checked-in inventory and a fresh one. */
export function describeInventoryDiff(checkedIn: Inventory, fresh: Inventory): string[] {
  const out: string[] = [];
  if (checkedIn.schemaVersion !== fresh.schemaVersion) {
    out.push(`schemaVersion: ${checkedIn.schemaVersion} -> ${fresh.schemaVersion}`);
  }
  for (const info of ERAS) {
    const a = checkedIn.eras?.[info.id];
    const b = fresh.eras[info.id];
    if (!a) {
      out.push(`${info.id}: missing from the checked-in file`);
      continue;
    }
    if (a.seed !== b.seed) out.push(`${info.id}: seed ${a.seed} -> ${b.seed}`);
    if (a.seedSha256 !== b.seedSha256)
      out.push(`${info.id}: seed content changed (sha256 ${a.seedSha256.slice(0, 12)}… -> ${b.seedSha256.slice(0, 12)}…)`);
    if (JSON.stringify(a.counts) !== JSON.stringify(b.counts)) {
      out.push(`${info.id}: counts ${JSON.stringify(a.counts)} -> ${JSON.stringify(b.counts)}`);
    }
    const am = new Map((a.members ?? []).map((m) => [m.name, m]));
    const bm = new Map(b.members.map((m) => [m.name, m]));
    for (const name of am.keys()) if (!bm.has(name)) out.push(`${info.id}: - ${name} (no longer in the seed)`);
    for (const name of bm.keys()) if (!am.has(name)) out.push(`${info.id}: + ${name} (new in the seed)`);
    for (const [name, m] of bm) {
      const old = am.get(name);
      if (old && JSON.stringify(old) !== JSON.stringify(m)) {
        out.push(`${info.id}: ~ ${name}: ${JSON.stringify(old)} -> ${JSON.stringify(m)}`);
      }
    }
    const order = (xs: InventoryMember[]) =>
      xs
        .map((m) => m.name)
        .filter((n) => am.has(n) && bm.has(n))
        .join('\n');
    if (order(a.members ?? []) !== order(b.members)) out.push(`${info.id}: member order differs`);
  }
  return out;
}

export function firstDifferentLine(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      return `line ${i + 1}: checked in ${JSON.stringify(al[i] ?? '<end of file>')}, expected ${JSON.stringify(bl[i] ?? '<end of file>')}`;
    }
  }
  return 'no line differs';
}
