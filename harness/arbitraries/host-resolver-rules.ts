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
  '127.1', '0x7f.0.0.1', '[0:0::1]', '[::ffff:127.0.0.1]', 'xy.g.test', 'xxy.g.test', 'LOCALHOST.',
] as const;

/** The host part of a pattern derived from a probe host (lowercased as Chromium stores patterns, or not). */
// biome-ignore format: a word list, kept dense
const PATTERN_HOSTS = [
  'a.test', 'b.a.test', '*.a.test', '*a.test', '*.test', '*', 'a?.test', 'a??.test', '?.test', 'ab?.test', 'q?.test',
  'q?q.test', '*q', 'A.TEST', '*.A.Test', 'a\\.test', 'a\\*.test', '\\*.test', 'a.test.', '*.test.', 'xn--caf-dma.test',
  'xn--*', 'mnchen*', 'a-b.test', 'a_b.test', '*.ex.test', 'ex.test', 'no.ex.test', 'yes.ex.test',
  '127.0.0.1', '127.0.0.*', '127.*', '::1', '[::1]', '*:1', '*1', 'localhost', '*.localhost', 'local*', 'other.test',
  '**.test', '*?', '?', 'a.tes?', 'a.test?', '\\a.test', 'a.test\\', '*x?.g.test', '::ffff:*', '[::ffff:7f00:1]',
  '127.1', '*.g.test', 'localhost.',
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
  'loc%61lhost:<B>', '127.0.0.1%2e:<A>', '[::1]:<C>/', 'a.test?:<A>', '[::ffff:7f00:1]:<B>',
] as const;

// Mostly well-formed rules, so that most probes meet one: the noise is one word in several.
// biome-ignore format: a word list, kept dense
const VERBS = ['MAP', 'MAP', 'MAP', 'MAP', 'MAP', 'MAP', 'map', 'map', 'Map', 'EXCLUDE', 'EXCLUDE', 'exclude', 'Exclude', 'MAPP', 'REMAP'] as const;
// biome-ignore format: a word list, kept dense
const SPACES = [' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', '  ', '\t', ' \t'] as const;
const PADDING = ['', '', '', '', '', ' ', '  ', '\t', ' \n'] as const;

/** One generated rule: its text, and the pattern it was built from (for probes that meet it). */
interface GeneratedRule {
  text: string;
  host: string;
  port: string;
}

const ruleArbitrary: fc.Arbitrary<GeneratedRule> = fc
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
    return { text: pad[0] + body + pad[1], host, port };
  });

/**
 * A rule naming a host in Unicode: Chromium reads the switch as ASCII, so
 * with one of these the whole list is no rules at all (rare, or most lists
 * would test nothing else).
 */
const unicodeRuleArbitrary: fc.Arbitrary<GeneratedRule> = fc
  .constantFrom('café.test', 'münchen.test')
  .map((host) => ({ text: `MAP ${host} 127.0.0.1:<A>`, host, port: '' }));

const ruleListArbitrary: fc.Arbitrary<GeneratedRule[]> = fc.array(
  fc.oneof(
    { weight: 120, arbitrary: ruleArbitrary },
    { weight: 10, arbitrary: fc.constantFrom('', ' ', '\t').map((text) => ({ text, host: '', port: '' })) },
    { weight: 1, arbitrary: unicodeRuleArbitrary },
  ),
  { minLength: 5, maxLength: 20 },
);

const probeArbitrary = fc.record({
  host: fc.constantFrom(...PROBE_HOSTS),
  port: fc.constantFrom<PortId>('A', 'A', 'B', 'C', 'D'),
});

/** What a wildcard becomes in a host made to meet a pattern (or to just miss it). */
const STAR_FILLS = ['', 'x', 'b.', 'xy.z'] as const;
const QUESTION_FILLS = ['', 'q', 'qq'] as const;

/** A name or loopback address whose lookup stays on this machine: .test, localhost, 127.0.0.1, ::1. */
function staysLocal(host: string): boolean {
  try {
    const name = new URL(`http://${host}/`).hostname;
    return /(^|\.)(test|localhost)\.?$/.test(name) || ['127.0.0.1', '[::1]', '[::ffff:7f00:1]'].includes(name);
  } catch {
    return false;
  }
}

/** A probe built from one of the list's patterns: each wildcard filled in, escapes dropped, the port it names. */
function probeMeeting(rule: GeneratedRule, picks: number[]): { host: string; port: PortId } | null {
  let host = '';
  let k = 0;
  const pick = <T>(options: readonly T[]): T => options[picks[k++ % picks.length]! % options.length]!;
  for (let i = 0; i < rule.host.length; i++) {
    const c = rule.host[i]!;
    if (c === '\\') host += rule.host[++i] ?? '';
    else if (c === '*') host += pick(STAR_FILLS);
    else if (c === '?') host += pick(QUESTION_FILLS);
    else host += c;
  }
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  const named = /<0?([ABCD])/.exec(rule.port)?.[1] as PortId | undefined;
  const port = named ?? pick<PortId>(['A', 'B', 'C', 'D']);
  // A host left with an escaped `*` or `?` is a URL-parsing question (Chromium's URL parser
  // percent-escapes `*` in a host, the WHATWG one keeps it), not a host rules one.
  return /^[\w.:[\]-]+$/.test(host) && staysLocal(host) ? { host, port } : null;
}

/** Probes: half from the shared pool, half made to meet (or nearly meet) the list's own patterns. */
function probesFor(rules: GeneratedRule[]): fc.Arbitrary<RuleListCase['probes']> {
  const patterns = rules.filter((r) => r.host);
  const derived = fc
    .tuple(
      fc.constantFrom(...(patterns.length ? patterns : [{ text: '', host: 'a.test', port: '' }])),
      fc.array(fc.nat(11), { minLength: 6, maxLength: 6 }),
    )
    .map(([rule, picks]) => probeMeeting(rule, picks));
  const probe = fc.oneof(probeArbitrary, derived).filter((p): p is { host: string; port: PortId } => p !== null);
  return fc.uniqueArray(probe, { minLength: 30, maxLength: 30, selector: (p) => `${p.host}:${p.port}` });
}

const caseArbitrary: fc.Arbitrary<RuleListCase> = ruleListArbitrary.chain((rules) =>
  probesFor(rules).map((probes) => ({ rules: rules.map((r) => r.text).join(','), probes })),
);

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
