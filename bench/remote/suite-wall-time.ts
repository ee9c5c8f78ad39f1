// Wall time of the whole conformance suite through `remote:` (the bundled
// Node agent in child processes) over the same suite in-process, measured in
// the same run. Rounds alternate the order of the two so that drift in the
// machine's load hits both alike; the ratio printed is of the summed times.
// Target: <= 1.3x.
//
// Run: npm run bench:remote   [-- --rounds 3] [-- --era current]

import { parseArgs } from 'node:util';
import type { AdapterSpec } from '../../harness/api/run-context.ts';
import { ERA_IDS, isEraId, type EraId } from '../../contract/eras/eras.ts';
import { countStatuses } from '../../harness/report/model.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' }, era: { type: 'string', default: 'all' } } });
const rounds = Number(values.rounds);
const eras: EraId[] = values.era === 'all' ? [...ERA_IDS] : isEraId(values.era) ? [values.era] : [];
if (!Number.isInteger(rounds) || rounds < 1 || !eras.length) throw new Error('usage: --rounds <n> --era <id>|all');

const PEERS: { label: string; adapter: AdapterSpec }[] = [
  { label: 'in-process', adapter: { kind: 'reference' } },
  { label: 'remote:', adapter: { kind: 'remote', command: [process.execPath, 'harness/agent/reference-agent.mjs'] } },
];

async function timed(adapter: AdapterSpec): Promise<{ ms: number; tests: number; bad: number }> {
  const started = performance.now();
  const report = await runSuite({ adapter, eras });
  const ms = performance.now() - started;
  const counts = countStatuses(report.runs.flatMap((r) => r.results));
  return {
    ms,
    tests: Object.values(counts).reduce((a, b) => a + b, 0),
    bad: counts.FAIL + counts.ERROR + counts.TIMEOUT + counts.CRASH,
  };
}

const totals = new Map<string, number>(PEERS.map((p) => [p.label, 0]));
for (let round = 1; round <= rounds; round++) {
  const order = round % 2 === 1 ? PEERS : [...PEERS].reverse();
  for (const peer of order) {
    const result = await timed(peer.adapter);
    if (result.bad) throw new Error(`${peer.label}: ${result.bad} failing test(s); fix them before benchmarking`);
    totals.set(peer.label, totals.get(peer.label)! + result.ms);
    console.log(
      `round ${round} ${peer.label.padEnd(10)} ${(result.ms / 1000).toFixed(1)} s  (${result.tests} tests, eras ${eras.join(' ')})`,
    );
  }
}
const local = totals.get('in-process')!;
const remote = totals.get('remote:')!;
console.log(
  `\nwhole suite, ${rounds} round(s): in-process ${(local / 1000).toFixed(1)} s, remote: ${(remote / 1000).toFixed(1)} s`,
);
console.log(`remote / in-process wall time: ${(remote / local).toFixed(2)}x (target <= 1.30x)`);
