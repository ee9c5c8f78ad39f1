// Builds contract/eras/inventory.json from the five seed documents: for each era,
// the members of the `session` module it documents (names, kinds, signatures,
// anchors, flags; never prose). Markdown seeds are read through their `#`
// headings (outside code fences); the plain-text seed through line shapes (a
// blank-line-separated line that is exactly a section title, a call form such as
// `ses.foo(bar)`, or `Event: 'name'`). Translated seeds are mapped back to
// English with the small vocabularies below.
//
//   npx tsx harness/eras/generate-inventory.ts           # (re)write inventory.json
//   npx tsx harness/eras/generate-inventory.ts --check   # exit 1 if it is stale
//
// Seeds dir: $SESSION_SEEDS_DIR, else <repo>/../shared/seeds.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ERAS, type EraId } from '../../contract/eras/eras.ts';
import type { EraInventory, Inventory, InventoryMember } from '../../contract/eras/inventory.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const INVENTORY_PATH = path.join(REPO_ROOT, 'contract', 'eras', 'inventory.json');

export function defaultSeedsDir(): string {
  const env = process.env['SESSION_SEEDS_DIR'];
  return env && env.trim() !== '' ? path.resolve(env) : path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
}

// ---------------------------------------------------------------------------
// Vocabulary (the only hard-coded knowledge of the documents)
// ---------------------------------------------------------------------------

type SectionKind =
  | 'module-methods'
  | 'module-properties'
  | 'class'
  | 'instance-events'
  | 'instance-methods'
  | 'instance-properties';

/** Section titles, normalised by normTitle(), in English, Tagalog and French. */
const SECTION_TITLES: Readonly<Record<string, SectionKind>> = {
  'methods': 'module-methods',
  'mga paraan': 'module-methods',
  'méthodes': 'module-methods',
  'properties': 'module-properties',
  'mga katangian': 'module-properties',
  'propriétés': 'module-properties',
  'class: session': 'class',
  'klase: sesyon': 'class',
  'klase: session': 'class',
  'classe: session': 'class',
  'instance events': 'instance-events',
  'halimbawa ng mga event': 'instance-events',
  'mga pangyayari': 'instance-events',
  'mga kaganapan': 'instance-events',
  "événements d'instance": 'instance-events',
  'instance methods': 'instance-methods',
  'mga halimbawa ng sistematikong paraan': 'instance-methods',
  "méthodes d'instance": 'instance-methods',
  'instance properties': 'instance-properties',
  'katangian ng pagkakataon': 'instance-properties',
  "propriétés d'instance": 'instance-properties',
};

/** What each section holds: owner and kind of its members. */
const SECTION_CONTENT: Readonly<Record<SectionKind, { owner: InventoryMember['owner']; kind: InventoryMember['kind'] } | null>> = {
  'module-methods': { owner: 'module', kind: 'method' },
  'module-properties': { owner: 'module', kind: 'property' },
  'class': null,
  'instance-events': { owner: 'session', kind: 'event' },
  'instance-methods': { owner: 'session', kind: 'method' },
  'instance-properties': { owner: 'session', kind: 'property' },
};

const PLURAL: Readonly<Record<InventoryMember['kind'], string>> = { method: 'methods', property: 'properties', event: 'events' };

/** Words that introduce an event heading (`Event: 'name'`). */
const EVENT_LABELS = ['event', 'kaganapan', 'pangyayari', 'événement', 'évènement'];

/** Heading markers (`_Readonly_`, or a bare trailing word in plain text) -> English. */
const MARKERS: Readonly<Record<string, { english: string; flag: 'readonly' | 'experimental' | 'platform' }>> = {
  'readonly': { english: 'Readonly', flag: 'readonly' },
  'experimental': { english: 'Experimental', flag: 'experimental' },
  'expérimental': { english: 'Experimental', flag: 'experimental' },
  'windows': { english: 'Windows', flag: 'platform' },
  'linux': { english: 'Linux', flag: 'platform' },
  'macos': { english: 'macOS', flag: 'platform' },
};

/**
 * Identifiers that a translated seed renders in another language inside a
 * heading's call form (the e9 seed translates `session.fromPartition`'s
 * heading). Every translated name must also occur in English somewhere in the
 * same document, which the parser checks.
 */
