// The PAC runtime: the QuickJS sandbox's limits (time, memory, stack), the
// in-sandbox isPlainHostName against its host-side twin, the native
// functions' argument handling, DNS answered through the injected resolver
// (with re-runs after a lookup), and load-time failures.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInNetEx, isPlainHostName, sortIpAddressList } from '../../reference/proxy/pac/bindings.ts';
import type { PacHostResolver } from '../../reference/proxy/pac/host-resolution.ts';
import { PAC_LIBRARY } from '../../reference/proxy/pac/library.ts';
import { PacResolver, PacScriptError } from '../../reference/proxy/pac/pac-resolver.ts';
import { PacSandbox } from '../../reference/proxy/pac/sandbox.ts';

/** A resolver over a fixed table that counts its lookups. */
function tableResolver(table: Record<string, string[]>): PacHostResolver & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    async lookup(host, family) {
      lookups.push(`${host}/${family}`);
      const all = table[host] ?? [];
      return family === 4 ? all.filter((a) => !a.includes(':')) : all;
    },
    async myAddresses() {
      lookups.push('myAddresses');
      return ['192.0.2.7', '2001:db8::7'];
    },
  };
}

const fn = (body: string) => `function FindProxyForURL(url, host) {\n${body}\n}`;

describe('sandbox limits', () => {
  it('stops a loop at the deadline and stays usable', async () => {
    const sandbox = await PacSandbox.create({}, { timeoutMs: 100, memoryBytes: 16 * 1024 * 1024, stackBytes: 256 * 1024 });
    try {
      expect(sandbox.evaluate('while (true) {}', 'loop.js')).toEqual({ kind: 'timeout' });
      expect(sandbox.evaluate('"still" + " here"', 'after.js')).toEqual({ kind: 'value', type: 'string', string: 'still here' });
    } finally {
      sandbox.dispose();
    }
  });

  it('fails a script that exhausts memory or recurses without end, and stays usable', async () => {
    const sandbox = await PacSandbox.create({}, { timeoutMs: 500, memoryBytes: 4 * 1024 * 1024, stackBytes: 128 * 1024 });
    try {
      expect(sandbox.evaluate('var a = "x"; while (true) a = a + a;', 'memory.js').kind).toBe('error');
      // Endless recursion ends with a stack error or at the deadline, never in the host.
      expect(['error', 'timeout']).toContain(sandbox.evaluate('function f() { return f() + 1; } f();', 'stack.js').kind);
      expect(sandbox.evaluate('a = null; 1 + 1', 'after.js')).toEqual({ kind: 'value', type: 'number' });
    } finally {
      sandbox.dispose();
    }
  });
});

describe('isPlainHostName inside the sandbox', () => {
  it("agrees with the host-side version (Chromium's IsPlainHostName) on generated names", async () => {
    const sandbox = await PacSandbox.create({});
    try {
      expect(sandbox.evaluate(PAC_LIBRARY, 'lib.js').kind).toBe('value');
      sandbox.evaluate('function probe(h) { return String(isPlainHostName(h)); }', 'probe.js');
      const piece = fc.constantFrom(
        'a',
        'Z',
        '0',
        '1',
        '7',
        '8',
        '9',
        'x',
        'X',
        'f',
        ':',
        '::',
        '.',
        '0x',
        '00',
        'g',
        '-',
        '%',
        'é',
        '4294967295',
        '4294967296',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
          (host) => {
            const outcome = sandbox.call('probe', [host, '']);
            expect(outcome, host).toEqual({ kind: 'value', type: 'string', string: String(isPlainHostName(host)) });
          },
        ),
        { numRuns: 2000, seed: 7 },
      );
      expect(sandbox.evaluate('try { isPlainHostName(1); "no" } catch (e) { e.name + ": " + e.message }', 't.js')).toMatchObject({
        string: 'TypeError: Requires 1 string parameter',
      });
    } finally {
      sandbox.dispose();
    }
  });
});

