// The static side of the suite that reports show next to results: each spec
// file's metadata, each documented member with its eras, doc anchors and
// specs, and what is still pending. Built without running anything, from the
// inventory, pending.json and the spec files' `meta` literals.

import { ERA_IDS, eraInfo, erasInRange, type EraId } from '../../contract/eras/eras.ts';
import { allMemberNames, erasOfMember, memberOf, type InventoryMember } from '../../contract/eras/inventory.ts';
import { allSubMemberNames, OWNER_PAGE, subMemberOf, type SubOwner } from '../../contract/eras/sub-inventory.ts';
import { loadPending, type PendingList } from '../runner/coverage.ts';
import { REPO_ROOT } from '../runner/paths.ts';
import { listSpecFiles, type SpecFile } from '../runner/spec-files.ts';
import type { SpecMeta } from '../api/spec-meta.ts';

/** Where the newest document that has a member describes it. */
export interface DocAnchor {
  era: EraId;
  /** The era's seed document. */
  seed: string;
  anchor: string;
  /** The published page, for members today's documentation still has. */
  url?: string;
}

export interface CatalogSpec extends SpecMeta {
  file: string;
  /** The eras the spec's range selects. */
  erasApplied: EraId[];
  doc?: DocAnchor;
}

export interface CatalogMember {
  name: string;
  kind: InventoryMember['kind'];
  owner: InventoryMember['owner'] | SubOwner;
  /** Eras that document the member, oldest first. */
  eras: EraId[];
  /** The document's call form per era that has it. */
  signatures: Partial<Record<EraId, string>>;
  /** The heading anchor in each era's document. */
  anchors: Partial<Record<EraId, string>>;
  doc: DocAnchor;
  /** Spec files that name the member. */
  specs: string[];
  /** Who will spec it, when no spec does yet. */
  pending?: string;
}

export interface SuiteCatalog {
  eras: EraId[];
  specs: Record<string, CatalogSpec>;
  /** Every documented member, in inventory order (era order, then document order). */
  members: CatalogMember[];
}

const PUBLISHED_DOCS = 'https://www.electronjs.org/docs/latest/api/session';

export function docAnchorOf(member: string): DocAnchor | undefined {
  const eras = erasOfMember(member);
  const newest = eras[eras.length - 1];
  if (!newest) return undefined;
  const anchor = memberOf(newest, member)!.anchor;
  const doc: DocAnchor = { era: newest, seed: eraInfo(newest).seed, anchor };
  if (newest === 'current') doc.url = `${PUBLISHED_DOCS}#${anchor}`;
  return doc;
}

function specDoc(meta: SpecMeta): DocAnchor | undefined {
  const first = meta.members[0];
  const derived = first === undefined ? undefined : docAnchorOf(first);
  if (!meta.anchor) return derived;
  const era = derived?.era ?? 'current';
  const doc: DocAnchor = { era, seed: eraInfo(era).seed, anchor: meta.anchor };
  if (era === 'current') doc.url = `${PUBLISHED_DOCS}#${meta.anchor}`;
  return doc;
}

/** A member of ses.cookies, ses.webRequest, ses.protocol or a DownloadItem, documented in Electron's own pages. */
function subCatalogMember(name: string, specFiles: string[], pending: PendingList): CatalogMember {
  const eras = ERA_IDS.filter((era) => subMemberOf(era, name));
  const newestEra = eras[eras.length - 1]!;
  const newest = subMemberOf(newestEra, name)!;
  const signatures: Partial<Record<EraId, string>> = {};
  const anchors: Partial<Record<EraId, string>> = {};
  for (const era of eras) {
    signatures[era] = subMemberOf(era, name)!.signature;
    anchors[era] = subMemberOf(era, name)!.anchor;
  }
  const page = OWNER_PAGE[newest.owner];
  const doc: DocAnchor = { era: newestEra, seed: `docs/api/${page}.md`, anchor: newest.anchor };
  if (newestEra === 'current') doc.url = `https://www.electronjs.org/docs/latest/api/${page}#${newest.anchor}`;
  const member: CatalogMember = {
    name,
    kind: newest.kind,
    owner: newest.owner,
    eras,
    signatures,
    anchors,
    doc,
    specs: specFiles,
  };
  const why = pending.members[name];
  if (why !== undefined && !specFiles.length) member.pending = why;
  return member;
}

export function buildCatalog(specFiles: readonly SpecFile[], pending: PendingList): SuiteCatalog {
  const specs: Record<string, CatalogSpec> = {};
  const specsByMember = new Map<string, string[]>();
  for (const { file, meta } of specFiles) {
    const entry: CatalogSpec = { ...meta, file, erasApplied: erasInRange(meta.eras) };
    const doc = specDoc(meta);
    if (doc) entry.doc = doc;
    specs[file] = entry;
    for (const member of meta.members) specsByMember.set(member, [...(specsByMember.get(member) ?? []), file]);
  }
  const members = allMemberNames().map((name): CatalogMember => {
    const eras = erasOfMember(name);
    const newest = memberOf(eras[eras.length - 1]!, name)!;
    const signatures: Partial<Record<EraId, string>> = {};
    const anchors: Partial<Record<EraId, string>> = {};
    for (const era of eras) {
      signatures[era] = memberOf(era, name)!.signature;
      anchors[era] = memberOf(era, name)!.anchor;
    }
    const member: CatalogMember = {
      name,
      kind: newest.kind,
      owner: newest.owner,
      eras,
      signatures,
      anchors,
      doc: docAnchorOf(name)!,
      specs: specsByMember.get(name) ?? [],
    };
    const why = pending.members[name];
    if (why !== undefined && !member.specs.length) member.pending = why;
    return member;
  });
  for (const name of allSubMemberNames()) members.push(subCatalogMember(name, specsByMember.get(name) ?? [], pending));
  return { eras: [...ERA_IDS], specs, members };
}

export function loadCatalog(root: string = REPO_ROOT): SuiteCatalog {
  return buildCatalog(listSpecFiles(root), loadPending(root));
}