const LOCALIZED_IDENTIFIERS: Readonly<Record<string, string>> = {
  'sesyon': 'session',
  'galingPartisyon': 'fromPartition',
  'partisyon': 'partition',
  'mga opsyon': 'options',
};

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/** Curly quotes and odd spaces -> ASCII. */
function asciiPunct(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

function normTitle(s: string): string {
  return asciiPunct(s).replace(/\s*:\s*/g, ': ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** GitHub's heading slug (github-slugger): lowercase, drop punctuation, spaces -> '-'. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function translateIdentifiers(s: string): { text: string; translated: boolean } {
  let text = s;
  let translated = false;
  const keys = Object.keys(LOCALIZED_IDENTIFIERS).sort((a, b) => b.length - a.length);
  for (const k of keys) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRe(k)}(?![\\p{L}\\p{N}_$])`, 'gu');
    if (re.test(text)) {
      translated = true;
      text = text.replace(re, LOCALIZED_IDENTIFIERS[k] ?? k);
    }
  }
  return { text, translated };
}

// ---------------------------------------------------------------------------
// Heading extraction: one function per document style
// ---------------------------------------------------------------------------

interface RawHeading {
  /** 1-based line number in the seed. */
  line: number;
  /** Heading level for markdown (1-6); 0 for plain-text headings. */
  level: number;
  text: string;
}

/** `#` headings outside fenced code blocks. */
export function markdownHeadings(doc: string): RawHeading[] {
  const out: RawHeading[] = [];
  let fence: string | null = null;
  doc.split('\n').forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      const mark = f[1] ?? '';
      if (fence === null) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark) fence = null;
      return;
    }
    if (fence !== null) return;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) out.push({ line: i + 1, level: (h[1] ?? '').length, text: h[2] ?? '' });
  });
  return out;
}

/**
 * Plain text has no heading markup: a heading is a line standing alone between
 * blank lines that is a known section title or has the exact shape of a member
 * heading (call form, property path, or event form). Code lines such as
 * `session.defaultSession.on('x', ...)` never have those shapes.
 */
export function plainTextHeadings(doc: string): RawHeading[] {
  const lines = doc.split('\n');
  const out: RawHeading[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || raw !== raw.trimStart()) return;
    const before = i === 0 ? '' : (lines[i - 1] ?? '').trim();
    const after = i === lines.length - 1 ? '' : (lines[i + 1] ?? '').trim();
    if (before !== '' || after !== '') return;
    if (sectionOf(line) !== undefined || parseMemberHeading(line) !== null) {
      out.push({ line: i + 1, level: 0, text: line });
    }
  });
  return out;
}

