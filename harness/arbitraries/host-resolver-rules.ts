// Seeded host-resolver-rules lists and the URLs that probe them, for the
// differential check against Chromium's HostMappingRules. A list mixes MAP
// and EXCLUDE rules whose patterns are globbed from the probe hosts (`*`,
// `?`, `\` escapes, a port or a port glob, bracketed IPv6), replacements that
// point at loopback listeners (or at nothing: ~NOTFOUND, bad ports, user
// info, odd spellings of 127.0.0.1 and ::1), and the noise Chromium's parser
// skips (unknown verbs, wrong word counts, double spaces, tabs, empty entries).
// Ports are symbolic until the listeners exist: `<A>` is listener A's port,
// `<A?>` and `<A*>` are globs of it, `<0A>` has a leading zero, `<D>` is a port
// nothing listens on. Every name a probe uses is under .test (or is loopback),
// so an unmapped one fails to resolve instead of reaching another machine.

import fc from 'fast-check';

/** Listener ids: A and B listen on 127.0.0.1, C on ::1; D is a port with no listener. */
export type PortId = 'A' | 'B' | 'C' | 'D';
export type PortTable = Record<PortId, number>;

export interface RuleListCase {
  /** The switch value, ports still symbolic. */
  rules: string;
  /** Probe URLs, ports still symbolic: `http://<host>:<port>/`. */
  probes: { host: string; port: PortId }[];
}

/** Host names as a URL spells them (the browser canonicalizes: case, IDN, brackets). */
// biome-ignore format: a word list, kept dense
const PROBE_HOSTS = [
  'a.test', 'b.a.test', 'x.b.a.test', 'ab.test', 'abc.test', 'ac.test', 'other.test', 'A.TEST', 'B.A.Test',
  'a.test.', 'b.a.test.', 'xn--caf-dma.test', 'café.test', 'münchen.test', 'a-b.test', 'a_b.test', 'ex.test',
  'no.ex.test', 'yes.ex.test', '127.0.0.1', '[::1]', 'localhost', 'sub.localhost', 'q.test', 'qq.test', 'qqq.test',
] as const;

/** The host part of a pattern derived from a probe host (lowercased as Chromium stores patterns, or not). */
// biome-ignore format: a word list, kept dense
const PATTERN_HOSTS = [
  'a.test', 'b.a.test', '*.a.test', '*a.test', '*.test', '*', 'a?.test', 'a??.test', '?.test', 'ab?.test', 'q?.test',
  'q?q.test', '*q', 'A.TEST', '*.A.Test', 'a\\.test', 'a\\*.test', '\\*.test', 'a.test.', '*.test.', 'xn--caf-dma.test',
  'café.test', 'xn--*', 'mnchen*', 'a-b.test', 'a_b.test', '*.ex.test', 'ex.test', 'no.ex.test', 'yes.ex.test',
  '127.0.0.1', '127.0.0.*', '127.*', '::1', '[::1]', '*:1', '*1', 'localhost', '*.localhost', 'local*', 'other.test',
  '**.test', '*?', '?', 'a.tes?', 'a.test?', '\\a.test', 'a.test\\',
] as const;

/** What follows a pattern's host: nothing, a port, or a port glob. */
// biome-ignore format: a word list, kept dense
const PATTERN_PORTS = ['', '', '', ':<A>', ':<B>', ':<C>', ':<D>', ':<A?>', ':<B*>', ':*', ':<0A>', ':8*'] as const;

