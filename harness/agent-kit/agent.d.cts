// Types of the agent library (agent.cjs), `require('session-conformance/agent')`.

/** What the runner asks a target to be launched with. */
export interface AgentTargetOptions {
  era: 'legacy' | 'e9' | 'e12' | 'e17' | 'current';
  userDataDir: string;
  switches?: Record<string, string>;
  /** Schemes to register before ready, as `protocol.registerSchemesAsPrivileged` takes them. */
  privilegedSchemes?: { scheme: string; privileges?: Record<string, boolean> }[];
  env?: Record<string, string>;
  extraCaCertificates?: string[];
  secureDnsServers?: string[];
  dnsServers?: string[];
}

/** One running app: Electron-shaped `session` and `app` modules, and how to quit it. */
export interface AgentTarget {
  session: unknown;
  app: unknown;
  quit(options: { crash?: boolean }): Promise<void> | void;
}

export interface AgentImplementation {
  name: string;
  version: string;
  language: string;
  eras: AgentTargetOptions['era'][];
  platform: string;
}

export interface AgentHost {
  implementation: AgentImplementation;
  /** Capability names (see session-conformance/harness, CAPABILITIES). */
  capabilities: string[];
  /** Driver commands by name, e.g. `storage.getLocalStorage`; each command's arguments are its own. */
  // biome-ignore lint/suspicious/noExplicitAny: the arguments of a command are declared by the command
  driver?: Record<string, (args: any, target: AgentTarget) => unknown>;
  /** `in-process`: the kit serves target.restart; `relaunch`: the runner starts the process again. */
  restart: 'in-process' | 'relaunch';
  /** `many`: one process hosts many targets; `one`: one target per process. */
  targets: 'many' | 'one';
  createTarget(options: AgentTargetOptions): AgentTarget | Promise<AgentTarget>;
  /** Called when the runner closes the channel (default: process.exit(0)). */
  exit?(): void;
}

/** A value sent by reference (a handle) rather than copied. */
export interface ByRef {
  readonly target: unknown;
}

/** An error the kit reports as `unsupported`: the test is SKIP, not a failure. */
export interface AgentFailure extends Error {
  readonly name: 'AgentUnsupported';
}

/** Serves `host` on the channel the runner gave (SESSION_CONFORMANCE_AGENT_CHANNEL or _LISTEN). */
export declare function runAgent(host: AgentHost): unknown;
/** The target options the runner launched this process with (SESSION_CONFORMANCE_TARGET), or null. */
export declare function launchOptions(): AgentTargetOptions | null;
export declare function byRef(value: object): ByRef;
export declare function unsupported(reason: string): AgentFailure;
export declare const PROTOCOL_VERSION: number;
