// The permission names a request handler sees in each era. Pages ask in
// Chromium's terms (its permission types); Electron converts each type to
// the handler's string. The table below holds, per era, the names the era's
// document lists and the ones the era's converter
// (content_converter.cc at v1.8.8, v9.4.4, v12.2.3, v17.4.11, v39.2.7)
// really emits, including 'unknown' for types it did not map. Electron 9's
// document lists 'clipboard-read', which no 9.x or 10.x build emitted: the
// clipboard arrived as 'unknown' until Electron 12.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EraId } from '../../contract/eras/eras.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { ask, freshSession, recordRequests, until } from './permission-support.ts';

export const meta = defineSpec({
  members: ['ses.setPermissionRequestHandler'],
  eras: '*',
  requires: ['permissions'],
  level: 'should',
  basis: 'electron',
  summary:
    "Each permission a page asks for reaches the request handler under the era's name for it, 'unknown' where Electron had none.",
});

const t = useTarget(meta);

const COMMON = {
  GEOLOCATION: 'geolocation',
  NOTIFICATIONS: 'notifications',
  MIDI: 'midi',
  MIDI_SYSEX: 'midiSysex',
  PROTECTED_MEDIA_IDENTIFIER: 'mediaKeySystem',
  AUDIO_CAPTURE: 'media',
  VIDEO_CAPTURE: 'media',
  POINTER_LOCK: 'pointerLock',
  FULLSCREEN: 'fullscreen',
  OPEN_EXTERNAL: 'openExternal',
};

/** Names from Electron 12 on (v12.2.3's converter). */
const FROM_E12 = {
  ...COMMON,
  CLIPBOARD_READ_WRITE: 'clipboard-read',
  CLIPBOARD_SANITIZED_WRITE: 'clipboard-sanitized-write',
  DISPLAY_CAPTURE: 'display-capture',
  IDLE_DETECTION: 'idle-detection',
  DURABLE_STORAGE: 'persistent-storage',
  STORAGE_ACCESS_GRANT: 'storage-access',
  SENSORS: 'sensors',
  BACKGROUND_SYNC: 'background-sync',
  CAMERA_PAN_TILT_ZOOM: 'media',
};

const NAMES: Record<EraId, Record<string, string>> = {
  legacy: { ...COMMON, PUSH_MESSAGING: 'pushMessaging', DURABLE_STORAGE: 'unknown', BACKGROUND_SYNC: 'unknown' },
  e9: { ...COMMON, CLIPBOARD_READ_WRITE: 'unknown', SENSORS: 'unknown', DURABLE_STORAGE: 'unknown', IDLE_DETECTION: 'unknown' },
  e12: { ...FROM_E12, WINDOW_MANAGEMENT: 'window-placement', LOCAL_FONTS: 'font-access' },
  e17: { ...FROM_E12, WINDOW_MANAGEMENT: 'window-placement', LOCAL_FONTS: 'font-access' },
  current: {
    ...FROM_E12,
    WINDOW_MANAGEMENT: 'window-management',
    LOCAL_FONTS: 'local-fonts',
    KEYBOARD_LOCK: 'keyboardLock',
    TOP_LEVEL_STORAGE_ACCESS: 'top-level-storage-access',
    SPEAKER_SELECTION: 'speaker-selection',
    CAPTURED_SURFACE_CONTROL: 'captured-surface-control',
    FILE_SYSTEM: 'fileSystem',
  },
};

/** Types a page asks for on their own (Electron's helper or its file-system access context makes these requests). */
const ALONE = new Set([
  'AUDIO_CAPTURE',
  'VIDEO_CAPTURE',
  'POINTER_LOCK',
  'FULLSCREEN',
  'OPEN_EXTERNAL',
  'KEYBOARD_LOCK',
  'FILE_SYSTEM',
]);

describe('ses.setPermissionRequestHandler permission names', () => {
  it("gives each permission the era's name", async () => {
    const ses = freshSession(t);
    const seen: Record<string, string> = {};
    let current = '';
    ses.setPermissionRequestHandler((_wc: unknown, permission: string, callback: (granted: boolean) => void) => {
      seen[current] = permission;
      callback(true);
    });
    for (const type of Object.keys(NAMES[t.era])) {
      current = type;
      const outcome = await ask(t, ses, [type], { externalURL: 'mailto:someone@app.test', userGesture: true });
      expect(outcome.statuses).toEqual(['granted']);
    }
    expect(seen).toEqual(NAMES[t.era]);
  });

  it('calls the handler in the order of the permissions of a request', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const together = Object.keys(NAMES[t.era]).filter((type) => !ALONE.has(type));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(together, { minLength: 1 }), async (types) => {
        const before = calls.length;
        const outcome = ask(t, ses, types);
        await until(() => calls.length === before + types.length, 'a call per permission');
        const mine = calls.slice(before);
        expect(mine.map((call) => call.permission)).toEqual(types.map((type) => NAMES[t.era][type]));
        mine.forEach((call, index) => call.callback(index % 2 === 0));
        expect((await outcome).statuses).toEqual(types.map((_, index) => (index % 2 === 0 ? 'granted' : 'denied')));
      }),
      { numRuns: 15 },
    );
  });
});
