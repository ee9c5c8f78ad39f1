// The name a handler receives for each of Chromium's permission types, per
// era: Electron converts the C++ enum (content::PermissionType, later
// blink::PermissionType, plus Electron's own FULLSCREEN, POINTER_LOCK,
// OPEN_EXTERNAL, SERIAL, HID, USB...) to a string before calling
// setPermissionRequestHandler's and setPermissionCheckHandler's handlers.
// Pages ask in Chromium's terms, so the driver names types by the enum; a
// type the era's Chromium had but Electron's converter did not map arrives
// as 'unknown'; a type the era's Chromium did not have cannot be asked for.
//
// Sources, one per column (the converter's switch at each era's tag):
//   legacy  atom/common/native_mate_converters/content_converter.cc   v1.8.8
//   e9      shell/common/gin_converters/content_converter.cc          v9.4.4
//   e12     shell/common/gin_converters/content_converter.cc          v12.2.3
//   e17     shell/common/gin_converters/content_converter.cc          v17.4.11
//   current shell/common/gin_converters/content_converter.cc          v39.2.7
// The 'unknown' cells are types present in the era's Chromium (its
// permission_type.h) that fall through the converter's switch.
//
// The era documents list fewer names than this, and e9's lists
// 'clipboard-read', which no 9.x or 10.x converter emitted: the table
// follows the code.

import { ERA_IDS, type EraId } from '../../contract/eras/eras.ts';

type Column = string | undefined;
/** [type, legacy, e9, e12, e17, current]; undefined: the era's page cannot ask for it. */
type Row = readonly [type: string, ...names: [Column, Column, Column, Column, Column]];

const U = 'unknown';
const NO = undefined;