describe('native PAC functions', () => {
  it('sortIpAddressList: IPv6 first, ascending, original spelling kept; false on anything invalid', () => {
    expect(sortIpAddressList('10.2.2.2; ::1 ;10.1.1.1;2001:db8::1')).toBe('::1;2001:db8::1;10.1.1.1;10.2.2.2');
    expect(sortIpAddressList('127.1;10.0.0.1')).toBe('10.0.0.1;127.1');
    expect(sortIpAddressList('10.0.0.1;nonsense')).toBe(false);
    expect(sortIpAddressList(';;')).toBe(false);
    expect(sortIpAddressList('')).toBe(false);
  });

  it('isInNetEx: CIDR membership with IPv4-mapped promotion', () => {
    expect(isInNetEx('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(isInNetEx('::ffff:10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(isInNetEx('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(isInNetEx('host', '10.0.0.0/8')).toBe(false);
    expect(isInNetEx('10.1.2.3', '10.0.0.0')).toBe(false);
  });

  it('answers argument mistakes as Chromium does', async () => {
    const resolver = await PacResolver.create(
      fn(
        'return "PROXY " + [dnsResolve(), typeof dnsResolveEx(), sortIpAddressList(5), isInNetEx("a"), alert()].join("-").replace(/[^a-z0-9-]/g, "x") + ":1";',
      ),
      { hostResolver: tableResolver({}) },
    );
    try {
      // join() writes null and undefined as empty: dnsResolve() is null, dnsResolveEx() undefined,
      // sortIpAddressList(5) and isInNetEx("a") null, alert() undefined.
      expect(await resolver.findProxyForUrl('http://a/', 'a')).toBe('PROXY -undefined---:1');
    } finally {
      resolver.dispose();
    }
  });
});

describe('DNS through the injected resolver', () => {
  it('re-runs the script after each missing answer and asks each question once per call', async () => {
    const dns = tableResolver({ 'one.test': ['10.0.0.1', '2001:db8::1'], 'two.test': ['10.0.0.2'] });
    const resolver = await PacResolver.create(
      fn(
        'return "PROXY " + [dnsResolve("one.test"), dnsResolveEx("one.test"), dnsResolve("two.test"), dnsResolve("none.test"), myIpAddress(), myIpAddressEx()].join("-").replace(/[^a-z0-9.-]/g, "x") + ":1";',
      ),
      { hostResolver: dns },
    );
    try {
      const answer = await resolver.findProxyForUrl('http://a/', 'a');
      expect(answer).toBe('PROXY 10.0.0.1-10.0.0.1x2001xdb8xx1-10.0.0.2--192.0.2.7-192.0.2.7x2001xdb8xx7:1');
      expect(dns.lookups).toEqual(['one.test/4', 'one.test/0', 'two.test/4', 'none.test/4', 'myAddresses', 'myAddresses']);
    } finally {
      resolver.dispose();
    }
  });

  it('answers IP literals without a lookup', async () => {
    const dns = tableResolver({});
    const resolver = await PacResolver.create(
      fn('return "PROXY " + dnsResolve("127.1") + ":" + (dnsResolve("::1") === null ? 1 : 2);'),
      { hostResolver: dns },
    );
    try {
      expect(await resolver.findProxyForUrl('http://a/', 'a')).toBe('PROXY 127.0.0.1:1');
      expect(dns.lookups).toEqual([]);
    } finally {
      resolver.dispose();
    }
  });

  it('answers DNS questions asked while the script loads', async () => {
    const dns = tableResolver({ 'boot.test': ['10.9.9.9'] });
    const resolver = await PacResolver.create(`var boot = dnsResolve("boot.test");\n${fn('return "PROXY " + boot + ":1";')}`, {
      hostResolver: dns,
    });
    try {
      expect(await resolver.findProxyForUrl('http://a/', 'a')).toBe('PROXY 10.9.9.9:1');
    } finally {
      resolver.dispose();
    }
  });
});

describe('script failures', () => {
  const failing: [string, string, PacScriptError['kind']][] = [
    ['empty', '', 'load'],
    ['syntax error', 'function (', 'load'],
    ['no entry point', 'var x = 1;', 'load'],
    ['throws at load', 'throw 1;', 'load'],
  ];
  for (const [name, script, kind] of failing) {
    it(`refuses to load: ${name}`, async () => {
      await expect(PacResolver.create(script, { hostResolver: tableResolver({}) })).rejects.toMatchObject({ kind });
    });
  }

  it('reports errors through onError and collects alerts', async () => {
    const errors: string[] = [];
    const alerts: string[] = [];
    const resolver = await PacResolver.create(fn('alert("hello " + host); if (host == "t") throw new Error("bad"); return 42;'), {
      hostResolver: tableResolver({}),
      onError: (e) => errors.push(`${e.kind}: ${e.message}`),
      onAlert: (m) => alerts.push(m),
    });
    try {
      await expect(resolver.findProxyForUrl('http://t/', 't')).rejects.toBeInstanceOf(PacScriptError);
      await expect(resolver.findProxyForUrl('http://u/', 'u')).rejects.toThrow('not a string');
      expect(errors).toEqual(['run: Error: bad', 'run: FindProxyForURL returned a value that is not a string']);
      expect(alerts).toEqual(['hello t', 'hello u']);
    } finally {
      resolver.dispose();
    }
  });
});
