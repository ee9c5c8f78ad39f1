// The driver: stimuli that in Electron come from web content or hardware
// (a page asks for a permission, a device is plugged in, a navigation turns
// into a download). Specs use `driver.<namespace>.<command>(args)`, like
// WPT's testdriver; adapters implement the commands they can and every other
// command rejects at once with DriverUnsupported (fail fast, never hang).

import type { Capability } from '../../contract/capabilities.ts';
import {
  DRIVER_COMMANDS,
  type DriverArgs,
  type DriverCommand,
  type DriverImplementation,
  type DriverResult,
} from '../../contract/driver-commands.ts';

export * from '../../contract/driver-commands.ts';

type NamespaceOf<C extends string> = C extends `${infer N}.${string}` ? N : never;
type CommandsIn<N extends string, C extends string> = C extends `${N}.${infer M}` ? M : never;

/** The namespaced driver specs call: `driver.hid.plug({ device })`. */
export type Driver = {
  readonly [N in NamespaceOf<DriverCommand>]: {
    readonly [M in CommandsIn<N, DriverCommand>]: (
      args: DriverArgs<`${N}.${M}` & DriverCommand>,
    ) => Promise<DriverResult<`${N}.${M}` & DriverCommand>>;
  };
} & {
  /** Commands this driver implements (the rest reject with DriverUnsupported). */
  readonly supported: ReadonlySet<DriverCommand>;
};

/** Rejection for a command the adapter does not implement. */
export class DriverUnsupported extends Error {
  override readonly name = 'DriverUnsupported';
  readonly command: string;
  readonly capability: Capability;
  constructor(command: DriverCommand | string, capability: Capability, adapter: string) {
    super(`driver command "${command}" is not supported by the ${adapter} adapter (capability ${capability})`);
    this.command = command;
    this.capability = capability;
  }
}

type CommandFn = (args: unknown) => Promise<unknown>;

/** A driver whose command `ns.name` is `commandOf(...)`: namespaces as specs call them. */
function assemble(
  commandOf: (command: DriverCommand, ns: string, name: string) => CommandFn,
  supported: ReadonlySet<DriverCommand>,
): Driver {
  const namespaces: Record<string, Record<string, CommandFn>> = {};
  for (const command of Object.keys(DRIVER_COMMANDS) as DriverCommand[]) {
    const [ns, name] = command.split('.') as [string, string];
    (namespaces[ns] ??= {})[name] = commandOf(command, ns, name);
  }
  return Object.freeze({ ...namespaces, supported }) as unknown as Driver;
}

/**
 * Builds a driver from the commands an adapter implements. Everything else
 * is the base behaviour: reject at once with DriverUnsupported.
 */
export function createDriver(adapterName: string, impl: DriverImplementation): Driver {
  const supported = new Set((Object.keys(DRIVER_COMMANDS) as DriverCommand[]).filter((command) => impl[command]));
  return assemble((command) => {
    const fn = impl[command] as ((args: unknown) => unknown) | undefined;
    return fn
      ? async (args: unknown) => fn(args)
      : async () => {
          throw new DriverUnsupported(command, DRIVER_COMMANDS[command], adapterName);
        };
  }, supported);
}

/** Rejection for a command whose capability the spec did not declare in `requires`. */
export class UndeclaredCapability extends Error {
  override readonly name = 'UndeclaredCapability';
  readonly command: string;
  readonly capability: Capability;
  constructor(command: DriverCommand, capability: Capability) {
    super(
      `driver command "${command}" needs capability ${capability}; the spec does not declare \`requires: ['${capability}']\``,
    );
    this.command = command;
    this.capability = capability;
  }
}

/**
 * The driver a spec sees: each command first checks that the spec declared
 * its capability, whatever the adapter supports, so a spec that would be
 * skipped on a target without that capability says so in its metadata
 * (otherwise it would ERROR only on such targets, long after it was written).
 */
export function declaredDriver(driver: Driver, requires: readonly Capability[]): Driver {
  const source = driver as unknown as Record<string, Record<string, CommandFn>>;
  return assemble((command, ns, name) => {
    const capability = DRIVER_COMMANDS[command];
    return requires.includes(capability)
      ? source[ns]![name]!
      : async () => {
          throw new UndeclaredCapability(command, capability);
        };
  }, driver.supported);
}