const ROWS: readonly Row[] = [
  ['GEOLOCATION', 'geolocation', 'geolocation', 'geolocation', 'geolocation', 'geolocation'],
  ['NOTIFICATIONS', 'notifications', 'notifications', 'notifications', 'notifications', 'notifications'],
  ['PUSH_MESSAGING', 'pushMessaging', NO, NO, NO, NO],
  ['MIDI', 'midi', 'midi', 'midi', 'midi', 'midi'],
  ['MIDI_SYSEX', 'midiSysex', 'midiSysex', 'midiSysex', 'midiSysex', 'midiSysex'],
  ['PROTECTED_MEDIA_IDENTIFIER', 'mediaKeySystem', 'mediaKeySystem', 'mediaKeySystem', 'mediaKeySystem', 'mediaKeySystem'],
  // Both capture types are one 'media' name in every era.
  ['AUDIO_CAPTURE', 'media', 'media', 'media', 'media', 'media'],
  ['VIDEO_CAPTURE', 'media', 'media', 'media', 'media', 'media'],
  ['CAMERA_PAN_TILT_ZOOM', NO, NO, 'media', 'media', 'media'],
  ['DURABLE_STORAGE', U, U, 'persistent-storage', 'persistent-storage', 'persistent-storage'],
  ['BACKGROUND_SYNC', U, U, 'background-sync', 'background-sync', 'background-sync'],
  ['CLIPBOARD_READ_WRITE', NO, U, 'clipboard-read', 'clipboard-read', 'clipboard-read'],
  ['CLIPBOARD_SANITIZED_WRITE', NO, U, 'clipboard-sanitized-write', 'clipboard-sanitized-write', 'clipboard-sanitized-write'],
  ['SENSORS', NO, U, 'sensors', 'sensors', 'sensors'],
  ['PAYMENT_HANDLER', NO, U, 'payment-handler', 'payment-handler', 'payment-handler'],
  ['BACKGROUND_FETCH', NO, U, 'background-fetch', 'background-fetch', 'background-fetch'],
  ['IDLE_DETECTION', NO, U, 'idle-detection', 'idle-detection', 'idle-detection'],
  ['PERIODIC_BACKGROUND_SYNC', NO, U, 'periodic-background-sync', 'periodic-background-sync', 'periodic-background-sync'],
  ['WAKE_LOCK_SCREEN', NO, U, 'screen-wake-lock', 'screen-wake-lock', 'screen-wake-lock'],
  ['WAKE_LOCK_SYSTEM', NO, U, 'system-wake-lock', 'system-wake-lock', 'system-wake-lock'],
  ['NFC', NO, U, 'nfc', 'nfc', 'nfc'],
  ['VR', NO, U, 'vr', 'vr', 'vr'],
  ['AR', NO, U, 'ar', 'ar', 'ar'],
  ['STORAGE_ACCESS_GRANT', NO, U, 'storage-access', 'storage-access', 'storage-access'],
  ['ACCESSIBILITY_EVENTS', NO, U, 'accessibility-events', 'accessibility-events', NO],
  // Chromium renamed WINDOW_PLACEMENT and FONT_ACCESS; the driver uses today's names.
  ['WINDOW_MANAGEMENT', NO, NO, 'window-placement', 'window-placement', 'window-management'],
  ['LOCAL_FONTS', NO, NO, 'font-access', 'font-access', 'local-fonts'],
  ['DISPLAY_CAPTURE', NO, NO, 'display-capture', 'display-capture', 'display-capture'],
  ['TOP_LEVEL_STORAGE_ACCESS', NO, NO, NO, NO, 'top-level-storage-access'],
  ['CAPTURED_SURFACE_CONTROL', NO, NO, NO, NO, 'captured-surface-control'],
  ['SMART_CARD', NO, NO, NO, NO, 'smart-card'],
  ['WEB_PRINTING', NO, NO, NO, NO, 'web-printing'],
  ['SPEAKER_SELECTION', NO, NO, NO, NO, 'speaker-selection'],
  ['WEB_APP_INSTALLATION', NO, NO, NO, NO, 'web-app-installation'],
  ['LOCAL_NETWORK_ACCESS', NO, NO, NO, NO, 'local-network-access'],
  ['AUTOMATIC_FULLSCREEN', NO, NO, NO, NO, 'automatic-fullscreen'],
  ['HAND_TRACKING', NO, NO, NO, NO, 'hand-tracking'],
  ['KEYBOARD_LOCK', NO, NO, NO, NO, 'keyboardLock'],
  // Electron's own types (WebContentsPermissionHelper::PermissionType, then blink's).
  ['POINTER_LOCK', 'pointerLock', 'pointerLock', 'pointerLock', 'pointerLock', 'pointerLock'],
  ['FULLSCREEN', 'fullscreen', 'fullscreen', 'fullscreen', 'fullscreen', 'fullscreen'],
  ['OPEN_EXTERNAL', 'openExternal', 'openExternal', 'openExternal', 'openExternal', 'openExternal'],
  ['SERIAL', NO, NO, 'serial', 'serial', 'serial'],
  ['HID', NO, NO, NO, 'hid', 'hid'],
  ['USB', NO, NO, NO, NO, 'usb'],
  ['FILE_SYSTEM', NO, NO, NO, NO, 'fileSystem'],
  ['DEPRECATED_SYNC_CLIPBOARD_READ', NO, NO, NO, NO, 'deprecated-sync-clipboard-read'],
];

const BY_ERA: Readonly<Record<EraId, ReadonlyMap<string, string>>> = Object.fromEntries(
  ERA_IDS.map((era, column) => [
    era,
    new Map(ROWS.flatMap(([type, ...names]) => (names[column] === undefined ? [] : [[type, names[column]!] as const]))),
  ]),
) as unknown as Record<EraId, ReadonlyMap<string, string>>;

/** The handler's name for `type` in `era`, or undefined when that era's pages cannot ask for it. */
export function permissionName(era: EraId, type: string): string | undefined {
  return BY_ERA[era].get(type);
}

/** Every type a page of `era` can ask for. */
export function permissionTypes(era: EraId): string[] {
  return [...BY_ERA[era].keys()];
}

/** The types a page asks for through getUserMedia(): one 'media' request for both. */
export const MEDIA_TYPES: Readonly<Record<string, 'audio' | 'video'>> = { AUDIO_CAPTURE: 'audio', VIDEO_CAPTURE: 'video' };
