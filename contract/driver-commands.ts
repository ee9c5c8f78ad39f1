// The driver's commands as data: every command a spec can send through
// `driver.<namespace>.<command>(args)`, the capability it belongs to, its
// arguments and its result. Shared by the harness (which builds drivers and
// checks agent traffic against harness/protocol/schemas/driver.schema.json)
// and by implementations (which implement the commands they can).

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
  /** A page of `session` navigates to `url`; `download` says whether the answer became a download. */
  'downloads.navigate': {
    capability: 'downloads';
    args: { session: unknown; url: string; hasUserGesture?: boolean };
    result: { download: boolean };
  };
  /** Every save dialog a download of `session` opened (oldest first, with its options) and how many wait for an answer. */
  'downloads.saveDialogs': {
    capability: 'downloads.dialog';
    args: { session: unknown };
    result: { shown: Record<string, unknown>[]; pending: number };
  };
  /** The user answers the oldest open save dialog: a path, or a cancel. False when none is open. */
  'downloads.answerSaveDialog': {
    capability: 'downloads.dialog';
    args: { session: unknown; filePath?: string; cancel?: boolean };
    result: boolean;
  };
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
  'downloads.saveDialogs': 'downloads.dialog',
  'downloads.answerSaveDialog': 'downloads.dialog',
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

export type DriverImplementation = {
  [C in DriverCommand]?: (args: DriverArgs<C>) => Promise<DriverResult<C>> | DriverResult<C>;
};

