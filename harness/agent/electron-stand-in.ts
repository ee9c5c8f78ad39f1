// An Electron-shaped module made of the reference, for running the Electron
// agent (electron-main.cjs) without an Electron binary: `app`, `session`,
// `protocol`, and the `conformance` description the Electron agent reads from
// modules that are not Electron. The launch's privileged schemes are left to
// the agent, which registers them through `protocol` before ready as it does
// in Electron. `app.quit()` behaves like Electron's: a graceful quit,
// then 'will-quit', then the process exits; `app.exit(code)` shuts the app
// down and ends the process with that code.

import { createReferenceElectron, REFERENCE_DRIVER_COMMANDS } from '../../reference/testing.ts';
import { launchReference, referenceCapabilities } from '../adapters/reference-adapter.ts';
import type { TargetOptions } from '../api/target.ts';
import { isEraId } from '../../contract/eras/eras.ts';

/**
 * `launch`: the target options the runner gave at launch; without them (a
 * handshake only) an app of the current era with a temporary userData.
 */
export function createElectronStandIn(launch: TargetOptions | undefined): Record<string, unknown> {
  const era = launch && isEraId(launch.era) ? launch.era : 'current';
  const electron = launch ? launchReference({ ...launch, privilegedSchemes: [] }) : createReferenceElectron({ era });
  const app = electron.app as unknown as Record<string, unknown> & { emit(event: string): boolean };
  app.quit = () => {
    void electron.quit().then(() => {
      app.emit('will-quit');
      setImmediate(() => process.exit(0));
    });
  };
  app.exit = (code: unknown = 0) => {
    void electron.quit().then(() => setImmediate(() => process.exit(typeof code === 'number' ? code : 0)));
  };
  return {
    app,
    session: electron.session,
    protocol: electron.protocol,
    conformance: {
      name: 'session-conformance reference (as electron)',
      version: electron.app.versions.electron,
      eras: [era],
      capabilities: referenceCapabilities(),
      driver: REFERENCE_DRIVER_COMMANDS,
    },
  };
}
