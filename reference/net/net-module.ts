// Electron's `net` module, the part that belongs to sessions: `net.fetch`
// and `net.resolveHost` issue their work from the default session (as
// lib/browser/api/net.ts does). Both exist from the current era on; older
// eras' `net` had only ClientRequest, which this reference does not model.

import type { EraId } from '../../contract/eras/eras.ts';
import type { ReferenceSessionModule } from '../session/module.ts';
import { NET_ERAS } from './net-era.ts';

export interface ReferenceNetModule {
  fetch?(input: Request | string | URL, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
  resolveHost?(host: string, options?: Record<string, unknown>): Promise<{ endpoints: { address: string; family: string }[] }>;
}

export function createNetModule(era: EraId, session: ReferenceSessionModule): ReferenceNetModule {
  if (!NET_ERAS[era].netModuleSessionMembers) return Object.freeze({});
  const defaultSession = () => session.defaultSession as unknown as Required<ReferenceNetModule>;
  return Object.freeze({
    fetch: (input: Request | string | URL, init?: RequestInit) => defaultSession().fetch(input, init),
    resolveHost: (host: string, options?: Record<string, unknown>) => defaultSession().resolveHost(host, options),
  });
}
