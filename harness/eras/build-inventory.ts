// Seeds -> inventory: each seed's member headings, checked against the
// section they sit in, with their anchors and flags, counted per era.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERAS, type EraId } from '../../contract/eras/eras.ts';
import type { EraInventory, Inventory, InventoryMember } from '../../contract/eras/inventory.ts';
import { githubSlug, markdownHeadings, parseMemberHeading, plainTextHeadings } from './seed-headings.ts';
import { PLURAL, SECTION_CONTENT, type SectionKind, sectionOf } from './seed-vocabulary.ts';

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
