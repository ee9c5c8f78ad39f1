// How the permission handlers behave in each era, as data: what that era's
// Electron does (electron_permission_manager.cc, web_contents_permission_helper.cc,
// electron_api_session.cc, the hid/serial/usb delegates and the callback
// converters, at v1.8.8, v9.4.4, v12.2.3, v17.4.11 and v39.2.7). The names
// handlers receive are a table of their own (permission-names.ts).

import type { EraId } from '../../contract/eras/eras.ts';

export type DeviceKind = 'hid' | 'serial' | 'usb';

export interface PermissionEra {
  /**
   * The request handler's callback: native_mate's (booleans only, callable
   * again) in 1.x, gin_helper's one-time function reading truthiness after.
   */
  responseCallback: 'native_mate' | 'one-time';
  /** The request handler gets a fourth argument, `details` (Electron 9+). */
  requestDetails: boolean;
  /** The class of 'Must pass null or function': native_mate's and gin_helper's Error, then gin's TypeError (12+). */
  handlerError: 'Error' | 'TypeError';
  /** ses.setPermissionCheckHandler exists; without it every check is granted. */
  checkHandler: boolean;
  /**
   * What navigator.permissions.query() does: granted without asking (up to
   * 12), the check handler with the frame (17), the same plus embeddingOrigin (39).
   */
  documentChecks: 'granted' | 'frame' | 'frame-and-embedder';
  /** Checks without a frame (workers, Notification.permission) reach the handler with a null webContents (17+). */
  framelessChecks: boolean;
  /** CheckPermissionWithDetails sets mediaType from the capture type, over the caller's value (17+). */
  checkNamesMedium: boolean;
  /** The camera/microphone check asks with each medium's type (39), or AUDIO_CAPTURE for both (up to 17). */
  mediaCheckType: 'per-medium' | 'audio-capture';
  /** The request Electron makes itself (media, fullscreen, open external) comes from the main frame, or the asking one (39). */
  helperFrame: 'main' | 'asking';
  /** getUserMedia's request details carry the asking frame's securityOrigin (17+). */
  mediaRequestOrigin: boolean;
  /** Without a check handler, DEPRECATED_SYNC_CLIPBOARD_READ is denied (39). */
  deniesSyncClipboardRead: boolean;
  /**
   * The device APIs of the era and how they consult the check handler before
   * a chooser: with the page and its URL (serial; HID in 17), or with a null
   * webContents and the origin (HID and USB in 39).
   */
  deviceChecks: Partial<Record<DeviceKind, 'page' | 'origin'>>;
}

const LEGACY: PermissionEra = {
  responseCallback: 'native_mate',
  requestDetails: false,
  handlerError: 'Error',
  checkHandler: false,
  documentChecks: 'granted',
  framelessChecks: false,
  checkNamesMedium: false,
  mediaCheckType: 'audio-capture',
  helperFrame: 'main',
  mediaRequestOrigin: false,
  deniesSyncClipboardRead: false,
  deviceChecks: {},
};

const E9: PermissionEra = { ...LEGACY, responseCallback: 'one-time', requestDetails: true, checkHandler: true };

const E12: PermissionEra = { ...E9, handlerError: 'TypeError', deviceChecks: { serial: 'page' } };

const E17: PermissionEra = {
  ...E12,
  documentChecks: 'frame',
  framelessChecks: true,
  checkNamesMedium: true,
  mediaRequestOrigin: true,
  deviceChecks: { serial: 'page', hid: 'page' },
};

const CURRENT: PermissionEra = {
  ...E17,
  documentChecks: 'frame-and-embedder',
  mediaCheckType: 'per-medium',
  helperFrame: 'asking',
  deniesSyncClipboardRead: true,
  deviceChecks: { serial: 'page', hid: 'origin', usb: 'origin' },
};

const ERAS: Readonly<Record<EraId, PermissionEra>> = { legacy: LEGACY, e9: E9, e12: E12, e17: E17, current: CURRENT };

export function permissionEra(era: EraId): PermissionEra {
  return ERAS[era];
}
