// `npm run docs`: regenerates docs/members/ from the inventory, pending.json
// and the spec files (metadata and test titles, read statically), removing
// pages of members that no longer exist, and the generated regions of
// docs/INTERPRETING.md and docs/AUTHORING.md. `--check` writes nothing and
// exits 1 when the committed files differ. typedoc runs after this (see
// package.json).

import { existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../report/catalog.ts';
import { REPO_ROOT } from '../runner/paths.ts';
import { CONTRACT_FINGERPRINTS, CONTRACT_VERSION } from '../api/contract.ts';
import { capabilitiesTable, erasTable } from './authoring-tables.ts';
import { memberSlug, renderIndex, renderMemberPage } from './member-pages.ts';
import { replaceRegion } from './regions.ts';
import { ruleTables } from './rule-tables.ts';
import { readTitles, type TitleNode } from './spec-titles.ts';
import { writeFileAtomic } from '../../reference/testing.ts';

export const MEMBERS_DIR = 'docs/members';
export const INTERPRETING = 'docs/INTERPRETING.md';
export const AUTHORING = 'docs/AUTHORING.md';

/** Null when the rules behave as the current contract version pins; otherwise what to do. */
export function contractProblem(fingerprint: string = ruleTables().fingerprint): string | null {
  if (CONTRACT_FINGERPRINTS[CONTRACT_VERSION] === fingerprint) return null;
  return (
    `the interpretation rules changed (fingerprint ${fingerprint}, contract v${CONTRACT_VERSION} pins ` +
    `${CONTRACT_FINGERPRINTS[CONTRACT_VERSION] ?? 'nothing'}): bump CONTRACT_VERSION in harness/api/contract.ts, ` +
    `record ${fingerprint} for it, describe the change in ${INTERPRETING} and run npm run docs`
  );
}

function withRegions(root: string, file: string, regions: Record<string, string>): string {
  let text = readFileSync(path.join(root, file), 'utf8');
  for (const [name, content] of Object.entries(regions)) text = replaceRegion(text, name, content, file);
  return text;
}

/** Every generated file: repo-relative path -> content. */
export function renderDocs(root: string = REPO_ROOT): Map<string, string> {
  const catalog = loadCatalog(root);
  const titles = new Map<string, TitleNode[]>();
  for (const file of Object.keys(catalog.specs)) titles.set(file, readTitles(path.join(root, file)));
  const out = new Map<string, string>();
  const rules = ruleTables();
  out.set(
    INTERPRETING,
    withRegions(root, INTERPRETING, {
      contract: `Contract version: **${CONTRACT_VERSION}** (rules fingerprint \`${rules.fingerprint}\`)`,
      rules: rules.markdown,
    }),
  );
  out.set(AUTHORING, withRegions(root, AUTHORING, { capabilities: capabilitiesTable(), eras: erasTable() }));
  out.set(`${MEMBERS_DIR}/README.md`, renderIndex(catalog));
  for (const member of catalog.members)
    out.set(`${MEMBERS_DIR}/${memberSlug(member.name)}.md`, renderMemberPage(member, catalog, titles));
  return out;
}

export interface DocsDrift {
  /** Generated files whose committed copy is missing or different. */
  changed: string[];
  /** Files in docs/members that the generator does not produce. */
  extra: string[];
}

export function docsDrift(root: string = REPO_ROOT, rendered: Map<string, string> = renderDocs(root)): DocsDrift {
  const changed = [...rendered].filter(([file, text]) => {
    const full = path.join(root, file);
    return !existsSync(full) || readFileSync(full, 'utf8') !== text;
  });
  const dir = path.join(root, MEMBERS_DIR);
  const present = existsSync(dir) ? readdirSync(dir).map((f) => `${MEMBERS_DIR}/${f}`) : [];
  return { changed: changed.map(([file]) => file), extra: present.filter((f) => !rendered.has(f)).sort() };
}

export async function writeDocs(root: string = REPO_ROOT): Promise<DocsDrift> {
  const rendered = renderDocs(root);
  const drift = docsDrift(root, rendered);
  for (const file of drift.changed) await writeFileAtomic(path.join(root, file), rendered.get(file)!);
  for (const file of drift.extra) rmSync(path.join(root, file));
  return drift;
}

async function main(argv: string[]): Promise<number> {
  const problem = contractProblem();
  if (problem) console.error(`session-conformance docs: ${problem}`);
  if (argv.includes('--check')) {
    const drift = docsDrift();
    for (const f of drift.changed) console.log(`stale: ${f}`);
    for (const f of drift.extra) console.log(`not generated: ${f}`);
    return drift.changed.length || drift.extra.length || problem ? 1 : 0;
  }
  const drift = await writeDocs();
  console.log(`docs: ${drift.changed.length} file(s) written, ${drift.extra.length} removed`);
  return problem ? 1 : 0;
}

function isMain(): boolean {
  const arg = process.argv[1];
  return arg !== undefined && existsSync(arg) && import.meta.url === pathToFileURL(realpathSync(arg)).href;
}

if (isMain()) process.exitCode = await main(process.argv.slice(2));
