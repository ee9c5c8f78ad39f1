// Builds contract/eras/sub-inventory.json: the members of the Session's
// `cookies`, `webRequest`, `protocol` and `serviceWorkers` objects and of
// DownloadItem each era documents, read from Electron's own documents
// (docs/api/cookies.md, web-request.md, protocol.md, service-workers.md where
// the era has it, download-item.md) at the release tag that stands for the
// era. Only names, kinds, signatures and anchors are kept (facts), never prose.
//
//   npx tsx harness/eras/generate-sub-inventory.ts --electron-git <dir>          # (re)write the JSON
//   npx tsx harness/eras/generate-sub-inventory.ts --electron-git <dir> --check  # exit 1 if stale
//
// <dir> is a git directory of electron/electron holding the tags below (a bare
// mirror is enough: files are read with `git show <tag>:<path>`).

import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EraId } from '../../contract/eras/eras.ts';
import { githubSlug, markdownHeadings } from './seed-headings.ts';
import {
  OWNER_PAGE,
  type SubInventory,
  type SubInventoryEra,
  type SubMember,
  type SubOwner,
} from '../../contract/eras/sub-inventory.ts';

export const SUB_INVENTORY_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'contract',
  'eras',
  'sub-inventory.json',
);

/** The Electron release whose documents stand for each era (the versions the reference reports). */
export const ERA_TAGS: Readonly<Record<EraId, string>> = {
  legacy: 'v1.8.8',
  e9: 'v9.4.4',
  e12: 'v12.2.3',
  e17: 'v17.4.11',
  current: 'v39.2.7',
};

/** The page of the Electron docs each sub-object is documented on. */
export const OWNER_DOCS = Object.fromEntries(
  Object.entries(OWNER_PAGE).map(([owner, page]) => [owner, `docs/api/${page}.md`]),
) as Readonly<Record<SubOwner, string>>;

/** Owners whose object an era may not have at all (ServiceWorkers came with Electron 9). */
export const OPTIONAL_OWNERS: readonly SubOwner[] = ['serviceWorkers'];

/**
 * Methods protocol.md lists that live on the app-wide `protocol` module only,
 * not on a session's Protocol object (Electron binds them into the module's
 * dictionary, not the Protocol prototype: atom_api_protocol.cc at v1.8.8,
 * electron_api_protocol.cc from v9).
 */
export const MODULE_ONLY: readonly string[] = [
  'protocol.registerStandardSchemes',
  'protocol.registerSchemesAsPrivileged',
  'protocol.getStandardSchemes',
];

type Section = 'events' | 'methods' | 'properties' | 'other';

function sectionOf(title: string): Section {
  const t = title.trim().toLowerCase();
  if (t === 'instance events') return 'events';
  if (t === 'instance methods' || t === 'methods') return 'methods';
  if (t === 'instance properties') return 'properties';
  return 'other';
}

/** The anchor GitHub gives a heading: the slug of the rendered text, whose emphasis marks (_Experimental_) are gone (code ticks are punctuation, which the slug drops). */
function headingAnchor(text: string): string {
  return githubSlug(text.replace(/\b_([^_]+)_\b/g, '$1'));
}

/** Parses one document's member headings for one owner. */
export function parseOwnerDoc(doc: string, owner: SubOwner): { members: SubMember[]; moduleOnly: string[] } {
  const members: SubMember[] = [];
  const moduleOnly: string[] = [];
  let section: Section = 'other';
  for (const heading of markdownHeadings(doc)) {
    const text = heading.text.trim();
    const call = /^`([A-Za-z]+)\.([A-Za-z]+)(\(.*\))?`\s*(.*)$/.exec(text);
    const event = /^Event:\s*'([^']+)'\s*(.*)$/.exec(text);
    if (!call && !event) {
      section = sectionOf(text);
      continue;
    }
    if (event && section === 'events') {
      members.push({
        name: `${owner}.on('${event[1]}')`,
        owner,
        kind: 'event',
        signature: `Event: '${event[1]}'`,
        anchor: headingAnchor(text),
      });
      continue;
    }
    if (call && section === 'properties' && call[1] === owner && call[3] === undefined) {
      members.push({
        name: `${owner}.${call[2]}`,
        owner,
        kind: 'property',
        signature: `${owner}.${call[2]}`,
        anchor: headingAnchor(text),
      });
      continue;
    }
    if (!call || section !== 'methods' || call[1] !== owner) continue;
    const name = `${owner}.${call[2]}`;
    if (MODULE_ONLY.includes(name)) {
      moduleOnly.push(name);
      continue;
    }
    const member: SubMember = {
      name,
      owner,
      kind: 'method',
      signature: `${owner}.${call[2]}${call[3] ?? '()'}`,
      anchor: headingAnchor(text),
    };
    if (/_Deprecated_/.test(call[4] ?? '')) member.deprecated = true;
    members.push(member);
  }
  return { members, moduleOnly };
}

function git(gitDir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function hasPath(gitDir: string, tag: string, docPath: string): boolean {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${tag}:${docPath}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function generateSubInventory(gitDir: string): SubInventory {
  const eras = {} as Record<EraId, SubInventoryEra>;
  for (const [era, tag] of Object.entries(ERA_TAGS) as [EraId, string][]) {
    const commit = git(gitDir, ['rev-parse', `${tag}^{commit}`]).trim();
    const sources: SubInventoryEra['sources'] = [];
    const members: SubMember[] = [];
    const moduleOnly: string[] = [];
    for (const [owner, docPath] of Object.entries(OWNER_DOCS) as [SubOwner, string][]) {
      if (OPTIONAL_OWNERS.includes(owner) && !hasPath(gitDir, tag, docPath)) continue;
      const blob = git(gitDir, ['rev-parse', `${tag}:${docPath}`]).trim();
      sources.push({ path: docPath, blob });
      const parsed = parseOwnerDoc(git(gitDir, ['show', `${tag}:${docPath}`]), owner);
      if (!parsed.members.length) throw new Error(`${tag}:${docPath}: no members found`);
      members.push(...parsed.members);
      moduleOnly.push(...parsed.moduleOnly);
    }
    eras[era] = { era, repo: 'electron/electron', ref: tag, commit, sources, members, moduleOnly };
  }
  return { schemaVersion: 1, eras };
}

export function serializeSubInventory(inventory: SubInventory): string {
  return `${JSON.stringify(inventory, null, 2)}\n`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { 'electron-git': { type: 'string' }, check: { type: 'boolean' } } });
  const gitDir = values['electron-git'];
  if (!gitDir) {
    console.error('usage: generate-sub-inventory.ts --electron-git <electron/electron git dir> [--check]');
    return 2;
  }
  const fresh = serializeSubInventory(generateSubInventory(gitDir));
  if (values.check) {
    if (fresh === readFileSync(SUB_INVENTORY_PATH, 'utf8')) return 0;
    console.error('sub-inventory.json is out of date: regenerate it with generate-sub-inventory.ts');
    return 1;
  }
  writeFileSync(SUB_INVENTORY_PATH, fresh);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
