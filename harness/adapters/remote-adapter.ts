// The out-of-process adapters. `remote:<command>` spawns one agent process per
// Target (a fresh app per spec file) and owns it; `attach:<address>` talks to
// an agent that is already running. The session module, app and every object
// they hand out are proxies over the agent protocol (harness/protocol).

import { isCapability, type Capability } from '../../contract/capabilities.ts';
import {
  createDriver,
  DRIVER_COMMANDS,
  DriverUnsupported,
  type Driver,
  type DriverCommand,
  type DriverImplementation,
} from '../api/driver.ts';
import { HarnessError } from '../api/harness-error.ts';
import { adapterLabel, type AdapterSpec } from '../api/run-context.ts';
import type {
  Adapter,
  AppSlice,
  ImplementationInfo,
  RestartOptions,
  SessionModule,
  Target,
  TargetOptions,
} from '../api/target.ts';
import { AgentLink, type Hello, type LinkEndpoint } from '../protocol/agent-link.ts';
import { agentFailure } from '../protocol/peer.ts';
import { driverValidator } from '../protocol/validate.ts';

export type RemoteSpec = Extract<AdapterSpec, { kind: 'remote' } | { kind: 'attach' }>;

interface Created {
  target: string;
  session: SessionModule;
  app: AppSlice;
}

function isCreated(value: unknown): value is Created {
  const v = value as Partial<Created> | null;
  return Boolean(v && typeof v.target === 'string' && v.session && v.app);
}

export class RemoteAdapter implements Adapter {
  readonly name: string;
  readonly #spec: RemoteSpec;

  constructor(spec: RemoteSpec) {
    if (spec.kind === 'remote' && spec.command.length === 0)
      throw new HarnessError('remote: needs a command that starts the agent');
    this.#spec = spec;
    this.name = adapterLabel(spec);
  }

  /** Whether messages and driver traffic are checked against the protocol's schemas. */
  get validatesProtocol(): boolean {
    return this.#spec.validateProtocol ?? false;
  }

  /**
   * A new link to an agent (a new process for remote:, a leased one for a
   * pool), after the handshake; `target` options are given at launch. The
   * handshake does not block this thread: it may be the one serving the pool.
   */
  async open(target?: TargetOptions): Promise<AgentLink> {
    const link = this.#link(target);
    try {
      await link.handshakeAsync();
    } catch (error) {
      await link.close('the handshake failed');
      throw error;
    }
    return link;
  }

