import { describe, expect, it } from 'vitest';
import { extractMeta } from '../../harness/runner/read-meta.ts';

const good = `
import { defineSpec } from '../../harness/api/spec-meta.ts';
export const meta = defineSpec({
  members: ['ses.setProxy'],
  eras: '>=e12',
  requires: ['network', 'proxy.pac'],
  level: 'must',
  basis: 'chromium',
  summary: 'Proxies.',
});
`;

describe('static spec metadata', () => {
  it('reads the literal without running the file', () => {
    expect(extractMeta(good, 'x.spec.ts')).toEqual({
      members: ['ses.setProxy'],
      eras: '>=e12',
      requires: ['network', 'proxy.pac'],
      level: 'must',
      basis: 'chromium',
      summary: 'Proxies.',
    });
  });

  it('reads it however the statement is laid out, and the reason a file needs a process of its own', () => {
    const expected = { members: ['ses.setProxy'], eras: '*', requires: [], level: 'must', basis: 'electron', summary: 'S.' };
    const oneLine = `export const meta = defineSpec({ members: ['ses.setProxy'], eras: '*', requires: [], level: 'must', basis: 'electron', summary: 'S.' });\nconst t = 1;\n`;
    expect(extractMeta(oneLine, 'x.spec.ts')).toEqual(expected);
    const plain = `export const meta = {\n  members: ['ses.setProxy'], eras: '*', requires: [], level: 'must', basis: 'electron', summary: 'S.',\n};\ndescribe('x', () => {\n});\n`;
    expect(extractMeta(plain, 'x.spec.ts')).toEqual(expected);
    const isolated = good.replace("summary: 'Proxies.',", "summary: 'Proxies.',\n  isolate: 'sets process.env',");
    expect(extractMeta(isolated, 'x.spec.ts').isolate).toBe('sets process.env');
    expect(() => extractMeta(good.replace("summary: 'Proxies.',", "summary: 'Proxies.', isolate: ''"), 'x.spec.ts')).toThrow(
      /isolate must say why/,
    );
  });

  it('rejects computed values, unknown capabilities, bad ranges and missing metadata', () => {
    expect(() => extractMeta(good.replace("'>=e12'", 'RANGE'), 'x.spec.ts')).toThrow(/literal values/);
    expect(() => extractMeta(good.replace("'proxy.pac'", "'teleport'"), 'x.spec.ts')).toThrow(/known capabilities/);
    expect(() => extractMeta(good.replace("'>=e12'", "'>=e13'"), 'x.spec.ts')).toThrow(/e13/);
    expect(() => extractMeta(good.replace("level: 'must',", ''), 'x.spec.ts')).toThrow(/level/);
    expect(() => extractMeta('export const other = 1;', 'x.spec.ts')).toThrow(/no `export const meta/);
  });
});
