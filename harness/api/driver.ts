// The driver: stimuli that in Electron come from web content or hardware
// (a page asks for a permission, a device is plugged in, a navigation turns
// into a download). Specs use `driver.<namespace>.<command>(args)`, like
// WPT's testdriver; adapters implement the commands they can and every other
// command rejects at once with DriverUnsupported (fail fast, never hang).

import type { Capability } from './capabilities.ts';

/** An opaque reference to a page the driver opened in a session. */
export interface PageRef {
  readonly pageId: string;
  readonly url: string;
}

export interface FetchedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface VirtualDevice {
  deviceId: string;
  name?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  [extra: string]: unknown;
}

/**
 * Every command, with the capability it belongs to, its arguments and its
 * result. `session` arguments are the Session objects the spec holds.
 */
export interface DriverCommandMap {
  'page.open': { capability: 'renderer'; args: { session: unknown; url: string }; result: PageRef };
  'page.close': { capability: 'renderer'; args: { page: PageRef }; result: void };
  'page.fetch': {
    capability: 'network';
    args: { session: unknown; url: string; method?: string; headers?: Record<string, string>; body?: string };
    result: FetchedResponse;
  };
  'storage.setLocalStorage': {
    capability: 'storage';
    args: { session: unknown; origin: string; key: string; value: string };
    result: void;
  };
  'storage.getLocalStorage': {
    capability: 'storage';
    args: { session: unknown; origin: string; key: string };
    result: string | null;
  };
  'permissions.request': {
    capability: 'permissions';
    args: { session: unknown; origin: string; permission: string; details?: Record<string, unknown> };
    result: boolean;
  };
  'permissions.check': {
    capability: 'permissions';
    args: { session: unknown; origin: string; permission: string; details?: Record<string, unknown> };
    result: boolean;
  };
  'hints.preconnect': {
    capability: 'network';
    args: { session: unknown; url: string; allowCredentials?: boolean };
    result: void;
  };
  'downloads.navigate': { capability: 'downloads'; args: { session: unknown; url: string }; result: void };
  'auth.respond': {
    capability: 'network';
    args: { session: unknown; username?: string; password?: string; cancel?: boolean };
    result: void;
  };
  'hid.plug': { capability: 'devices.hid'; args: { device: VirtualDevice }; result: void };
  'hid.unplug': { capability: 'devices.hid'; args: { deviceId: string }; result: void };
  'hid.requestDevice': {
    capability: 'devices.hid';
    args: { session: unknown; origin: string; filters?: unknown[] };
    result: VirtualDevice[];
  };
  'hid.forget': { capability: 'devices.hid'; args: { session: unknown; origin: string; deviceId: string }; result: void };
  'serial.plug': { capability: 'devices.serial'; args: { device: VirtualDevice }; result: void };
  'serial.unplug': { capability: 'devices.serial'; args: { deviceId: string }; result: void };
  'serial.requestPort': {
    capability: 'devices.serial';
    args: { session: unknown; origin: string; filters?: unknown[] };
    result: VirtualDevice | null;
  };
  'serial.forget': {
    capability: 'devices.serial';
    args: { session: unknown; origin: string; deviceId: string };
    result: void;
  };
  'usb.plug': { capability: 'devices.usb'; args: { device: VirtualDevice }; result: void };
  'usb.unplug': { capability: 'devices.usb'; args: { deviceId: string }; result: void };
  'usb.requestDevice': {
    capability: 'devices.usb';
    args: { session: unknown; origin: string; filters?: unknown[] };
    result: VirtualDevice | null;
  };
  'usb.forget': { capability: 'devices.usb'; args: { session: unknown; origin: string; deviceId: string }; result: void };
  'bluetooth.requestDevice': {
    capability: 'bluetooth';
    args: { session: unknown; origin: string; filters?: unknown[] };
    result: VirtualDevice | null;
  };
  'bluetooth.pair': {
    capability: 'bluetooth';
    args: { session: unknown; deviceId: string; pairingKind: 'confirm' | 'confirmPin' | 'providePin'; pin?: string };
    result: { confirmed: boolean; pin?: string };
  };
  'displayMedia.request': {
    capability: 'display-media';
    args: { session: unknown; origin: string; video?: boolean; audio?: boolean };
    result: { video?: unknown; audio?: unknown } | null;
  };
  'spellcheck.check': {
    capability: 'spellcheck';
    args: { session: unknown; words: string[] };
    result: string[];
  };
  'extensions.openBackground': {
    capability: 'extensions';
    args: { session: unknown; extensionId: string };
    result: PageRef;
  };
}

export type DriverCommand = keyof DriverCommandMap;
export type DriverArgs<C extends DriverCommand> = DriverCommandMap[C]['args'];
export type DriverResult<C extends DriverCommand> = DriverCommandMap[C]['result'];

/** The capability each command needs, as data (used by the fail-fast layer and the protocol). */
export const DRIVER_COMMANDS: { [C in DriverCommand]: DriverCommandMap[C]['capability'] } = {
  'page.open': 'renderer',
  'page.close': 'renderer',
  'page.fetch': 'network',
  'storage.setLocalStorage': 'storage',
  'storage.getLocalStorage': 'storage',
  'permissions.request': 'permissions',
  'permissions.check': 'permissions',
  'hints.preconnect': 'network',
  'downloads.navigate': 'downloads',
  'auth.respond': 'network',
  'hid.plug': 'devices.hid',
  'hid.unplug': 'devices.hid',
  'hid.requestDevice': 'devices.hid',
  'hid.forget': 'devices.hid',
  'serial.plug': 'devices.serial',
  'serial.unplug': 'devices.serial',
  'serial.requestPort': 'devices.serial',
  'serial.forget': 'devices.serial',
  'usb.plug': 'devices.usb',
  'usb.unplug': 'devices.usb',
  'usb.requestDevice': 'devices.usb',
  'usb.forget': 'devices.usb',
  'bluetooth.requestDevice': 'bluetooth',
  'bluetooth.pair': 'bluetooth',
  'displayMedia.request': 'display-media',
  'spellcheck.check': 'spellcheck',
  'extensions.openBackground': 'extensions',
};

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

export type DriverImplementation = {
  [C in DriverCommand]?: (args: DriverArgs<C>) => Promise<DriverResult<C>> | DriverResult<C>;
};

/**
 * Builds a driver from the commands an adapter implements. Everything else
 * is the base behaviour: reject at once with DriverUnsupported.
 */
export function createDriver(adapterName: string, impl: DriverImplementation): Driver {
  const namespaces: Record<string, Record<string, (args: unknown) => Promise<unknown>>> = {};
  const supported = new Set<DriverCommand>();
  for (const command of Object.keys(DRIVER_COMMANDS) as DriverCommand[]) {
    const [ns, name] = command.split('.') as [string, string];
    const fn = impl[command] as ((args: unknown) => unknown) | undefined;
    if (fn) supported.add(command);
    (namespaces[ns] ??= {})[name] = fn
      ? async (args: unknown) => fn(args)
      : async () => {
          throw new DriverUnsupported(command, DRIVER_COMMANDS[command], adapterName);
        };
  }
  return Object.freeze({ ...namespaces, supported }) as unknown as Driver;
}
