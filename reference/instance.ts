// One running reference "Electron": an app, its session module and its
// sessions. Tests and the harness create as many as they need; the module
// users import (reference/electron.ts) holds one.

import type { EraId } from '../contract/eras/eras.ts';
import { App, type AppOptions } from './app/app.ts';
import { createElectronEvent } from './events/electron-event.ts';
import { createNetModule, type ReferenceNetModule } from './net/net-module.ts';
import { PartitionRegistry } from './partitions/registry.ts';
import { createProtocolModule, type ReferenceProtocolModule } from './protocol/protocol-module.ts';
import { registerLaunchSchemes, type LaunchScheme } from './protocol/scheme-registration.ts';
import { createSessionModule, type ReferenceSessionModule } from './session/module.ts';

export interface ReferenceElectron {
  readonly app: App;
  readonly session: ReferenceSessionModule;
  /** `net.fetch` / `net.resolveHost` on the default session (current era). */
  readonly net: ReferenceNetModule;
  /** `protocol`: the session methods of the era, on the default session. */
  readonly protocol: ReferenceProtocolModule;
  /**
   * Quit: a graceful quit flushes what sessions hold in memory; `crash`
   * drops it, like a killed process. Resolves once the app has shut down.
   */
  quit(options?: { crash?: boolean }): Promise<void>;
}

export interface ReferenceOptions extends Partial<AppOptions> {
  era?: EraId;
  /**
   * Schemes the app's main script registers before ready, through the era's
   * protocol member (registerSchemesAsPrivileged; registerStandardSchemes in 1.x).
   */
  privilegedSchemes?: readonly LaunchScheme[];
}

export function createReferenceElectron(options: ReferenceOptions = {}): ReferenceElectron {
  const app = new App({ ...options, era: options.era ?? 'current' });
  const registry = new PartitionRegistry(app);
  const session = createSessionModule(app, registry);
  app.quitSequence.onShutdown((crash) => registry.shutdown(crash));
  const protocol = createProtocolModule(app, session);
  registerLaunchSchemes(app.era, protocol, options.privilegedSchemes ?? []);
  return {
    app,
    session,
    net: createNetModule(app.era, session),
    protocol,
    async quit({ crash = false } = {}) {
      // The harness's quit is not cancellable: 'before-quit' is news, not a question.
      if (!crash && !app.quitSequence.hasQuit) app.emit('before-quit', createElectronEvent());
      await app.quitSequence.shutdown(crash);
    },
  };
}
