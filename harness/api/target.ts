// Adapter -> Target: the contract between the runner and an implementation.
// A Target is one running "app" with its own userData directory.

import type * as Electron from 'electron';
import type { Capability } from '../../contract/capabilities.ts';
import type { Driver } from './driver.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import type { PrivilegedScheme } from '../../contract/privileged-scheme.ts';

/** The session module as specs see it; `fromPath` exists only in eras that document it. */
export interface SessionModule {
  fromPartition(partition: string, options?: { cache?: boolean }): Electron.Session;
  fromPath?(path: string, options?: { cache?: boolean }): Electron.Session;
  readonly defaultSession: Electron.Session;
}

/** The slice of Electron's `app` that specs need. */
export interface AppSlice {
  getPath(name: string): string;
  setPath(name: string, path: string): void;
  getName(): string;
  getVersion(): string;
  isReady(): boolean;
  whenReady(): Promise<void>;
  userAgentFallback: string;
  readonly commandLine: {
    appendSwitch(name: string, value?: string): void;
    hasSwitch(name: string): boolean;
    getSwitchValue(name: string): string;
  };
  on(event: 'session-created', listener: (session: Electron.Session) => void): unknown;
  on(event: 'ready', listener: (...args: unknown[]) => void): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface ImplementationInfo {
  name: string;
  version: string;
  language: string;
  /** Eras the implementation can serve. */
  eras: EraId[];
  platform: string;
}

export interface RestartOptions {
  /**
   * Kill instead of quitting: nothing gets a chance to flush. Needs the
   * `crash-restart` capability.
   */
  crash?: boolean;
}

export interface Target {
  readonly era: EraId;
  readonly userDataDir: string;
  /** Replaced by restart(): read it again after restarting. */
  readonly session: SessionModule;
  /** Replaced by restart(). */
  readonly app: AppSlice;
  readonly driver: Driver;
  readonly capabilities: ReadonlySet<Capability>;
  /** Quit and relaunch with the same userData; waits until the new app is ready. */
  restart(options?: RestartOptions): Promise<void>;
  dispose(): Promise<void>;
  /**
   * Called after each test (optional; out-of-process targets have it): what
   * the implementation's process wrote during the test, the first request it
   * could not serve, and the failure that broke the target (a dead agent).
   */
  takeTestReport?(): TestReport;
  /**
   * Why the remaining tests of the file cannot run (the agent died or was
   * stopped during an earlier test, whose result already says so), if so.
   */
  notRunReason?(): string | undefined;
}

export interface TestReport {
  output?: string;
  unsupported?: string;
  fault?: Error;
}

export type { PrivilegedScheme };

export interface TargetOptions {
  era: EraId;
  /** A fresh, empty directory the target uses as userData. */
  userDataDir: string;
  /** Command-line switches applied before ready, as `app.commandLine.appendSwitch` would. */
  switches?: Record<string, string>;
  /**
   * Schemes registered app-wide before ready, as the app's main script calls
   * `protocol.registerSchemesAsPrivileged` (Electron 1.x: `protocol.registerStandardSchemes`,
   * which takes standard schemes only, all secure or none).
   */
  privilegedSchemes?: PrivilegedScheme[];
  /**
   * The environment the app is launched with (proxy variables for `system`
   * mode); the harness's own environment when absent.
   */
  env?: Record<string, string>;
  /**
   * PEM CA certificates the target trusts in addition to the system store
   * (the fixtures' test CA), as if installed in the OS trust store.
   */
  extraCaCertificates?: string[];
  /**
   * DNS-over-HTTPS URI templates the target's secure resolver uses, in
   * secure mode (no fallback to insecure DNS), as
   * `app.configureHostResolver({ secureDnsMode: 'secure', secureDnsServers })`
   * would configure it at launch.
   */
  secureDnsServers?: string[];
  /**
   * Plain DNS servers (`127.0.0.1:port`) the target's system resolver asks,
   * standing in for the machine's resolver configuration, so names resolve
   * without any outside DNS.
   */
  dnsServers?: string[];
}

export interface Adapter {
  readonly name: string;
  describe(): Promise<ImplementationInfo>;
  /** Resolves once the target's app is ready. */
  createTarget(options: TargetOptions): Promise<Target>;
  close?(): Promise<void>;
}
