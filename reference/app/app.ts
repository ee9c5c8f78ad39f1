// The reference's `app`: ready lifecycle, named paths, command-line switches,
// the user agent fallback, and the `session-created` event. Only the slice of
// Electron's app that sessions depend on.

import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { throwArgumentError } from '../era/arguments.ts';
import { ERA_VERSIONS, type EraVersions } from '../era/versions.ts';
import { CommandLine } from './command-line.ts';
import { AppPaths, isPathName } from './paths.ts';
import { defaultUserAgent } from './user-agent.ts';
import { SESSION_ERAS } from '../session/session-era.ts';

export interface AppOptions {
  era: EraId;
  /** userData directory; Electron's default (appData/<name>) when absent. */
  userData?: string;
  name?: string;
  version?: string;
  /** Switches present on the command line at launch. */
  switches?: Record<string, string>;
  /** The process environment the app sees (proxy variables for `system` mode); process.env when absent. */
  env?: Record<string, string | undefined>;
  /** The machine's network set-up the app starts in (see AppNetworkOptions). */
  network?: Partial<AppNetworkOptions>;
}

/**
 * What the operating system would give Electron's network stack: CAs
 * installed in the trust store on top of the bundled roots, the DNS servers
 * the system resolver asks (`host:port`; empty means the machine's own
 * configuration), and the DNS-over-HTTPS servers secure DNS is configured
 * with (as `app.configureHostResolver({ secureDnsMode: 'secure', secureDnsServers })`
 * would set them).
 */
export interface AppNetworkOptions {
  extraCaCertificates: readonly string[];
  dnsServers: readonly string[];
  secureDnsServers: readonly string[];
}

export class App extends EventEmitter {
  readonly commandLine: CommandLine;
  readonly era: EraId;
  readonly versions: EraVersions;
  /** A snapshot of the environment at launch, as Chromium reads it once. */
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly networkOptions: AppNetworkOptions;
  readonly #paths: AppPaths;
  #name: string;
  readonly #version: string;
  #ready = false;
  #userAgentFallback: string | undefined;
  readonly #whenReady: Promise<void>;

  constructor(options: AppOptions) {
    super();
    this.era = options.era;
    this.commandLine = new CommandLine(SESSION_ERAS[options.era].lowerCaseSwitchNames);
    this.versions = ERA_VERSIONS[options.era];
    this.environment = Object.freeze({ ...(options.env ?? process.env) });
    this.networkOptions = Object.freeze({
      extraCaCertificates: [...(options.network?.extraCaCertificates ?? [])],
      dnsServers: [...(options.network?.dnsServers ?? [])],
      secureDnsServers: [...(options.network?.secureDnsServers ?? [])],
    });
    this.#name = options.name ?? 'Electron';
    this.#version = options.version ?? this.versions.electron;
    this.#paths = new AppPaths(() => this.#name, options.userData ? { userData: options.userData } : {});
    for (const [name, value] of Object.entries(options.switches ?? {})) this.commandLine.appendSwitch(name, value);
    // Like Electron, readiness arrives after the current turn of start-up code,
    // so listeners and switches added synchronously at load time take effect.
    this.#whenReady = new Promise((resolve) => {
      setImmediate(() => {
        this.emit('will-finish-launching');
        mkdirSync(this.getPath('userData'), { recursive: true });
        this.#ready = true;
        resolve();
        // Electron settles whenReady() before it emits 'ready'.
        queueMicrotask(() => this.emit('ready', {}, {}));
      });
    });
  }

  isReady(): boolean {
    return this.#ready;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  getName(): string {
    return this.#name;
  }

  setName(name: string): void {
    if (typeof name !== 'string') throwArgumentError(0, name);
    this.#name = name;
  }

  get name(): string {
    return this.#name;
  }

  set name(value: string) {
    this.setName(value);
  }

  getVersion(): string {
    return this.#version;
  }

  getPath(name: string): string {
    if (typeof name !== 'string') throwArgumentError(0, name);
    if (!isPathName(name)) throw new Error(`Failed to get '${name}' path`);
    return this.#paths.get(name);
  }

  setPath(name: string, value: string): void {
    if (typeof name !== 'string') throwArgumentError(0, name);
    if (typeof value !== 'string') throwArgumentError(1, value);
    if (!path.isAbsolute(value)) throw new Error('Path must be absolute');
    if (!isPathName(name)) throw new Error(`Failed to set path`);
    this.#paths.set(name, value);
  }

  get userAgentFallback(): string {
    return this.#userAgentFallback ?? defaultUserAgent(this.#name, this.#version, this.versions);
  }

  set userAgentFallback(value: string) {
    if (typeof value !== 'string') throwArgumentError(0, value);
    // An empty string restores the computed default, as in Electron.
    this.#userAgentFallback = value === '' ? undefined : value;
  }
}
