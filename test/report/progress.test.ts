// Live progress: one line rewritten in place on a terminal (eras side by
// side), one plain line per finished file when not a terminal or under CI.

import { afterEach, describe, expect, it } from 'vitest';
import { parseReporters, progressPrinter, UsageError } from '../../harness/cli/options.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, out: { isTTY, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream };
}

const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
});

describe('progressPrinter', () => {
  it('rewrites one line on a terminal, with every era side by side and the totals', () => {
    delete process.env.CI;
    const { chunks, out } = stream(true);
    const print = progressPrinter(out);
    print('legacy', { filesDone: 0, filesTotal: 2, tests: 0, unexpected: 0 });
    print('legacy', { filesDone: 2, filesTotal: 2, tests: 9, unexpected: 1, lastFile: 'spec/a.spec.ts' });
    print('current', { filesDone: 1, filesTotal: 2, tests: 4, unexpected: 0, lastFile: 'spec/a.spec.ts' });
    expect(chunks[0]).toMatch(/^\r\[legacy 0\/2\] · tests 0 · unexpected 0 · \d+s\x1b\[K$/);
    expect(chunks[1]).toMatch(/^\r\[legacy 2\/2\] · tests 9 · unexpected 1 /);
    expect(chunks[2]).toMatch(/^\r\[legacy 2\/2 current 1\/2\] · tests 13 · unexpected 1 /);
    expect(chunks).toHaveLength(3);
  });

  it('prints a plain line per finished file when not a terminal, or under CI', () => {
    for (const [tty, env] of [
      [false, undefined],
      [true, 'true'],
    ] as const) {
      if (env === undefined) delete process.env.CI;
      else process.env.CI = env;
      const { chunks, out } = stream(tty);
      const print = progressPrinter(out);
      print('e9', { filesDone: 0, filesTotal: 1, tests: 0, unexpected: 0 });
      print('e9', { filesDone: 1, filesTotal: 1, tests: 3, unexpected: 0, lastFile: 'spec/a.spec.ts' });
      expect(chunks).toHaveLength(1);
      expect(chunks[0]).toMatch(/^\[e9\] files 1\/1 · tests 3 · unexpected 0 · \d+s · spec\/a\.spec\.ts\n$/);
    }
  });
});

describe('parseReporters', () => {
  it('accepts repeated and comma-separated names, once each, and rejects unknown ones', () => {
    expect(parseReporters(undefined, ['json', 'html'])).toEqual(['json', 'html']);
    expect(parseReporters(['junit,markdown', 'junit'], ['json'])).toEqual(['junit', 'markdown']);
    expect(() => parseReporters(['pdf'], ['json'])).toThrow(UsageError);
  });
});
