// The API eras of Electron's `session` module, oldest first, and the era-range
// syntax that spec metadata uses (`*`, `e12`, `>=e12`, `e9..e17`, `legacy,>=e17`).
// Each era is pinned to one seed document in /work/shared/seeds (see its README).

export const ERA_IDS = ['legacy', 'e9', 'e12', 'e17', 'current'] as const;
export type EraId = (typeof ERA_IDS)[number];

/** How the era's asynchronous methods report completion. */
export type AsyncStyle = 'callback' | 'promise';

export interface EraInfo {
  readonly id: EraId;
  /** File name of the era's seed document inside the seeds directory. */
  readonly seed: string;
  /** Approximate Electron release line the document describes. */
  readonly electron: string;
  readonly asyncStyle: AsyncStyle;
  /** Language the seed is (mostly) written in. */
  readonly language: 'en' | 'tl' | 'fr';
  /** `markdown` seeds use `#` headings; `plain` seeds only have line shapes. */
  readonly format: 'markdown' | 'plain';
}

/** The registry, in era order (oldest first). */
export const ERAS: readonly EraInfo[] = Object.freeze([
  { id: 'legacy', seed: '002_8089b65048f81995.txt', electron: '1.x', asyncStyle: 'callback', language: 'en', format: 'markdown' },
  { id: 'e9', seed: '003_d49da3d5a25418b3.txt', electron: '9-10', asyncStyle: 'promise', language: 'tl', format: 'markdown' },
  { id: 'e12', seed: '004_b852cc18696cb171.txt', electron: '12-13', asyncStyle: 'promise', language: 'fr', format: 'markdown' },
  { id: 'e17', seed: '001_a3cd2aeefd655f8c.txt', electron: '17-19', asyncStyle: 'promise', language: 'en', format: 'plain' },
  { id: 'current', seed: '000_022c7d0d3be72530.txt', electron: '30+', asyncStyle: 'promise', language: 'en', format: 'markdown' },
] satisfies EraInfo[]);

/** The same registry keyed by id. */
export const ERA_BY_ID: Readonly<Record<EraId, EraInfo>> = Object.freeze(
  Object.fromEntries(ERAS.map((e) => [e.id, e])) as Record<EraId, EraInfo>,
);

export function isEraId(x: unknown): x is EraId {
  return typeof x === 'string' && (ERA_IDS as readonly string[]).includes(x);
}

export function eraInfo(id: EraId): EraInfo {
  return ERA_BY_ID[id];
}

/** Position of the era in ERA_IDS (0 = legacy). */
export function eraIndex(id: EraId): number {
  const i = (ERA_IDS as readonly string[]).indexOf(id);
  if (i < 0) throw new Error(`unknown era id ${JSON.stringify(id)}`);
  return i;
}

/** Negative if `a` is older than `b`, 0 if equal, positive if newer. */
export function compareEras(a: EraId, b: EraId): number {
  return eraIndex(a) - eraIndex(b);
}

// ---------------------------------------------------------------------------
// Era ranges
//
//   range := term ("," term)*
//   term  := "*" | ID | (">=" | ">" | "<=" | "<") ID | ID ".." ID
//
// Whitespace around terms and operators is ignored. `a..b` is inclusive. A term
// that matches no era (`<legacy`, `e17..e9`) is an error, as are unknown ids.
// ---------------------------------------------------------------------------

export type EraRangeTerm =
  | { kind: 'all' }
  | { kind: 'eq'; era: EraId }
  | { kind: 'ge' | 'gt' | 'le' | 'lt'; era: EraId }
  | { kind: 'span'; from: EraId; to: EraId };

export interface EraRange {
  /** The text the range was parsed from. */
  readonly source: string;
  readonly terms: readonly EraRangeTerm[];
  /** The matched eras, in era order. */
  readonly eras: readonly EraId[];
  test(era: EraId): boolean;
}

function rangeError(source: string, bad: string, why: string): Error {
  return new Error(`invalid era range ${JSON.stringify(source)}: ${JSON.stringify(bad)} ${why}`);
}

function parseId(source: string, text: string): EraId {
  const t = text.trim();
  if (t === '') throw rangeError(source, text, 'is missing an era id');
  if (!isEraId(t)) {
    throw rangeError(source, t, `is not an era id (expected one of ${ERA_IDS.join(', ')})`);
  }
  return t;
}

function parseTerm(source: string, raw: string): EraRangeTerm {
  const t = raw.trim();
  if (t === '') throw rangeError(source, raw, 'is an empty term');
  if (t === '*') return { kind: 'all' };
  const op = /^(>=|<=|>|<)(.*)$/s.exec(t);
  if (op) {
    const kinds = { '>=': 'ge', '>': 'gt', '<=': 'le', '<': 'lt' } as const;
    return { kind: kinds[op[1] as keyof typeof kinds], era: parseId(source, op[2] ?? '') };
  }
  if (t.includes('..')) {
    const parts = t.split('..');
    if (parts.length !== 2) throw rangeError(source, t, 'has more than one ".."');
    return { kind: 'span', from: parseId(source, parts[0] ?? ''), to: parseId(source, parts[1] ?? '') };
  }
  if (!/^[A-Za-z0-9_]+$/.test(t)) throw rangeError(source, t, 'is not valid range syntax');
  return { kind: 'eq', era: parseId(source, t) };
}

function termMatches(term: EraRangeTerm, era: EraId): boolean {
  switch (term.kind) {
    case 'all':
      return true;
    case 'eq':
      return era === term.era;
    case 'ge':
      return compareEras(era, term.era) >= 0;
    case 'gt':
      return compareEras(era, term.era) > 0;
    case 'le':
      return compareEras(era, term.era) <= 0;
    case 'lt':
      return compareEras(era, term.era) < 0;
    case 'span':
      return compareEras(era, term.from) >= 0 && compareEras(era, term.to) <= 0;
  }
}

/** Parses an era range; throws an Error naming the offending text. */
export function parseEraRange(s: string): EraRange {
  if (typeof s !== 'string') throw new Error(`invalid era range: expected a string, got ${typeof s}`);
  if (s.trim() === '') throw rangeError(s, s, 'is empty');
  const terms = s.split(',').map((raw) => {
    const term = parseTerm(s, raw);
    if (!ERA_IDS.some((e) => termMatches(term, e))) throw rangeError(s, raw.trim(), 'matches no era');
    return term;
  });
  const eras = ERA_IDS.filter((e) => terms.some((t) => termMatches(t, e)));
  const set = new Set<EraId>(eras);
  return Object.freeze({
    source: s,
    terms: Object.freeze(terms),
    eras: Object.freeze(eras),
    test: (era: EraId) => set.has(era),
  });
}

function toRange(range: EraRange | string): EraRange {
  return typeof range === 'string' ? parseEraRange(range) : range;
}

export function eraInRange(era: EraId, range: EraRange | string): boolean {
  if (!isEraId(era)) throw new Error(`unknown era id ${JSON.stringify(era)}`);
  return toRange(range).test(era);
}

/** The eras a range selects, in era order. */
export function erasInRange(range: EraRange | string): EraId[] {
  return [...toRange(range).eras];
}
