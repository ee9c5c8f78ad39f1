// Headings of a seed document: `#` headings of markdown seeds (outside code
// fences), line shapes of the plain-text seed, and a heading's text read as a
// member (call form, property path or `Event: 'name'`, with trailing markers).
// Also GitHub's anchor slug, which the sub-inventory uses too.

import type { InventoryMember } from '../../contract/eras/inventory.ts';
import { EVENT_LABELS, MARKERS, asciiPunct, sectionOf, translateIdentifiers } from './seed-vocabulary.ts';

/** GitHub's heading slug (github-slugger): lowercase, drop punctuation, spaces -> '-'. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export interface RawHeading {
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

export interface ParsedHeading {
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
const EVENT_FORM = /^(\p{L}+)\s*:\s*['"]([a-z0-9][a-z0-9-]*)['"]$/u;

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
