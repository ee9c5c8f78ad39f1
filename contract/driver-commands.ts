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
  'storage.indexedDBPut': {
    capability: 'storage';
    args: { session: unknown; origin: string; database: string; store: string; key: string; value: unknown };
    result: void;
  };
  'storage.indexedDBGet': {
    capability: 'storage';
    args: { session: unknown; origin: string; database: string; store: string; key: string };
    result: unknown;
  };
  'storage.cachePut': {
    capability: 'storage';
    args: { session: unknown; origin: string; cacheName: string; url: string; body: string };
    result: void;
  };
  'storage.cacheMatch': {
    capability: 'storage';
    args: { session: unknown; origin: string; cacheName: string; url: string };
    result: string | null;
  };
  /** A page of `origin` loads and runs the script at `url` (<script src>); its code cache sees it. */
  'storage.loadScript': {
    capability: 'storage';
    args: { session: unknown; origin: string; url: string };
    result: { status: number };
  };
  /** A page's fetch() whose body is a Blob (one `blob` part) or a FormData of text and blob parts. */
  'storage.fetchWithBlob': {
    capability: 'storage';
    args: { session: unknown; url: string; parts: ({ text: string } | { blob: string })[]; method?: string };
    result: FetchedResponse;
  };
  /** navigator.serviceWorker.register(scriptURL, { scope }) from a page; rejects with the page's DOMException message. */
  'serviceWorkers.register': {
    capability: 'service-workers';
    args: { session: unknown; scriptURL: string; scope?: string };
    result: { versionId: number; scope: string };
  };
  /** The scopes registered for `origin` (navigator.serviceWorker.getRegistrations()). */
  'serviceWorkers.getRegistrations': {
    capability: 'service-workers';
    args: { session: unknown; origin: string };
    result: string[];
  };
  /** Stops every running worker of the session, as an idle timeout would. */
  'serviceWorkers.stopAll': {
    capability: 'service-workers';
    args: { session: unknown };
    result: void;
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
  'storage.indexedDBPut': 'storage',
  'storage.indexedDBGet': 'storage',
  'storage.cachePut': 'storage',
  'storage.cacheMatch': 'storage',
  'storage.loadScript': 'storage',
  'storage.fetchWithBlob': 'storage',
  'serviceWorkers.register': 'service-workers',
  'serviceWorkers.getRegistrations': 'service-workers',
  'serviceWorkers.stopAll': 'service-workers',
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

export type DriverImplementation = {
  [C in DriverCommand]?: (args: DriverArgs<C>) => Promise<DriverResult<C>> | DriverResult<C>;
};

