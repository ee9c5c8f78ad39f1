// Electron's `protocol` module, the part that belongs to sessions: each
// method the era documents for a session's Protocol, called on the default
// session's (as lib/browser/api/protocol.ts does). The app-wide
// registerSchemesAsPrivileged / registerStandardSchemes are not modelled.

import type { EraId } from '../../contract/eras/eras.ts';
import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import type { ReferenceSessionModule } from '../session/module.ts';

export type ReferenceProtocolModule = Readonly<Record<string, (...args: unknown[]) => unknown>>;

export function createProtocolModule(era: EraId, session: ReferenceSessionModule): ReferenceProtocolModule {
  const names = subMembersOf(era)
    .filter((m) => m.owner === 'protocol')
    .map((m) => m.name.slice('protocol.'.length));
  const protocol = () => (session.defaultSession as unknown as { protocol: Record<string, (...args: unknown[]) => unknown> }).protocol;
  return Object.freeze(Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => protocol()[name]!(...args)])));
}
