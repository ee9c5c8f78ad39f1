// The in-process adapter: each Target is a fresh reference Electron in this
// worker, with its own userData directory. restart() quits it (or drops it,
// for a crash) and builds a new one over the same directory.

import { createDriver, type Driver } from '../api/driver.ts';
import type { Capability } from '../../contract/capabilities.ts';
import type { Adapter, AppSlice, ImplementationInfo, SessionModule, Target, TargetOptions } from '../api/target.ts';
import { ERA_IDS } from '../../contract/eras/eras.ts';
import {
  launchReference,
  REFERENCE_CAPABILITIES,
  REFERENCE_DRIVER_COMMANDS,
  type ReferenceElectron,
} from '../../reference/testing.ts';
import { machineCapabilities } from './machine-capabilities.ts';
import { PACKAGE_VERSION } from '../runner/paths.ts';

/** The reference's capabilities and those of this machine (a real Chromium to compare against). */
export function referenceCapabilities(): Capability[] {
  return [...new Set([...REFERENCE_CAPABILITIES, ...machineCapabilities()])];
}

const CAPABILITIES: ReadonlySet<Capability> = new Set(referenceCapabilities());

function referenceDriver(): Driver {
  return createDriver('reference', REFERENCE_DRIVER_COMMANDS);
}

export { launchReference };

class ReferenceTarget implements Target {
  readonly era;
  readonly userDataDir;
  readonly driver = referenceDriver();
  readonly capabilities = CAPABILITIES;
  readonly #options: TargetOptions;
  #electron: ReferenceElectron;

  constructor(options: TargetOptions) {
    this.#options = options;
    this.era = options.era;
    this.userDataDir = options.userDataDir;
    this.#electron = this.#launch();
  }

  #launch(): ReferenceElectron {
    return launchReference(this.#options);
  }

  get session(): SessionModule {
    return this.#electron.session as unknown as SessionModule;
  }

  get app(): AppSlice {
    return this.#electron.app as unknown as AppSlice;
  }

  async ready(): Promise<void> {
    await this.#electron.app.whenReady();
  }

  async restart(options: { crash?: boolean } = {}): Promise<void> {
    await this.#electron.quit({ crash: options.crash ?? false });
    this.#electron = this.#launch();
    await this.ready();
  }

  async dispose(): Promise<void> {
    await this.#electron.quit();
  }
}

export class ReferenceAdapter implements Adapter {
  readonly name = 'reference';

  async describe(): Promise<ImplementationInfo> {
    return {
      name: 'session-conformance reference',
      version: PACKAGE_VERSION,
      language: 'typescript',
      eras: [...ERA_IDS],
      platform: `${process.platform}-${process.arch} node ${process.version}`,
    };
  }

  async createTarget(options: TargetOptions): Promise<Target> {
    const target = new ReferenceTarget(options);
    await target.ready();
    return target;
  }
}
