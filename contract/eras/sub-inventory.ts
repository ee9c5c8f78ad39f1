// Typed access to contract/eras/sub-inventory.json: the second level of the
// inventory, i.e. the members of a Session's `cookies`, `webRequest` and
// `protocol` objects and of the DownloadItems its 'will-download' event hands
// out, per era (`cookies.get`, `cookies.on('changed')`,
// `webRequest.onBeforeRequest`, `protocol.handle`, `downloadItem.pause`,
// `downloadItem.savePath`, ...). The JSON is generated
// from Electron's documents of each era's release by
// harness/eras/generate-sub-inventory.ts and records the tag, commit and blob
// it was read from; never edit it by hand.

// A static import, so bundles (the CommonJS build of the Electron stand-in) carry the data with them.
import subInventoryDocument from './sub-inventory.json' with { type: 'json' };
import { ERA_IDS, isEraId, type EraId } from './eras.ts';

export type SubOwner = 'cookies' | 'webRequest' | 'protocol' | 'serviceWorkers' | 'downloadItem';

export const SUB_OWNERS: readonly SubOwner[] = ['cookies', 'webRequest', 'protocol', 'serviceWorkers', 'downloadItem'];

/**
 * The first-level member of Session that hands out each owner's object: a
 * property for cookies, webRequest and protocol, the 'will-download' event
 * for DownloadItems.
 */
export const OWNER_PROPERTY: Readonly<Record<SubOwner, string>> = {
  cookies: 'ses.cookies',
  webRequest: 'ses.webRequest',
  protocol: 'ses.protocol',
  serviceWorkers: 'ses.serviceWorkers',
  downloadItem: "ses.on('will-download')",
};

/** The page of Electron's API documentation that documents each owner (docs/api/<page>.md). */
export const OWNER_PAGE: Readonly<Record<SubOwner, string>> = {
  cookies: 'cookies',
  webRequest: 'web-request',
  protocol: 'protocol',
  serviceWorkers: 'service-workers',
  downloadItem: 'download-item',
};

export interface SubMember {
  /** Canonical name: `cookies.get`, `cookies.on('changed')`, `protocol.handle`. */
  name: string;
  owner: SubOwner;
  kind: 'method' | 'event' | 'property';
  /** The document's heading in ASCII, e.g. `cookies.get(filter, callback)`, `Event: 'changed'` or `downloadItem.savePath`. */
  signature: string;
  /** GitHub-style slug of the heading in that era's document. */
  anchor: string;
  /** Marked `_Deprecated_` in the heading. */
  deprecated?: boolean;
}

export interface SubInventoryEra {
  era: EraId;
  repo: string;
  /** The release tag whose documents were read. */
  ref: string;
  commit: string;
  /** Each document read, with its git blob id at that tag. */
  sources: { path: string; blob: string }[];
  members: SubMember[];
  /** Documented under `protocol` but bound to the app-wide module only, not to a session's object. */
  moduleOnly: string[];
}

export interface SubInventory {
  schemaVersion: 1;
  eras: Record<EraId, SubInventoryEra>;
}

let cached: SubInventory | undefined;

export function loadSubInventory(): SubInventory {
  if (cached) return cached;
  const data = subInventoryDocument as unknown as SubInventory;
  if (data.schemaVersion !== 1)
    throw new Error(`sub-inventory.json: unsupported schemaVersion ${JSON.stringify(data.schemaVersion)}`);
  for (const era of ERA_IDS) {
    const e = data.eras?.[era];
    if (!e || e.era !== era || !Array.isArray(e.members) || typeof e.ref !== 'string') {
      throw new Error(`sub-inventory.json: era ${era} is missing or malformed; regenerate it with generate-sub-inventory.ts`);
    }
  }
  cached = data;
  return data;
}

/** The sub-members an era documents, in SUB_OWNERS order, each owner's in document order. */
export function subMembersOf(era: EraId): readonly SubMember[] {
  if (!isEraId(era)) throw new Error(`unknown era id ${JSON.stringify(era)}`);
  return loadSubInventory().eras[era].members;
}

export function subMemberOf(era: EraId, name: string): SubMember | undefined {
  return subMembersOf(era).find((m) => m.name === name);
}

export function hasSubMember(era: EraId, name: string): boolean {
  return subMemberOf(era, name) !== undefined;
}

/** Every sub-member name of every era, each once: era order, then document order. */
export function allSubMemberNames(): string[] {
  const names = new Set<string>();
  for (const era of ERA_IDS) for (const m of subMembersOf(era)) names.add(m.name);
  return [...names];
}

/** The owner of a second-level name (`cookies.get` -> `cookies`), or undefined for a first-level name. */
export function subOwnerOf(name: string): SubOwner | undefined {
  const owner = name.slice(0, name.indexOf('.'));
  return (SUB_OWNERS as readonly string[]).includes(owner) ? (owner as SubOwner) : undefined;
}
