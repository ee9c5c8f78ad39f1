// The bundled Node agent: serves the reference implementation over the agent
// protocol, one reference app per target, with the reference adapter's
// capabilities and driver commands. Started by reference-agent.mjs.

import { createRequire } from 'node:module';
import { launchReference, referenceCapabilities } from '../adapters/reference-adapter.ts';
import { REFERENCE_DRIVER_COMMANDS } from '../../reference/testing.ts';
import type { TargetOptions } from '../api/target.ts';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import { PACKAGE_VERSION } from '../runner/paths.ts';

interface AgentLibrary {
  runAgent(host: unknown): unknown;
}

const { runAgent } = createRequire(import.meta.url)('../agent-kit/agent.cjs') as AgentLibrary;

const driver: Record<string, (args: unknown) => unknown> = {};
for (const [name, fn] of Object.entries(REFERENCE_DRIVER_COMMANDS))
  driver[name] = (args) => (fn as (a: unknown) => unknown)(args);

runAgent({
  implementation: {
    name: 'session-conformance reference',
    version: PACKAGE_VERSION,
    language: 'typescript',
    eras: [...ERA_IDS],
    platform: `${process.platform}-${process.arch} node ${process.version}`,
  },
  capabilities: referenceCapabilities(),
  driver,
  // A reference app quits and relaunches inside the process, as the in-process adapter does.
  restart: 'in-process',
  targets: 'many',
  async createTarget(options: TargetOptions) {
    const electron = launchReference(options);
    await electron.app.whenReady();
    return { session: electron.session, app: electron.app, quit: (o: { crash?: boolean }) => electron.quit(o) };
  },
});
