// The reference's `app`: ready lifecycle, quitting, named paths, command-line
// switches, the schemes registered before ready, the user agent fallback,
// locale, and the `session-created` event.
// The slice of Electron's app that sessions, and code setting them up, touch.

import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { throwArgumentError } from '../era/arguments.ts';
import { ERA_VERSIONS, type EraVersions } from '../era/versions.ts';
import { CommandLine } from './command-line.ts';
import { AppPaths, isPathName, type PathName } from './paths.ts';
import { QuitSequence } from './quit.ts';
import { UrlSchemes } from './url-schemes.ts';
import { defaultUserAgent } from './user-agent.ts';
import { SESSION_ERAS } from '../session/session-era.ts';

export interface AppOptions {
  era: EraId;
  /** userData directory; Electron's default (appData/<name>) when absent. */
  userData?: string;
  /** appData directory (userData's parent by default); the machine's (~/.config) when absent. */
  appData?: string;
  /** What app.getAppPath() answers: the folder of the app's package.json; the working directory when absent. */
  appPath?: string;
  /** The locale the app runs in (app.getLocale(), the default Accept-Language); en-US when absent. */
  locale?: string;
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
  /** Schemes registered app-wide before ready (protocol.registerSchemesAsPrivileged). */
  readonly urlSchemes = new UrlSchemes();
  readonly #paths: AppPaths;
  #name: string;
  readonly #version: string;
  #ready = false;
  readonly #appPath: string;
  readonly #locale: string;
  #hardwareAcceleration = true;
  /** Quitting: app.quit(), app.exit() and the harness's quit go through it. */
  readonly quitSequence: QuitSequence;
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
    const initialPaths: Partial<Record<PathName, string>> = {};
    if (options.userData) initialPaths.userData = options.userData;
    if (options.appData) initialPaths.appData = options.appData;
    this.#paths = new AppPaths(() => this.#name, initialPaths);
    this.#appPath = options.appPath ?? process.cwd();
    this.#locale = options.locale ?? 'en-US';
    this.quitSequence = new QuitSequence(this);
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

  /** A reference app runs from its sources, never from an asar archive. */
  get isPackaged(): boolean {
    return false;
  }

  getAppPath(): string {
    return this.#appPath;
  }

  getLocale(): string {
    return this.#locale;
  }

  getSystemLocale(): string {
    return this.#locale;
  }

  getPreferredSystemLanguages(): string[] {
    return [this.#locale];
  }

  getLocaleCountryCode(): string {
    return this.#locale.split('-')[1]?.toUpperCase() ?? '';
  }

  setAppLogsPath(value?: string): void {
    if (value !== undefined && typeof value !== 'string') throwArgumentError(0, value);
    if (value !== undefined && !path.isAbsolute(value)) throw new Error('Path must be absolute');
    this.#paths.set('logs', value ?? path.join(this.getPath('userData'), 'logs'));
  }

  /** Has an effect on windows only, which the reference does not have; the state is kept. */
  disableHardwareAcceleration(): void {
    if (this.#ready) throw new Error('app.disableHardwareAcceleration() can only be called before app is ready');
    this.#hardwareAcceleration = false;
  }

  isHardwareAccelerationEnabled(): boolean {
    return this.#hardwareAcceleration;
  }

  /** Electron's order: 'before-quit', 'will-quit' (both cancellable), then 'quit' once sessions have flushed. */
  quit(): void {
    this.quitSequence.quit();
  }

  /** Shuts down at once with exitCode: no 'before-quit' or 'will-quit'; 'quit' gets the code. */
  exit(exitCode: unknown = 0): void {
    this.quitSequence.exit(typeof exitCode === 'number' && Number.isInteger(exitCode) ? exitCode : 0);
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
