// Crash durability of every store the reference persists: `tsx
// fuzz/durability.ts [--trials n] [--chains n] [--seed n]`. Each trial
// starts a writer (durability-writer.ts) on a userData, lets it write and
// acknowledge changes, and kills it with SIGKILL at a random moment; the
// next start (in this process) must open every store, hold every change
// acknowledged before the kill (and not hold one acknowledged as removed),
// leave no temp file and no damaged file. Trials run in chains on the same
// userData, so later trials start from what earlier kills left.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpServer } from '../fixtures/servers/index.ts';
import { LineSplitter } from '../harness/protocol/peer.ts';
import { createReferenceElectron } from '../reference/instance.ts';
import { PROBE_ROUTES, PROBES, type Acked } from './durability-probes.ts';
import { seededRandom } from './seeded-random.ts';

const WRITER = fileURLToPath(new URL('./durability-writer.ts', import.meta.url));

export interface DurabilityTotals {
  trials: number;
  acknowledged: number;
  losses: number;
  tempFiles: number;
  damaged: number;
  failedStarts: number;
  /** Writers that ended before the kill (a crash of the reference while writing). */
  writerFailures: number;
  problems: string[];
}

/**
 * Runs the writer until it is killed `killAfterMs` after it is ready;
 * resolves with what it acknowledged, what was in flight, and why it ended
 * on its own if it did.
 */
function killedWriter(
  userData: string,
  origin: string,
  seed: number,
  acked: Acked[],
  first: number,
  killAfterMs: number,
): Promise<{ acked: Acked[]; inFlight: Acked | null; endedOnItsOwn?: string }> {
  const ackedFile = path.join(userData, '..', `acked-${seed}.json`);
  writeFileSync(ackedFile, JSON.stringify(acked));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, userData, origin, String(seed), ackedFile, String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const got: Acked[] = [];
    let inFlight: Acked | null = null;
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (errors = (errors + c).slice(-4000)));
    // Whole lines only: the kill may cut the last one short.
    const lines = new LineSplitter();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('intent ')) inFlight = JSON.parse(line.slice(7)) as Acked;
        else if (line.startsWith('ack ')) {
          got.push(JSON.parse(line.slice(4)) as Acked);
          inFlight = null;
        }
      }
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), killAfterMs + 60_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') resolve({ acked: got, inFlight, endedOnItsOwn: errors.trim().split('\n').slice(-25).join('\n') });
      else resolve({ acked: got, inFlight });
    });
  });
}

/** The state the acknowledged changes leave: per probe and key, the last acknowledged change. */
function expected(acked: readonly Acked[]): Acked[] {
  const last = new Map<string, Acked>();
  for (const item of acked) last.set(`${item.probe}\n${item.key}`, item);
  return [...last.values()];
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => f.split(path.sep).pop()!);
}

export async function runDurability(options: {
  trials: number;
  chains: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<DurabilityTotals> {
  const log = options.log ?? (() => undefined);
  const server = await startHttpServer({ routes: PROBE_ROUTES });
  const origin = server.origin;
  const totals: DurabilityTotals = {
    trials: 0,
    acknowledged: 0,
    losses: 0,
    tempFiles: 0,
    damaged: 0,
    failedStarts: 0,
    writerFailures: 0,
    problems: [],
  };
  const perChain = Math.ceil(options.trials / options.chains);
  const chain = async (c: number) => {
    const random = seededRandom(options.seed + c * 7919);
    const root = mkdtempSync(path.join(os.tmpdir(), 'durability-'));
    const userData = path.join(root, 'userData');
    let acked: Acked[] = [];
    // A loss stays lost in the trials after it: each is counted once.
    const lost = new Set<string>();
    try {
      for (let t = 0; t < perChain && totals.trials < options.trials; t++) {
        totals.trials++;
        const killAfter = Math.floor(random() * 1500);
        const trialSeed = Math.floor(random() * 2 ** 31);
        const run = await killedWriter(userData, origin, trialSeed, acked, (c * perChain + t) * 100_000, killAfter);
        acked = [...acked, ...run.acked];
        totals.acknowledged += run.acked.length;
        const where = `chain ${c} trial ${t} (seed ${options.seed}, killed ${killAfter} ms after start)`;
        if (run.endedOnItsOwn !== undefined) {
          totals.writerFailures++;
          totals.problems.push(`${where}: the writer ended before the kill: ${run.endedOnItsOwn}`);
        }
        const leftovers = filesUnder(userData);
        const temps = leftovers.filter((f) => f.endsWith('.tmp'));
        // Opening the stores removes what killed writers left; check after the start below.
        let electron;
        try {
          electron = createReferenceElectron({ era: 'current', userData });
          await electron.app.whenReady();
          const session = electron.session.fromPartition('persist:durable') as unknown as Electron.Session;
          const ctx = { session, origin, acked };
          for (const item of expected(acked)) {
            // The one change under way at the kill may or may not have landed.
            if (run.inFlight && run.inFlight.probe === item.probe && run.inFlight.key === item.key) continue;
            const probe = PROBES.find((p) => p.name === item.probe)!;
            const id = JSON.stringify(item);
            if (!lost.has(id) && !(await probe.holds(ctx, item))) {
              lost.add(id);
              totals.losses++;
              totals.problems.push(`${where}: lost ${item.removed ? 'the removal of ' : ''}${item.probe} ${item.key}`);
            }
          }
          // Whichever way the change under way went, later trials expect it to stay so.
          if (run.inFlight && (await PROBES.find((p) => p.name === run.inFlight!.probe)!.holds(ctx, run.inFlight)))
            acked = [...acked, run.inFlight];
          await electron.quit();
        } catch (error) {
          totals.failedStarts++;
          totals.problems.push(`${where}: the next start failed: ${(error as Error).stack}`);
          await electron?.quit({ crash: true }).catch(() => undefined);
        }
        const after = filesUnder(userData);
        const stillTemp = after.filter((f) => f.endsWith('.tmp'));
        const damaged = after.filter((f) => f.endsWith('.damaged') || f.endsWith('.backup.damaged'));
        totals.tempFiles += stillTemp.length;
        totals.damaged += damaged.length;
        if (stillTemp.length)
          totals.problems.push(
            `${where}: temp files left after the next start: ${stillTemp.join(', ')} (before it: ${temps.length})`,
          );
        if (damaged.length) totals.problems.push(`${where}: damaged stores: ${damaged.join(', ')}`);
        log(`${where}: ${run.acked.length} acknowledged, ${acked.length} in all`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: options.chains }, (_, c) => chain(c)));
  await server.close();
  return totals;
}

export function durabilitySummary(t: DurabilityTotals): string {
  return `durability: ${t.trials} trials, ${t.acknowledged} changes acknowledged, ${t.losses} losses, ${t.tempFiles} temp files left, ${t.damaged} damaged stores, ${t.failedStarts} failed starts, ${t.writerFailures} writers that ended on their own`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { trials: { type: 'string', default: '1000' }, chains: { type: 'string', default: '2' }, seed: { type: 'string' } },
  });
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 30);
  console.log(`durability: seed ${seed}`);
  const totals = await runDurability({
    trials: Number(values.trials),
    chains: Number(values.chains),
    seed,
    log: (l) => console.log(l),
  });
  for (const p of totals.problems) console.log(`PROBLEM ${p}`);
  console.log(durabilitySummary(totals));
  process.exitCode = totals.problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