/** Replacements: listeners under several spellings, and ones Chromium refuses or fails. */
// biome-ignore format: a word list, kept dense
const REPLACEMENTS = [
  '127.0.0.1:<A>', '127.0.0.1:<B>', '[::1]:<C>', 'localhost:<B>', '127.0.0.1:<A>', '127.0.0.1:<B>', '[::1]:<C>',
  '127.0.0.1', '127.0.0.1:<A>', '127.0.0.1:<B>', '127.0.0.1:<0A>', '[::1]:<C>', '[::1]', 'localhost:<B>',
  'localhost:<C>', 'localhost', 'LOCALHOST:<A>', '127.1:<A>', '0x7f.0.0.1:<B>', '2130706433:<A>', '[0:0::1]:<C>',
  '[::ffff:127.0.0.1]:<A>', '127.0.0.1:<D>', '127.0.0.1:65536', '127.0.0.1:8x', '127.0.0.1:', 'u@127.0.0.1:<A>',
  'u:p@127.0.0.1:<B>', '~NOTFOUND', '~notfound', '^NOTFOUND', '::1', '[::1', '::1]:<C>', 'a.test:<A>', '127.0.0.1:+<A>',
  '127.0.0.1:00000<A>', '127.0.0.1:<A>:<B>', '[::1]:<C>x', 'localhost.:<B>', '127.0.0.256:<A>', '127.0.0.1.:<A>',
] as const;

// Mostly well-formed rules, so that most probes meet one: the noise is one word in several.
// biome-ignore format: a word list, kept dense
const VERBS = ['MAP', 'MAP', 'MAP', 'MAP', 'MAP', 'MAP', 'map', 'map', 'Map', 'EXCLUDE', 'EXCLUDE', 'exclude', 'Exclude', 'MAPP', 'REMAP'] as const;
// biome-ignore format: a word list, kept dense
const SPACES = [' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', '  ', '\t', ' \t'] as const;
const PADDING = ['', '', '', '', '', ' ', '  ', '\t', ' \n'] as const;

const ruleArbitrary: fc.Arbitrary<string> = fc
  .record({
    verb: fc.constantFrom(...VERBS),
    host: fc.constantFrom(...PATTERN_HOSTS),
    port: fc.constantFrom(...PATTERN_PORTS),
    replacement: fc.constantFrom(...REPLACEMENTS),
    /** 0: the usual word count for the verb; 1: one word short; 2: one word more. */
    count: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2),
    spaces: fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...SPACES)),
    pad: fc.tuple(fc.constantFrom(...PADDING), fc.constantFrom(...PADDING)),
  })
  .map(({ verb, host, port, replacement, count, spaces, pad }) => {
    const exclude = verb.toLowerCase().startsWith('exclude');
    let words = exclude ? [verb, host + port] : [verb, host + port, replacement];
    if (count === 1) words = words.slice(0, -1);
    if (count === 2) words = [...words, exclude ? '127.0.0.1' : 'extra'];
    const body = words.reduce((text, word, i) => (i === 0 ? word : text + spaces[(i - 1) % 2] + word), '');
    return pad[0] + body + pad[1];
  });

const ruleListArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: ruleArbitrary },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t') },
    ),
    { minLength: 5, maxLength: 20 },
  )
  .map((rules) => rules.join(','));

const probeArbitrary = fc.record({
  host: fc.constantFrom(...PROBE_HOSTS),
  port: fc.constantFrom<PortId>('A', 'A', 'B', 'C', 'D'),
});

const caseArbitrary: fc.Arbitrary<RuleListCase> = fc.record({
  rules: ruleListArbitrary,
  probes: fc.uniqueArray(probeArbitrary, {
    minLength: 30,
    maxLength: 30,
    selector: (p) => `${p.host}:${p.port}`,
  }),
});

/** `count` rule lists with their probes, fixed by `seed`. */
export function ruleListCases(seed: number, count: number): RuleListCase[] {
  return count > 0 ? fc.sample(caseArbitrary, { seed, numRuns: count }) : [];
}

/** Puts the listeners' ports into a symbolic string (`<A>`, `<A?>`, `<A*>`, `<0A>`). */
export function withPorts(text: string, ports: PortTable): string {
  return text.replace(/<(0?)([ABCD])([?*]?)>/g, (_, zero: string, id: PortId, glob: string) => {
    const port = String(ports[id]);
    if (glob === '?') return `${zero}${port.slice(0, -1)}?`;
    if (glob === '*') return `${zero}${port.slice(0, 2)}*`;
    return zero + port;
  });
}

/** A probe's URL with real ports, its path tagging the side, list and probe. */
export function probeUrl(probe: RuleListCase['probes'][number], ports: PortTable, path: string): string {
  return `http://${probe.host}:${ports[probe.port]}${path}`;
}
