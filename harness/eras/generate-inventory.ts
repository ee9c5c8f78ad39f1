// Builds contract/eras/inventory.json from the five seed documents: for each era,
// the members of the `session` module it documents (names, kinds, signatures,
// anchors, flags; never prose). Markdown seeds are read through their `#`
// headings (outside code fences); the plain-text seed through line shapes (a
// blank-line-separated line that is exactly a section title, a call form such as
// `ses.foo(bar)`, or `Event: 'name'`). Translated seeds are mapped back to
// English with the small vocabularies of seed-vocabulary.ts.
//
//   npx tsx harness/eras/generate-inventory.ts           # (re)write inventory.json
//   npx tsx harness/eras/generate-inventory.ts --check   # exit 1 if it is stale
//
// Seeds dir: $SESSION_SEEDS_DIR, else <repo>/../shared/seeds.
//
// The parsing lives in build-inventory.ts, seed-headings.ts and
// seed-vocabulary.ts; the --check summary in inventory-diff.ts.

import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateInventory, serializeInventory } from './build-inventory.ts';
import { ERAS } from '../../contract/eras/eras.ts';
import type { Inventory } from '../../contract/eras/inventory.ts';
import { describeInventoryDiff, firstDifferentLine } from './inventory-diff.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INVENTORY_PATH = path.join(REPO_ROOT, 'contract', 'eras', 'inventory.json');

export function defaultSeedsDir(): string {
  const env = process.env['SESSION_SEEDS_DIR'];
  return env && env.trim() !== '' ? path.resolve(env) : path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: generate-inventory.ts [--check]   (unknown argument ${unknown.join(' ')})`);
    return 2;
  }
  const seedsDir = defaultSeedsDir();
  if (!existsSync(seedsDir)) {
    console.error(`seeds directory not found: ${seedsDir} (set SESSION_SEEDS_DIR)`);
    return 2;
  }
  let fresh: Inventory;
  try {
    fresh = generateInventory(seedsDir);
  } catch (e) {
    console.error(`cannot parse the seeds in ${seedsDir}: ${(e as Error).message}`);
    return 1;
  }
  const text = serializeInventory(fresh);
  const rel = path.relative(process.cwd(), INVENTORY_PATH) || INVENTORY_PATH;

  if (!check) {
    writeFileSync(INVENTORY_PATH, text);
    for (const info of ERAS) {
      const c = fresh.eras[info.id].counts;
      console.log(
        `${info.id.padEnd(8)} module ${c.module}  events ${c.events}  methods ${c.methods}  properties ${c.properties}  total ${c.total}`,
      );
    }
    console.log(`wrote ${rel}`);
    return 0;
  }

  if (!existsSync(INVENTORY_PATH)) {
    console.error(`${rel} does not exist; run: npx tsx harness/eras/generate-inventory.ts`);
    return 1;
  }
  const current = readFileSync(INVENTORY_PATH, 'utf8');
  if (current === text) {
    console.log(`${rel} is up to date`);
    return 0;
  }
  console.error(`${rel} is out of date with the seeds in ${seedsDir}:`);
  let diffs: string[];
  try {
    diffs = describeInventoryDiff(JSON.parse(current) as Inventory, fresh);
  } catch (e) {
    diffs = [`checked-in file is not valid JSON (${(e as Error).message})`];
  }
  if (diffs.length === 0) diffs = [`formatting only; first difference at ${firstDifferentLine(current, text)}`];
  for (const d of diffs) console.error(`  ${d}`);
  console.error('run: npx tsx harness/eras/generate-inventory.ts');
  return 1;
}

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(arg)).href;
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = main(process.argv.slice(2));
