// The PAC thread's limits, seen through PacResolver: scripts that recurse,
// hoard memory, loop inside one long operation, or loop between DNS lookups
// fail within their budget, while this thread's event loop keeps turning;
// the thread is replaced after such a failure and every script loads again
// (global state starts over, as after Chromium's ERR_PAC_SCRIPT_TERMINATED);
// nothing aborts the process when runtimes are thrown away.

import { afterEach, describe, expect, it } from 'vitest';
import type { PacHostResolver } from '../../reference/proxy/pac/host-resolution.ts';
import { PacResolver, PacScriptError } from '../../reference/proxy/pac/pac-resolver.ts';
import { watchStalls } from '../support/loop-stalls.ts';

const noDns: PacHostResolver = { lookup: async () => [], myAddresses: async () => ['192.0.2.1'] };
const fn = (body: string) => `function FindProxyForURL(url, host) {\n${body}\n}`;

const resolvers: PacResolver[] = [];
afterEach(() => {
  for (const r of resolvers.splice(0)) r.dispose();
});

async function load(script: string, options: Partial<Parameters<typeof PacResolver.create>[1]> = {}): Promise<PacResolver> {
  const resolver = await PacResolver.create(script, { hostResolver: noDns, ...options });
  resolvers.push(resolver);
  return resolver;
}

describe('the PAC thread', () => {
  it('fails a script that recurses without end as a script error, then loads and runs scripts again', async () => {
    const deep = await load(
      `function deeper(n) { return deeper(n + 1) + 1; }\n${fn('if (host == "deep") return deeper(0); return "PROXY fine:1";')}`,
    );
    const failure = await deep.findProxyForUrl('http://deep/', 'deep').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PacScriptError);
    expect((failure as PacScriptError).message).toMatch(/stack|terminated/i);
    deep.dispose();
    const next = await load(fn('return "PROXY next:1";'));
    expect(await next.findProxyForUrl('http://a/', 'a')).toBe('PROXY next:1');
    expect(await deep.findProxyForUrl('http://a/', 'a').catch((e: Error) => e.message)).toMatch(/unloaded/);
  });

  it('stops a script that hoards memory within its time, without the process growing or its loop stalling', async () => {
    const before = process.memoryUsage().rss;
    const watch = watchStalls();
    const hoarder = await load(fn('var keep = []; for (;;) keep.push(new Array(1 << 20).join("x") + keep.length);'));
    const started = Date.now();
    await expect(hoarder.findProxyForUrl('http://a/', 'a')).rejects.toBeInstanceOf(PacScriptError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await watch.stop()).toEqual([]);
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  }, 60_000);

  it('bounds a resolution that loops between DNS lookups by one budget for all its runs', async () => {
    let lookups = 0;
    const counting: PacHostResolver = {
      lookup: async () => {
        lookups++;
        return ['10.0.0.1'];
      },
      myAddresses: async () => [],
    };
    const slow = await load(
      fn(
        'var t = Date.now(); while (Date.now() - t < 300) {} dnsResolve("n" + Math.random() + ".test"); return "PROXY never:1";',
      ),
      {
        hostResolver: counting,
      },
    );
    const started = Date.now();
    await expect(slow.findProxyForUrl('http://a/', 'a')).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lookups).toBeLessThan(6);
  }, 60_000);

  it('loads other scripts again after the thread is replaced; their global state starts over', async () => {
    const counter = await load(`var calls = 0;\n${fn('calls++; return "PROXY c" + calls + ":1";')}`);
    expect(await counter.findProxyForUrl('http://a/', 'a')).toBe('PROXY c1:1');
    expect(await counter.findProxyForUrl('http://a/', 'a')).toBe('PROXY c2:1');
    const looping = await load(fn('for (;;) {}'), { limits: { timeoutMs: 200, memoryBytes: 16 << 20, stackBytes: 256 << 10 } });
    await expect(looping.findProxyForUrl('http://a/', 'a')).rejects.toMatchObject({ kind: 'timeout' });
    expect(await counter.findProxyForUrl('http://a/', 'a')).toBe('PROXY c1:1');
  }, 60_000);
});
