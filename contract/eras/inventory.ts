// Typed access to contract/eras/inventory.json: which members of the `session`
// module each API era documents. The JSON is generated from the seed documents
// by harness/eras/generate-inventory.ts; never edit it by hand.

// A static import, so bundles (the CommonJS build of the Electron stand-in) carry the data with them.
import inventoryDocument from './inventory.json' with { type: 'json' };
import { ERA_IDS, isEraId, type EraId } from './eras.ts';

export interface InventoryMember {
  /** Canonical name: `session.fromPartition`, `ses.setProxy`, `ses.cookies`, `ses.on('will-download')`. */
  name: string;
  owner: 'module' | 'session';
  kind: 'method' | 'property' | 'event';
  /** The document's call form in ASCII, e.g. `ses.setProxy(config)` or `Event: 'will-download'`. */
  signature: string;
  /** GitHub-style slug of the English heading, e.g. `sessetproxyconfig`. */
  anchor: string;
  /** Platform markers as written in the document (`Windows`, `Linux`, `macOS`). */
  platforms?: string[];
  readonly?: boolean;
  experimental?: boolean;
}

export interface EraInventory {
  era: EraId;
  seed: string;
  seedSha256: string;
  counts: { module: number; events: number; methods: number; properties: number; total: number };
  members: InventoryMember[];
}

export interface Inventory {
  schemaVersion: 1;
  eras: Record<EraId, EraInventory>;
}

let cached: Inventory | undefined;

/** Reads inventory.json (once) and checks its overall shape. */
export function loadInventory(): Inventory {
  if (cached) return cached;
  const data = inventoryDocument as unknown as Inventory;
  if (data.schemaVersion !== 1) {
    throw new Error(`inventory.json: unsupported schemaVersion ${JSON.stringify(data.schemaVersion)}`);
  }
  for (const era of ERA_IDS) {
    const e = data.eras?.[era];
    if (!e || e.era !== era || !Array.isArray(e.members)) {
      throw new Error(`inventory.json: era ${era} is missing or malformed; regenerate it with npm run inventory`);
    }
  }
  cached = data;
  return data;
}

function checkEra(era: EraId): void {
  if (!isEraId(era)) throw new Error(`unknown era id ${JSON.stringify(era)}`);
}

/** The members an era documents, in document order. */
export function membersOf(era: EraId): readonly InventoryMember[] {
  checkEra(era);
  return loadInventory().eras[era].members;
}

export function memberOf(era: EraId, name: string): InventoryMember | undefined {
  return membersOf(era).find((m) => m.name === name);
}

export function hasMember(era: EraId, name: string): boolean {
  return memberOf(era, name) !== undefined;
}

/** Every member name of every era, each once: era order, then document order. */
export function allMemberNames(): string[] {
  const names = new Set<string>();
  for (const era of ERA_IDS) for (const m of membersOf(era)) names.add(m.name);
  return [...names];
}

/** The eras that document `name`, in era order (empty if none does). */
export function erasOfMember(name: string): EraId[] {
  return ERA_IDS.filter((era) => hasMember(era, name));
}
