// Differential check against a real Chromium: generated host-resolver-rules
// lists (harness/arbitraries/host-resolver-rules.ts) and probe URLs. The
// switch is per process, so each list gets a target of its own (one describe
// block each) and a Chromium of its own (harness/chromium/host-rules-oracle.ts);
// both fetch every probe URL at once, and the loopback listener that received each
// request (A or B on 127.0.0.1, C on ::1, or none) must be the same. The
// probes' paths say which side, list and probe a request belongs to, so both
// sides can run at once and a request the browser makes by itself is ignored.
// The batch is fixed by HOST_RULES_DIFFERENTIAL_SEED and its size by
// HOST_RULES_DIFFERENTIAL_LISTS (30 probes a list; one list by default, so CI
// stays quick); HOST_RULES_DIFFERENTIAL_DUMP=<file> appends every
// disagreement to a file as JSON lines, and the batch's summary.

import { appendFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  probeUrl,
  ruleListCases,
  withPorts,
  type PortTable,
  type RuleListCase,
} from '../../harness/arbitraries/host-resolver-rules.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import { fetchWithHostRules } from '../../harness/chromium/host-rules-oracle.ts';
import { startDnsServer, startHttpServer, type DnsServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['chromium', 'network'],
  level: 'must',
  basis: 'chromium',
  summary: 'Generated host-resolver-rules lists send each request to the listener a real Chromium sends it to.',
});

const SEED = Number(process.env.HOST_RULES_DIFFERENTIAL_SEED ?? 150);
const LISTS = Number(process.env.HOST_RULES_DIFFERENTIAL_LISTS ?? 1);
const cases = ruleListCases(SEED, LISTS);
const REPLAY = `HOST_RULES_DIFFERENTIAL_SEED=${SEED} HOST_RULES_DIFFERENTIAL_LISTS=${LISTS}`;

interface Listeners {
  servers: Record<'A' | 'B' | 'C', FixtureServer>;
  ports: PortTable;
  /** What the target's resolver asks for a name no rule maps: it knows no names (Chromium's is a dead loopback port). */
  dns: DnsServer;
}

/** A loopback port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let started: Promise<Listeners> | undefined;
function listeners(): Promise<Listeners> {
  started ??= (async () => {
    const [a, b, c, d, dns] = await Promise.all([
      startHttpServer(),
      startHttpServer(),
      startHttpServer({ host: '::1' }),
      deadPort(),
      startDnsServer(),
    ]);
    return { servers: { A: a, B: b, C: c }, ports: { A: a.port, B: b.port, C: c.port, D: d }, dns };
  })();
  return started;
}

afterAll(async () => {
  if (!started) return;
  const { servers, dns } = await started;
  await Promise.all([...Object.values(servers).map((s) => s.close()), dns.close()]);
});

/** The listener that received `path`, or 'none'. */
function receiver(l: Listeners, path: string): string {
  const hits = Object.entries(l.servers).filter(([, s]) => s.log.requests.some((r) => r.url === path));
  return hits.map(([id]) => id).join('+') || 'none';
}

function executable(): string {
  const path = findChromium();
  if (!path) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
  return path;
}

interface Disagreement {
  url: string;
  chromium: string;
  target: string;
  chromiumError?: string;
  targetError?: string;
}

const totals = { lists: 0, probes: 0, agreed: 0 };
/** Where Chromium sent the probes, to show the batch is not all misses. */
const reached: Record<string, number> = {};

afterAll(() => {
  if (!totals.lists) return;
  const summary = `host-rules differential: seed ${SEED}: ${totals.agreed}/${totals.probes} probes agree over ${totals.lists} lists; Chromium's receivers ${JSON.stringify(reached)} (${REPLAY})`;
  console.log(summary);
  if (process.env.HOST_RULES_DIFFERENTIAL_DUMP)
    appendFileSync(process.env.HOST_RULES_DIFFERENTIAL_DUMP, `${JSON.stringify({ summary })}\n`);
});

function defineList(index: number, list: RuleListCase): void {
  describe(`rule list ${index}`, () => {
    let rules = '';
    const t = useTarget(meta, {
      prepare: async () => {
        const l = await listeners();
        rules = withPorts(list.rules, l.ports);
        return { switches: { 'host-resolver-rules': rules }, dnsServers: [l.dns.address] };
      },
    });

    it('sends every probe to the listener Chromium sends it to', async () => {
      const l = await listeners();
      const urls = (side: string) => list.probes.map((p, j) => probeUrl(p, l.ports, `/hrr/${side}/${index}/${j}`));
      const ses = t.session.fromPartition(`host-rules-differential-${index}`) as { fetch(url: string): Promise<Response> };
      const targetErrors: (string | undefined)[] = [];
      const [chromium] = await Promise.all([
        fetchWithHostRules(rules, urls('c'), { executable: executable() }),
        Promise.all(
          urls('t').map(async (url, j) => {
            try {
              await (await ses.fetch(url)).arrayBuffer();
            } catch (error) {
              targetErrors[j] = (error as Error).message;
            }
          }),
        ),
      ]);
      const disagreements: Disagreement[] = [];
      for (const [j, probe] of list.probes.entries()) {
        const path = (side: string) => `/hrr/${side}/${index}/${j}`;
        const expected = receiver(l, path('c'));
        const actual = receiver(l, path('t'));
        reached[expected] = (reached[expected] ?? 0) + 1;
        if (expected === actual) continue;
        const d: Disagreement = { url: probeUrl(probe, l.ports, '/'), chromium: expected, target: actual };
        if (chromium[j]?.errorText) d.chromiumError = chromium[j].errorText;
        if (targetErrors[j]) d.targetError = targetErrors[j];
        disagreements.push(d);
      }
      totals.lists++;
      totals.probes += list.probes.length;
      totals.agreed += list.probes.length - disagreements.length;
      if (disagreements.length && process.env.HOST_RULES_DIFFERENTIAL_DUMP)
        appendFileSync(process.env.HOST_RULES_DIFFERENTIAL_DUMP, `${JSON.stringify({ list: index, rules, disagreements })}\n`);
      const summary = `list ${index} of seed ${SEED}: ${list.probes.length - disagreements.length}/${list.probes.length} probes agree with --host-resolver-rules=${JSON.stringify(rules)} (replay with ${REPLAY})`;
      expect(disagreements, summary).toEqual([]);
    }, 120_000);
  });
}

for (const [index, list] of cases.entries()) defineList(index, list);
