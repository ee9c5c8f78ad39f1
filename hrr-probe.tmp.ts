import http from 'node:http';
import { fetchWithHostRules } from './harness/chromium/host-rules-oracle.ts';
const seen: string[] = [];
const s = http.createServer((q, r) => { seen.push(q.url!); r.end('ok'); });
await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
const port = (s.address() as any).port;
const cases: [string, string][] = [
  [`MAP ${'?'.repeat(17)}.test 127.0.0.1:${port}`, `${'a'.repeat(17)}.test`],
  [`MAP ${'?'.repeat(16)}.test 127.0.0.1:${port}`, `${'a'.repeat(16)}.test`],
  [`MAP *a?.test 127.0.0.1:${port}`, 'aab.test'],
  [`MAP t.test\\ 127.0.0.1:${port}`, 't.test'],
  [`MAP *.test 0x7f.1:${port}`, 'hex.test'],
  [`MAP *b*c.test 127.0.0.1:${port}`, 'abxbc.test'],
];
const rules = cases.map(([r]) => r).join(',');
for (const [i, [r, h]] of cases.entries()) {
  await fetchWithHostRules(r, [`http://${h}:40004/${i}`], { executable: '/usr/bin/chromium' });
  console.log(JSON.stringify(r), h, seen.includes(`/${i}`));
}
s.close();