function sectionOf(text: string): SectionKind | undefined {
  return SECTION_TITLES[normTitle(text.replace(/`/g, ''))];
}

// ---------------------------------------------------------------------------
// Member headings
// ---------------------------------------------------------------------------

interface ParsedHeading {
  name: string;
  owner: InventoryMember['owner'];
  kind: InventoryMember['kind'];
  signature: string;
  /** English rendering of the heading text (signature + English markers), for the anchor. */
  englishHeading: string;
  platforms: string[];
  readonly: boolean;
  experimental: boolean;
  /** The heading used localized identifiers; `name` must be attested in the document. */
  translated: boolean;
}

const IDENT = String.raw`[\p{L}_$][\p{L}\p{N}_$]*`;
const CALL_FORM = new RegExp(String.raw`^(${IDENT})\.(${IDENT})(?:\(([\p{L}\p{N}_$\s,.\[\]]*)\))?$`, 'u');
const EVENT_FORM = new RegExp(
  String.raw`^(\p{L}+)\s*:\s*['"]([a-z0-9][a-z0-9-]*)['"]$`,
  'u',
);

/** Peels trailing markers (`_Readonly_`, `_Windows_`, or bare words in plain text). */
function splitMarkers(text: string): { core: string; markers: string[] } {
  let core = text.trim();
  const markers: string[] = [];
  for (;;) {
    const m = /\s+(?:_([^_]+)_|\*([^*]+)\*|([\p{L}]+))$/u.exec(core);
    const word = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
    if (!m || MARKERS[word.toLowerCase()] === undefined) break;
    markers.unshift(word);
    core = core.slice(0, m.index).trimEnd();
  }
  return { core, markers };
}

/** Parses a heading's text as a member heading; null if it is not one. */
export function parseMemberHeading(text: string): ParsedHeading | null {
  const { core: rawCore, markers } = splitMarkers(asciiPunct(text));
  const core = rawCore.replace(/`/g, '').trim();
  const english = markers.map((w) => MARKERS[w.toLowerCase()]!);
  const flags = {
    platforms: english.filter((m) => m.flag === 'platform').map((m) => m.english),
    readonly: english.some((m) => m.flag === 'readonly'),
    experimental: english.some((m) => m.flag === 'experimental'),
  };
  const suffix = english.map((m) => ` ${m.english}`).join('');

  const ev = EVENT_FORM.exec(core);
  if (ev && EVENT_LABELS.includes((ev[1] ?? '').toLowerCase())) {
    const signature = `Event: '${ev[2]}'`;
    return {
      name: `ses.on('${ev[2]}')`,
      owner: 'session',
      kind: 'event',
      signature,
      englishHeading: signature + suffix,
      ...flags,
      translated: false,
    };
  }

  const { text: call, translated } = translateIdentifiers(core);
  const c = CALL_FORM.exec(call);
  if (!c) return null;
  const [, ownerToken = '', member = '', args] = c;
  const owner = ownerToken === 'session' ? 'module' : ownerToken === 'ses' ? 'session' : null;
  if (owner === null) return null;
  const kind = args === undefined ? 'property' : 'method';
  const argList = args === undefined ? '' : `(${args.replace(/\s+/g, ' ').trim()})`;
  const signature = `${ownerToken}.${member}${argList}`;
  return {
    name: `${ownerToken}.${member}`,
    owner,
    kind,
    signature,
    englishHeading: signature + suffix,
    ...flags,
    translated,
  };
}

// ---------------------------------------------------------------------------
// One document -> members
// ---------------------------------------------------------------------------

export function parseSeed(doc: string, format: 'markdown' | 'plain', label = 'seed'): InventoryMember[] {
  const headings = format === 'markdown' ? markdownHeadings(doc) : plainTextHeadings(doc);
  const members: InventoryMember[] = [];
  const seen = new Set<string>();
  const anchors = new Map<string, number>();
  let section: SectionKind | undefined;

  for (const h of headings) {
    const where = `${label}:${h.line}`;
    const sec = sectionOf(h.text);
    if (sec !== undefined) {
      section = sec;
      continue;
    }
    const m = parseMemberHeading(h.text);
    if (m === null) {
      // The document title (`# session`) is the only other heading we accept.
      if (h.level === 1 || h.level === 0) continue;
      throw new Error(`${where}: unrecognised heading ${JSON.stringify(h.text)} (add its translation to the vocabulary?)`);
    }
    const expected = section === undefined ? null : SECTION_CONTENT[section];
    if (expected === null || expected === undefined) {
      throw new Error(`${where}: member heading ${JSON.stringify(h.text)} outside a members section`);
    }
    if (expected.owner !== m.owner || expected.kind !== m.kind) {
      throw new Error(
        `${where}: ${m.owner} ${m.kind} ${JSON.stringify(h.text)} under a section of ${expected.owner} ${PLURAL[expected.kind]}`,
      );
    }
    if (m.translated && !doc.includes(`${m.name}${m.kind === 'method' ? '(' : ''}`)) {
      throw new Error(`${where}: translated heading ${JSON.stringify(h.text)} maps to ${m.name}, which the document never uses`);
    }
    if (!/^[\x20-\x7e]+$/.test(m.signature)) {
      throw new Error(`${where}: signature ${JSON.stringify(m.signature)} is not ASCII after normalisation`);
    }
    if (seen.has(m.name)) throw new Error(`${where}: ${m.name} documented twice`);
    seen.add(m.name);

    let anchor = githubSlug(m.englishHeading);
    const n = anchors.get(anchor) ?? 0;
    anchors.set(anchor, n + 1);
    if (n > 0) anchor = `${anchor}-${n}`;

    const member: InventoryMember = { name: m.name, owner: m.owner, kind: m.kind, signature: m.signature, anchor };
    if (m.platforms.length > 0) member.platforms = m.platforms;
    if (m.readonly) member.readonly = true;
    if (m.experimental) member.experimental = true;
    members.push(member);
  }
  return members;
}

export function countMembers(members: readonly InventoryMember[]): EraInventory['counts'] {
  const session = members.filter((m) => m.owner === 'session');
  return {
    module: members.filter((m) => m.owner === 'module').length,
    events: session.filter((m) => m.kind === 'event').length,
    methods: session.filter((m) => m.kind === 'method').length,
    properties: session.filter((m) => m.kind === 'property').length,
    total: members.length,
  };
}

/** Parses the five seeds in `seedsDir`; reads files, writes nothing. */
export function generateInventory(seedsDir: string): Inventory {
  const eras = {} as Record<EraId, EraInventory>;
  for (const info of ERAS) {
    const file = path.join(seedsDir, info.seed);
    const bytes = readFileSync(file);
    const members = parseSeed(bytes.toString('utf8'), info.format, info.seed);
    eras[info.id] = {
      era: info.id,
      seed: info.seed,
      seedSha256: createHash('sha256').update(bytes).digest('hex'),
      counts: countMembers(members),
      members,
    };
  }
  return { schemaVersion: 1, eras };
}

export function serializeInventory(inv: Inventory): string {
  return `${JSON.stringify(inv, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// --check: a readable summary of what changed
// ---------------------------------------------------------------------------

/** Human-readable differences between the checked-in inventory and a fresh one. */
export function describeInventoryDiff(checkedIn: Inventory, fresh: Inventory): string[] {
  const out: string[] = [];
  if (checkedIn.schemaVersion !== fresh.schemaVersion) {
    out.push(`schemaVersion: ${checkedIn.schemaVersion} -> ${fresh.schemaVersion}`);
  }
  for (const info of ERAS) {
    const a = checkedIn.eras?.[info.id];
    const b = fresh.eras[info.id];
    if (!a) {
      out.push(`${info.id}: missing from the checked-in file`);
      continue;
    }
    if (a.seed !== b.seed) out.push(`${info.id}: seed ${a.seed} -> ${b.seed}`);
    if (a.seedSha256 !== b.seedSha256) out.push(`${info.id}: seed content changed (sha256 ${a.seedSha256.slice(0, 12)}… -> ${b.seedSha256.slice(0, 12)}…)`);
    if (JSON.stringify(a.counts) !== JSON.stringify(b.counts)) {
      out.push(`${info.id}: counts ${JSON.stringify(a.counts)} -> ${JSON.stringify(b.counts)}`);
    }
    const am = new Map((a.members ?? []).map((m) => [m.name, m]));
    const bm = new Map(b.members.map((m) => [m.name, m]));
    for (const name of am.keys()) if (!bm.has(name)) out.push(`${info.id}: - ${name} (no longer in the seed)`);
    for (const name of bm.keys()) if (!am.has(name)) out.push(`${info.id}: + ${name} (new in the seed)`);
    for (const [name, m] of bm) {
      const old = am.get(name);
      if (old && JSON.stringify(old) !== JSON.stringify(m)) {
        out.push(`${info.id}: ~ ${name}: ${JSON.stringify(old)} -> ${JSON.stringify(m)}`);
      }
    }
    const order = (xs: InventoryMember[]) => xs.map((m) => m.name).filter((n) => am.has(n) && bm.has(n)).join('\n');
    if (order(a.members ?? []) !== order(b.members)) out.push(`${info.id}: member order differs`);
  }
  return out;
}

function firstDifferentLine(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      return `line ${i + 1}: checked in ${JSON.stringify(al[i] ?? '<end of file>')}, expected ${JSON.stringify(bl[i] ?? '<end of file>')}`;
    }
  }
  return 'no line differs';
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: generate-inventory.ts [--check]   (unknown argument ${unknown.join(' ')})`);
    return 2;
  }
  const seedsDir = defaultSeedsDir();
  if (!existsSync(seedsDir)) {
    console.error(`seeds directory not found: ${seedsDir} (set SESSION_SEEDS_DIR)`);
    return 2;
  }
  let fresh: Inventory;
  try {
    fresh = generateInventory(seedsDir);
  } catch (e) {
    console.error(`cannot parse the seeds in ${seedsDir}: ${(e as Error).message}`);
    return 1;
  }
  const text = serializeInventory(fresh);
  const rel = path.relative(process.cwd(), INVENTORY_PATH) || INVENTORY_PATH;

  if (!check) {
    writeFileSync(INVENTORY_PATH, text);
    for (const info of ERAS) {
      const c = fresh.eras[info.id].counts;
      console.log(`${info.id.padEnd(8)} module ${c.module}  events ${c.events}  methods ${c.methods}  properties ${c.properties}  total ${c.total}`);
    }
    console.log(`wrote ${rel}`);
    return 0;
  }

  if (!existsSync(INVENTORY_PATH)) {
    console.error(`${rel} does not exist; run: npx tsx harness/eras/generate-inventory.ts`);
    return 1;
  }
  const current = readFileSync(INVENTORY_PATH, 'utf8');
  if (current === text) {
    console.log(`${rel} is up to date`);
    return 0;
  }
  console.error(`${rel} is out of date with the seeds in ${seedsDir}:`);
  let diffs: string[];
  try {
    diffs = describeInventoryDiff(JSON.parse(current) as Inventory, fresh);
  } catch (e) {
    diffs = [`checked-in file is not valid JSON (${(e as Error).message})`];
  }
  if (diffs.length === 0) diffs = [`formatting only; first difference at ${firstDifferentLine(current, text)}`];
  for (const d of diffs) console.error(`  ${d}`);
  console.error('run: npx tsx harness/eras/generate-inventory.ts');
  return 1;
}

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(arg)).href;
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = main(process.argv.slice(2));
