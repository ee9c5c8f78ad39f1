// usage: tsx hrr-bisect.tmp.ts <dump> <list>
import { readFileSync } from 'node:fs';
import { startHttpServer } from './fixtures/servers/index.ts';
import { fetchWithHostRules } from './harness/chromium/host-rules-oracle.ts';
const [dump, listNo, ...drop] = process.argv.slice(2);
const line = readFileSync(dump!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((o) => o.list === Number(listNo));
const old = { A: 43823, B: 36087, C: 41975, D: 35297 };
const [a, b, c] = await Promise.all([startHttpServer(), startHttpServer(), startHttpServer({ host: '::1' })]);
const map: Record<string, string> = { [old.A]: String(a.port), [old.B]: String(b.port), [old.C]: String(c.port) };
const fix = (t: string) => t.replace(/\d{5}/g, (m) => map[m] ?? m).replace(/43\d\d\?/g, String(a.port).slice(0, -1) + '?');
let rules = fix(line.rules);
const parts = rules.split(',');
const keep = process.env.KEEP ? process.env.KEEP.split(' ').map(Number) : parts.map((_, i) => i);
rules = keep.map((i) => parts[i]).join(',');
console.log(JSON.stringify(rules));
const urls = line.disagreements.map((d: any, i: number) => fix(d.url).replace(/\/$/, `/p${i}`));
const out = await fetchWithHostRules(rules, urls, { executable: '/usr/bin/chromium' });
for (const [i, u] of urls.entries()) {
  const who = [['A', a], ['B', b], ['C', c]].filter(([, s]: any) => s.log.requests.some((r: any) => r.url === `/p${i}`)).map(([n]) => n).join('') || 'none';
  console.log(u, who, line.disagreements[i].chromium, line.disagreements[i].target, out[i]!.errorText ?? '');
}
await Promise.all([a.close(), b.close(), c.close()]);
