// Electron's `protocol` module: each method the era documents for a
// session's Protocol, called on the default session's (as
// lib/browser/api/protocol.ts does), and the app-wide member that registers
// schemes before ready (registerSchemesAsPrivileged; registerStandardSchemes
// in 1.x), which acts on the app (scheme-registration.ts).

import { subMembersOf } from '../../contract/eras/sub-inventory.ts';
import type { App } from '../app/app.ts';
import type { ReferenceSessionModule } from '../session/module.ts';
import { schemeRegistrationMembers } from './scheme-registration.ts';

export type ReferenceProtocolModule = Readonly<Record<string, (...args: unknown[]) => unknown>>;

export function createProtocolModule(app: App, session: ReferenceSessionModule): ReferenceProtocolModule {
  const names = subMembersOf(app.era)
    .filter((m) => m.owner === 'protocol')
    .map((m) => m.name.slice('protocol.'.length));
  const protocol = () =>
    (session.defaultSession as unknown as { protocol: Record<string, (...args: unknown[]) => unknown> }).protocol;
  return Object.freeze({
    ...Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => protocol()[name]!(...args)])),
    ...schemeRegistrationMembers(app),
  });
}
