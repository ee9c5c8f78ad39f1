// The process a crash-durability trial kills: `tsx fuzz/durability-writer.ts
// <userData> <origin> <seed> <acked.json>`. It opens the app on userData and
// writes to the stores (durability-probes.ts) without pause, printing
// `intent <probe>` before each change and `ack <json>` as soon as it is
// acknowledged, until it is killed. Changes are numbered from <first>.

import { readFileSync, writeSync } from 'node:fs';
import { createReferenceElectron } from '../reference/instance.ts';
import { PROBES, type Acked } from './durability-probes.ts';
import { seededRandom } from './seeded-random.ts';

const [userData, origin, seedText, ackedFile, firstText] = process.argv.slice(2) as [string, string, string, string, string];
const random = seededRandom(Number(seedText));
const acked = JSON.parse(readFileSync(ackedFile, 'utf8')) as Acked[];
const electron = createReferenceElectron({ era: 'current', userData });
await electron.app.whenReady();
const session = electron.session.fromPartition('persist:durable') as unknown as Electron.Session;
writeSync(1, 'ready\n');
for (let n = Number(firstText); ; n++) {
  const probe = PROBES[Math.floor(random() * PROBES.length)]!;
  const ctx = { session, origin, acked };
  const item = probe.plan(ctx, n);
  writeSync(1, `intent ${JSON.stringify(item)}\n`);
  if (!(await probe.apply(ctx, item))) continue;
  acked.push(item);
  writeSync(1, `ack ${JSON.stringify(item)}\n`);
}
