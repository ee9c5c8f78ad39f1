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
 * The frame of a page of `session` that a command stands in for: the page's
 * main frame at `url`, or, with `frameUrl`, a subframe of it (same-origin or
 * cross-origin) loaded inside that page.
 */
export interface FrameArgs {
  session: unknown;
  url: string;
  frameUrl?: string;
}

/** The DOMException (name and message) a page's promise rejects with. */
export interface PageError {
  name: string;
  message: string;
}

/** What a page observes of a permission request. */
export interface PermissionRequestOutcome {
  /** One per permission asked, in order. */
  statuses: ('granted' | 'denied')[];
  /** The DOMException a getUserMedia() request rejects with when denied; null otherwise. */
  error: PageError | null;
}

/** A captured track as the page sees it: the device id and the track's label. */
export interface CapturedTrack {
  deviceId: string;
  label: string;
}

/** What a page's getDisplayMedia() resolves with, or the DOMException it rejects with. */
export type DisplayMediaOutcome =
  | { video: CapturedTrack; audio: CapturedTrack | null; error: null }
  | { video: null; audio: null; error: PageError };

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
    args: FrameArgs & {
      /**
       * The permission types of one request, as Chromium names them
       * (blink::PermissionType: 'GEOLOCATION', 'MIDI_SYSEX', 'CLIPBOARD_READ_WRITE',
       * and Electron's own 'FULLSCREEN', 'POINTER_LOCK', 'OPEN_EXTERNAL', ...).
       * 'AUDIO_CAPTURE' and/or 'VIDEO_CAPTURE' alone are one getUserMedia() request.
       */
      permissions: string[];
      /** Whether the page had a user gesture (pointer lock, external protocols). */
      userGesture?: boolean;
      /** The URL an external-protocol navigation would open ('OPEN_EXTERNAL'). */
      externalURL?: string;
    };
    result: PermissionRequestOutcome;
  };
  'permissions.check': {
    capability: 'permissions';
    args: FrameArgs & {
      /** One permission type, named as in `permissions.request`. */
      permission: string;
      /**
       * Who checks: `document` (the frame's navigator.permissions.query(), the
       * default), `origin` (no frame: a worker, or the Notification permission),
       * `media` (the camera/microphone check of enumerateDevices(); AUDIO_CAPTURE
       * or VIDEO_CAPTURE), `device` (navigator.hid/serial/usb before a chooser;
       * HID, SERIAL or USB).
       */
      via?: 'document' | 'origin' | 'media' | 'device';
    };
    result: 'granted' | 'denied';
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
    args: FrameArgs & { audio?: boolean; userGesture?: boolean };
    result: DisplayMediaOutcome;
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

export type DriverImplementation = {
  [C in DriverCommand]?: (args: DriverArgs<C>) => Promise<DriverResult<C>> | DriverResult<C>;
};

