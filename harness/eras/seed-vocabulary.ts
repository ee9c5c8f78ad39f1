// The only hard-coded knowledge of the seed documents: section titles,
// markers and the identifiers a translated seed renders in its own language
// (English, Tagalog, French), and the normalisation that looks text up in
// them. Used by seed-headings.ts and build-inventory.ts.

import type { InventoryMember } from '../../contract/eras/inventory.ts';

export type SectionKind =
  | 'module-methods'
  | 'module-properties'
  | 'class'
  | 'instance-events'
  | 'instance-methods'
  | 'instance-properties';

/** Section titles, normalised by normTitle(), in English, Tagalog and French. */
const SECTION_TITLES: Readonly<Record<string, SectionKind>> = {
  methods: 'module-methods',
  'mga paraan': 'module-methods',
  méthodes: 'module-methods',
  properties: 'module-properties',
  'mga katangian': 'module-properties',
  propriétés: 'module-properties',
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
export const SECTION_CONTENT: Readonly<
  Record<SectionKind, { owner: InventoryMember['owner']; kind: InventoryMember['kind'] } | null>
> = {
  'module-methods': { owner: 'module', kind: 'method' },
  'module-properties': { owner: 'module', kind: 'property' },
  class: null,
  'instance-events': { owner: 'session', kind: 'event' },
  'instance-methods': { owner: 'session', kind: 'method' },
  'instance-properties': { owner: 'session', kind: 'property' },
};

export const PLURAL: Readonly<Record<InventoryMember['kind'], string>> = {
  method: 'methods',
  property: 'properties',
  event: 'events',
};

/** Words that introduce an event heading (`Event: 'name'`). */
export const EVENT_LABELS = ['event', 'kaganapan', 'pangyayari', 'événement', 'évènement'];

/** Heading markers (`_Readonly_`, or a bare trailing word in plain text) -> English. */
export const MARKERS: Readonly<Record<string, { english: string; flag: 'readonly' | 'experimental' | 'platform' }>> = {
  readonly: { english: 'Readonly', flag: 'readonly' },
  experimental: { english: 'Experimental', flag: 'experimental' },
  expérimental: { english: 'Experimental', flag: 'experimental' },
  windows: { english: 'Windows', flag: 'platform' },
  linux: { english: 'Linux', flag: 'platform' },
  macos: { english: 'macOS', flag: 'platform' },
};

/**
 * Identifiers that a translated seed renders in another language inside a
 * heading's call form (the e9 seed translates `session.fromPartition`'s
 * heading). Every translated name must also occur in English somewhere in the
 * same document, which the parser checks.
 */
const LOCALIZED_IDENTIFIERS: Readonly<Record<string, string>> = {
  sesyon: 'session',
  galingPartisyon: 'fromPartition',
  partisyon: 'partition',
  'mga opsyon': 'options',
};

/** Curly quotes and odd spaces -> ASCII. */
export function asciiPunct(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

function normTitle(s: string): string {
  return asciiPunct(s)
    .replace(/\s*:\s*/g, ': ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function translateIdentifiers(s: string): { text: string; translated: boolean } {
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

export function sectionOf(text: string): SectionKind | undefined {
  return SECTION_TITLES[normTitle(text.replace(/`/g, ''))];
}
