// ses.setPermissionCheckHandler(handler): without a handler every check is
// granted; with one, the handler's return value decides by truthiness (an
// async handler's promise is truthy: it grants). Its arguments
// (webContents | null, permission, requestingOrigin, details) depend on who
// checks: the camera/microphone check (every era) passes the page, its URL
// and securityOrigin/mediaType; navigator.permissions.query() reaches the
// handler only from Electron 17, with embeddingOrigin added later; checks
// without a frame pass null; device APIs ask with securityOrigin, serial
// (and HID in 17) with the page, HID and USB in the current era with null.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  checkOf,
  CROSS_ORIGIN,
  CROSS_ORIGIN_FRAME,
  freshSession,
  PAGE,
  PAGE_ORIGIN,
  recordChecks,
  thrown,
} from './permission-support.ts';

export const meta = defineSpec({
  members: ['ses.setPermissionCheckHandler'],
  eras: '>=e9',
  requires: ['permissions'],
  level: 'must',
  basis: 'electron',
  summary:
    "Permission checks are granted until a check handler is set; the handler's return value decides, and its arguments say which page, frame and origin asks.",
});

const t = useTarget(meta);

const DEVICE_TYPES: Record<string, string[]> = {
  e9: [],
  e12: ['SERIAL'],
  e17: ['SERIAL', 'HID'],
  current: ['SERIAL', 'HID', 'USB'],
};