  #link(target?: TargetOptions): AgentLink {
    const endpoint: LinkEndpoint =
      this.#spec.kind === 'remote' && this.#spec.pool
        ? { lease: { pool: this.#spec.pool } }
        : this.#spec.kind === 'remote'
          ? {
              spawn: {
                command: this.#spec.command,
                // A target's environment is the app's (Chromium reads proxy variables from it):
                // it replaces the runner's, keeping PATH so the command is found.
                ...(target?.env ? { inheritEnv: false } : {}),
                env: {
                  ...(target?.env ? { ...(process.env.PATH ? { PATH: process.env.PATH } : {}), ...target.env } : {}),
                  SESSION_CONFORMANCE_AGENT_CHANNEL: 'fd:3,4',
                  ...(target ? { SESSION_CONFORMANCE_TARGET: JSON.stringify(launchOptions(target)) } : {}),
                },
              },
            }
          : { connect: { address: this.#spec.address } };
    return new AgentLink({ endpoint, label: this.name, validate: this.#spec.validateProtocol ?? false });
  }

  /** Runs in the runner's main thread, which must not block (its event loop serves the agent pool). */
  async describe(): Promise<ImplementationInfo> {
    const link = await this.open();
    try {
      return link.hello.implementation;
    } finally {
      await link.close('describe only');
    }
  }

  async createTarget(options: TargetOptions): Promise<Target> {
    const link = await this.open(options);
    try {
      return await RemoteTarget.create(this, link, options);
    } catch (error) {
      await link.close('target creation failed');
      throw error;
    }
  }

  /** Whether restart may relaunch the agent process (a spawned, unpooled agent). */
  get ownsProcess(): boolean {
    return this.#spec.kind === 'remote' && !this.#spec.pool;
  }
}

/** All of a target's options travel (as JSON): an area that adds one needs no change here. */
function launchOptions(options: TargetOptions): TargetOptions {
  return JSON.parse(JSON.stringify(options)) as TargetOptions;
}

export class RemoteTarget implements Target {
  readonly era;
  readonly userDataDir;
  readonly capabilities: ReadonlySet<Capability>;
  readonly driver: Driver;
  readonly #adapter: RemoteAdapter;
  readonly #options: TargetOptions;
  #link: AgentLink;
  #created: Created;

  private constructor(adapter: RemoteAdapter, link: AgentLink, options: TargetOptions, created: Created) {
    this.#adapter = adapter;
    this.#link = link;
    this.#options = options;
    this.#created = created;
    this.era = options.era;
    this.userDataDir = options.userDataDir;
    const hello = link.hello;
    this.capabilities = new Set(hello.capabilities.filter(isCapability));
    this.driver = this.#driver(hello);
  }

  static async create(adapter: RemoteAdapter, link: AgentLink, options: TargetOptions): Promise<RemoteTarget> {
    const hello = link.hello;
    if (!hello.implementation.eras.includes(options.era)) {
      throw agentFailure('AgentUnsupported', `the agent (${hello.implementation.name}) does not serve era ${options.era}`);
    }
    return new RemoteTarget(adapter, link, options, await RemoteTarget.#createOn(link, options));
  }

  static async #createOn(link: AgentLink, options: TargetOptions): Promise<Created> {
    const created = await link.peer.request({ op: 'target.create', options: launchOptions(options) });
    if (!isCreated(created)) throw agentFailure('ProtocolError', 'target.create did not answer { target, session, app }');
    return created;
  }

  /** The agent process, for tests of the protocol itself. */
  get link(): AgentLink {
    return this.#link;
  }

  get session(): SessionModule {
    return this.#created.session;
  }

  get app(): AppSlice {
    return this.#created.app;
  }

  #driver(hello: Hello): Driver {
    // --validate-protocol checks driver traffic against driver-commands.schema.json too.
    const validator = this.#adapter.validatesProtocol ? driverValidator() : null;
    const impl: Record<string, (args: unknown) => Promise<unknown>> = {};
    for (const name of hello.driverCommands) {
      if (!(name in DRIVER_COMMANDS)) continue;
      const command = name as DriverCommand;
      impl[command] = async (args) => {
        const problem = validator?.check(command, 'args', args);
        if (problem) throw new HarnessError(problem);
        try {
          const result = await this.#link.peer.request({ op: 'driver', target: this.#created.target, command, args: [args] });
          const wrong = validator?.check(command, 'result', result);
          if (wrong) throw Object.assign(new Error(wrong), { name: 'ProtocolError' });
          return result;
        } catch (error) {
          if ((error as Error).name === 'AgentUnsupported') {
            throw new DriverUnsupported(command, DRIVER_COMMANDS[command], this.#adapter.name);
          }
          throw error;
        }
      };
    }
    return createDriver(this.#adapter.name, impl as DriverImplementation);
  }

  async restart(options: RestartOptions = {}): Promise<void> {
    const crash = options.crash ?? false;
    const hello = this.#link.hello;
    if (hello.restart === 'in-process') {
      const created = await this.#link.peer.request({ op: 'target.restart', target: this.#created.target, crash });
      if (!isCreated(created)) throw agentFailure('ProtocolError', 'target.restart did not answer { target, session, app }');
      this.#created = created;
      return;
    }
    if (!this.#adapter.ownsProcess) {
      throw agentFailure(
        'AgentUnsupported',
        'the attached agent cannot restart a target in-process, and the runner does not own its process',
      );
    }
    if (crash) {
      this.#link.kill('SIGKILL');
      await this.#link.exited();
    } else {
      await this.#link.peer.request({ op: 'target.dispose', target: this.#created.target });
    }
    await this.#link.close('the target was restarted; read t.session and t.app again');
    this.#link = await this.#adapter.open(this.#options);
    this.#created = await RemoteTarget.#createOn(this.#link, this.#options);
  }

  async dispose(): Promise<void> {
    try {
      if (!this.#link.fault) await this.#link.peer.request({ op: 'target.dispose', target: this.#created.target });
    } finally {
      await this.#link.close();
    }
  }

  notRunReason(): string | undefined {
    const fault = this.#link.fault;
    return fault && this.#link.faultReported
      ? `not run: an earlier test of this file lost the agent (${fault.message.split('\n')[0]})`
      : undefined;
  }

  takeTestReport(): { output?: string; unsupported?: string; fault?: Error } {
    return this.#link.takeTestReport();
  }
}