describe('ses.setPermissionCheckHandler', () => {
  it('grants every check while no handler is set', async () => {
    const ses = freshSession(t);
    expect(await checkOf(t, ses, 'GEOLOCATION')).toBe('granted');
    expect(await checkOf(t, ses, 'NOTIFICATIONS', 'origin')).toBe('granted');
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('granted');
    expect(await checkOf(t, ses, 'VIDEO_CAPTURE', 'media', CROSS_ORIGIN_FRAME)).toBe('granted');
    for (const type of DEVICE_TYPES[t.era]!) expect(await checkOf(t, ses, type, 'device')).toBe('granted');
  });

  t.itInEras('current', 'the synchronous clipboard read is the one check denied without a handler', async () => {
    expect(await checkOf(t, freshSession(t), 'DEPRECATED_SYNC_CLIPBOARD_READ')).toBe('denied');
  });

  it("a camera or microphone check passes the page, 'media', the page's URL and the media details", async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses, false);
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('denied');
    expect(await checkOf(t, ses, 'VIDEO_CAPTURE', 'media', CROSS_ORIGIN_FRAME)).toBe('denied');
    expect(calls).toHaveLength(2);
    const [audio, video] = calls;
    expect(audio!.webContents!.getURL()).toBe(PAGE);
    expect(audio!.permission).toBe('media');
    expect(audio!.requestingOrigin).toBe(PAGE);
    expect(audio!.details).toEqual({ isMainFrame: true, mediaType: 'audio', requestingUrl: PAGE, securityOrigin: PAGE_ORIGIN });
    // The page's main frame is named, the asking subframe only through securityOrigin.
    expect(video!.webContents!.getURL()).toBe(PAGE);
    expect(video!.requestingOrigin).toBe(PAGE);
    expect(video!.details).toMatchObject({ isMainFrame: true, requestingUrl: PAGE, securityOrigin: CROSS_ORIGIN });
  });

  it("names the medium of a camera check: 'video', except in Electron 17, which reported 'audio' for both", async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses);
    await checkOf(t, ses, 'VIDEO_CAPTURE', 'media');
    expect(calls[0]!.details.mediaType).toBe(t.era === 'e17' ? 'audio' : 'video');
  });

  it("decides by the truthiness of the handler's return value", async () => {
    const ses = freshSession(t);
    let answer: unknown;
    ses.setPermissionCheckHandler(() => answer);
    const value = fc.oneof(
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 4 }),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.boolean(), { maxKeys: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(value, async (returned) => {
        answer = returned;
        expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe(returned ? 'granted' : 'denied');
      }),
      { numRuns: 40 },
    );
  });

  it('an async handler grants whatever it resolves to: a promise is truthy', async () => {
    const ses = freshSession(t);
    ses.setPermissionCheckHandler(async () => false);
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('granted');
  });

  it('a handler that throws denies', async () => {
    const ses = freshSession(t);
    ses.setPermissionCheckHandler(() => {
      throw new Error('no');
    });
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('denied');
  });

  t.itInEras(
    'e9..e12',
    'navigator.permissions.query() and checks without a frame never reach the handler: they are granted',
    async () => {
      const ses = freshSession(t);
      const calls = recordChecks(ses, false);
      expect(await checkOf(t, ses, 'GEOLOCATION')).toBe('granted');
      expect(await checkOf(t, ses, 'NOTIFICATIONS', 'origin')).toBe('granted');
      expect(calls).toHaveLength(0);
    },
  );

  t.itInEras(
    'e17',
    "navigator.permissions.query() passes the page, the frame's origin, its URL and whether it is the main frame",
    async () => {
      const ses = freshSession(t);
      const calls = recordChecks(ses, false);
      expect(await checkOf(t, ses, 'GEOLOCATION', 'document', CROSS_ORIGIN_FRAME)).toBe('denied');
      expect(calls[0]!.webContents!.getURL()).toBe(PAGE);
      expect(calls[0]!.permission).toBe('geolocation');
      expect(calls[0]!.requestingOrigin).toBe(CROSS_ORIGIN);
      expect(calls[0]!.details).toEqual({ isMainFrame: false, requestingUrl: CROSS_ORIGIN_FRAME });
    },
  );

  t.itInEras('current', "navigator.permissions.query() also names the embedding page's origin", async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses, false);
    expect(await checkOf(t, ses, 'GEOLOCATION', 'document', CROSS_ORIGIN_FRAME)).toBe('denied');
    expect(await checkOf(t, ses, 'CLIPBOARD_READ_WRITE')).toBe('denied');
    expect(calls[0]!.webContents!.getURL()).toBe(PAGE);
    expect(calls[0]!.requestingOrigin).toBe(CROSS_ORIGIN);
    expect(calls[0]!.details).toEqual({ embeddingOrigin: PAGE_ORIGIN, isMainFrame: false, requestingUrl: CROSS_ORIGIN_FRAME });
    expect(calls[1]!.permission).toBe('clipboard-read');
    expect(calls[1]!.requestingOrigin).toBe(PAGE_ORIGIN);
    expect(calls[1]!.details).toEqual({ embeddingOrigin: PAGE_ORIGIN, isMainFrame: true, requestingUrl: PAGE });
  });

  t.itInEras('>=e17', 'a query for a capture permission names its medium', async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses);
    await checkOf(t, ses, 'AUDIO_CAPTURE');
    await checkOf(t, ses, 'VIDEO_CAPTURE');
    expect(calls.map((c) => [c.permission, c.details.mediaType])).toEqual([
      ['media', 'audio'],
      ['media', 'video'],
    ]);
  });

  t.itInEras(
    '>=e17',
    'a check without a frame passes a null webContents, the origin as requesting and embedding origin',
    async () => {
      const ses = freshSession(t);
      const calls = recordChecks(ses, false);
      expect(await checkOf(t, ses, 'NOTIFICATIONS', 'origin')).toBe('denied');
      expect(calls[0]!.webContents).toBeNull();
      expect(calls[0]!.permission).toBe('notifications');
      expect(calls[0]!.requestingOrigin).toBe(PAGE_ORIGIN);
      expect(calls[0]!.details).toEqual({ embeddingOrigin: PAGE_ORIGIN, isMainFrame: false });
    },
  );

  t.itInEras('>=e12', "a serial port request asks with the page, its URL and the top frame's origin", async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses, false);
    expect(await checkOf(t, ses, 'SERIAL', 'device', CROSS_ORIGIN_FRAME)).toBe('denied');
    expect(calls[0]!.webContents!.getURL()).toBe(PAGE);
    expect(calls[0]!.permission).toBe('serial');
    expect(calls[0]!.requestingOrigin).toBe(PAGE);
    expect(calls[0]!.details).toEqual({ isMainFrame: true, requestingUrl: PAGE, securityOrigin: PAGE_ORIGIN });
  });

  t.itInEras('e17', 'a HID device request asks like a serial one', async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses, false);
    expect(await checkOf(t, ses, 'HID', 'device')).toBe('denied');
    expect(calls[0]!.permission).toBe('hid');
    expect(calls[0]!.webContents!.getURL()).toBe(PAGE);
    expect(calls[0]!.details).toEqual({ isMainFrame: true, requestingUrl: PAGE, securityOrigin: PAGE_ORIGIN });
  });

  t.itInEras('current', "HID and USB device requests ask with a null webContents and the top frame's origin", async () => {
    const ses = freshSession(t);
    const calls = recordChecks(ses, false);
    expect(await checkOf(t, ses, 'HID', 'device', CROSS_ORIGIN_FRAME)).toBe('denied');
    expect(await checkOf(t, ses, 'USB', 'device')).toBe('denied');
    expect(calls.map((c) => [c.webContents, c.permission, c.requestingOrigin])).toEqual([
      [null, 'hid', PAGE_ORIGIN],
      [null, 'usb', PAGE_ORIGIN],
    ]);
    for (const call of calls) expect(call.details).toEqual({ isMainFrame: false, securityOrigin: PAGE_ORIGIN });
  });

  it('null clears the handler: checks are granted again', async () => {
    const ses = freshSession(t);
    recordChecks(ses, false);
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('denied');
    ses.setPermissionCheckHandler(null);
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('granted');
  });

  it('applies to its own session only', async () => {
    const ses = freshSession(t);
    recordChecks(ses, false);
    expect(await checkOf(t, ses, 'AUDIO_CAPTURE', 'media')).toBe('denied');
    expect(await checkOf(t, freshSession(t), 'AUDIO_CAPTURE', 'media')).toBe('granted');
  });

  it("throws 'Must pass null or function' for anything else (an Error in Electron 9, a TypeError from 12)", () => {
    const ses = freshSession(t);
    for (const bad of [undefined, 0, 'handler', {}, [], false]) {
      const error = thrown(() => ses.setPermissionCheckHandler(bad));
      expect(error!.message).toBe('Must pass null or function');
      expect(error!.constructor).toBe(t.era === 'e9' ? Error : TypeError);
    }
  });

  it("reports a missing handler as 'Insufficient number of arguments.'", () => {
    const error = thrown(() => freshSession(t).setPermissionCheckHandler());
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('Insufficient number of arguments.');
  });
});
