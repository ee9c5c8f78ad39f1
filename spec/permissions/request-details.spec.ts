// The `details` a permission request handler receives from Electron 9:
// always requestingUrl and isMainFrame of the frame the request is
// attributed to; getUserMedia's one 'media' request adds mediaTypes (and
// securityOrigin from Electron 17), an external protocol adds externalURL.
// Requests Chromium makes come from the frame that asked; those Electron
// makes itself (media, fullscreen, open external) were attributed to the
// page's main frame until Electron 17 and to the asking frame since, while
// pointer lock (and keyboard lock, where it exists) always reads as the main
// frame's. The webContents is the page's either way.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import {
  ask,
  CROSS_ORIGIN,
  CROSS_ORIGIN_FRAME,
  freshSession,
  PAGE,
  PAGE_ORIGIN,
  recordRequests,
  SAME_ORIGIN_FRAME,
  until,
  type AskOptions,
  type RequestCall,
} from './permission-support.ts';

export const meta = defineSpec({
  members: ['ses.setPermissionRequestHandler'],
  eras: '>=e9',
  requires: ['permissions'],
  level: 'must',
  basis: 'electron',
  summary:
    'The details of a permission request name the requesting frame (URL, main frame or not) and add the media types, security origin or external URL where the request has them.',
});

const t = useTarget(meta);

/** The one handler call a request makes, answered with `granted`. */
async function oneCall(
  permissions: string[],
  options: AskOptions = {},
  granted = true,
): Promise<RequestCall & { statuses: string[]; error: unknown }> {
  const ses = freshSession(t);
  const calls = recordRequests(ses);
  const outcome = ask(t, ses, permissions, options);
  await until(() => calls.length === 1, 'a handler call');
  calls[0]!.callback(granted);
  const { statuses, error } = await outcome;
  expect(calls).toHaveLength(1);
  return { ...calls[0]!, statuses, error };
}

describe('ses.setPermissionRequestHandler details', () => {
  it('names the requesting URL and whether it is the main frame', async () => {
    const call = await oneCall(['GEOLOCATION']);
    expect(call.details).toEqual({ isMainFrame: true, requestingUrl: PAGE });
  });

  it("a subframe's request carries the subframe's URL, isMainFrame false, and the page's webContents", async () => {
    for (const frameUrl of [SAME_ORIGIN_FRAME, CROSS_ORIGIN_FRAME]) {
      const call = await oneCall(['GEOLOCATION'], { frameUrl });
      expect(call.details).toEqual({ isMainFrame: false, requestingUrl: frameUrl });
      expect(call.webContents.getURL()).toBe(PAGE);
    }
  });

  it('every permission of one request sees the same details, each in its own object', async () => {
    const ses = freshSession(t);
    const calls = recordRequests(ses);
    const outcome = ask(t, ses, ['GEOLOCATION', 'MIDI_SYSEX'], { frameUrl: CROSS_ORIGIN_FRAME });
    await until(() => calls.length === 2, 'two handler calls');
    expect(calls[0]!.details).toEqual({ isMainFrame: false, requestingUrl: CROSS_ORIGIN_FRAME });
    expect(calls[1]!.details).toEqual(calls[0]!.details);
    expect(calls[1]!.details).not.toBe(calls[0]!.details);
    calls[0]!.callback(true);
    calls[1]!.callback(true);
    await outcome;
  });

  it("getUserMedia() is one 'media' request listing the media types, audio before video", async () => {
    const both = await oneCall(['VIDEO_CAPTURE', 'AUDIO_CAPTURE']);
    expect(both.permission).toBe('media');
    expect(both.details!.mediaTypes).toEqual(['audio', 'video']);
    expect(both.statuses).toEqual(['granted', 'granted']);
    expect(both.error).toBeNull();
    expect((await oneCall(['VIDEO_CAPTURE'])).details!.mediaTypes).toEqual(['video']);
    expect((await oneCall(['AUDIO_CAPTURE'])).details!.mediaTypes).toEqual(['audio']);
  });

  t.itInEras('e9..e12', "a media request's details are mediaTypes, requestingUrl and isMainFrame", async () => {
    expect((await oneCall(['AUDIO_CAPTURE'])).details).toEqual({ isMainFrame: true, mediaTypes: ['audio'], requestingUrl: PAGE });
  });

  t.itInEras('>=e17', "a media request's details add the asking frame's security origin", async () => {
    expect((await oneCall(['AUDIO_CAPTURE'])).details).toEqual({
      isMainFrame: true,
      mediaTypes: ['audio'],
      requestingUrl: PAGE,
      securityOrigin: PAGE_ORIGIN,
    });
    const framed = await oneCall(['VIDEO_CAPTURE'], { frameUrl: CROSS_ORIGIN_FRAME });
    expect(framed.details!.securityOrigin).toBe(CROSS_ORIGIN);
  });

  it('a denied media request rejects the page with NotAllowedError', async () => {
    const denied = await oneCall(['AUDIO_CAPTURE', 'VIDEO_CAPTURE'], {}, false);
    expect(denied.statuses).toEqual(['denied', 'denied']);
    expect(denied.error).toEqual({ name: 'NotAllowedError', message: 'Permission denied' });
  });

  t.itInEras(
    'e9..e17',
    "requests Electron makes itself (media, fullscreen, open external) read as the main frame's, even from a subframe",
    async () => {
      for (const permissions of [['AUDIO_CAPTURE'], ['FULLSCREEN'], ['OPEN_EXTERNAL']]) {
        const call = await oneCall(permissions, { frameUrl: CROSS_ORIGIN_FRAME, externalURL: 'mailto:someone@app.test' });
        expect(call.details).toMatchObject({ isMainFrame: true, requestingUrl: PAGE });
      }
    },
  );

  t.itInEras('current', 'media, fullscreen and open-external requests come from the frame that asked', async () => {
    for (const permissions of [['AUDIO_CAPTURE'], ['FULLSCREEN'], ['OPEN_EXTERNAL']]) {
      const call = await oneCall(permissions, { frameUrl: CROSS_ORIGIN_FRAME, externalURL: 'mailto:someone@app.test' });
      expect(call.details).toMatchObject({ isMainFrame: false, requestingUrl: CROSS_ORIGIN_FRAME });
    }
  });

  it("pointer lock reads as the main frame's request wherever it comes from", async () => {
    const call = await oneCall(['POINTER_LOCK'], { frameUrl: CROSS_ORIGIN_FRAME, userGesture: true });
    expect(call.permission).toBe('pointerLock');
    expect(call.details).toEqual({ isMainFrame: true, requestingUrl: PAGE });
  });

  t.itInEras('current', "keyboard lock reads as the main frame's request wherever it comes from", async () => {
    const call = await oneCall(['KEYBOARD_LOCK'], { frameUrl: CROSS_ORIGIN_FRAME }, false);
    expect(call.permission).toBe('keyboardLock');
    expect(call.details).toEqual({ isMainFrame: true, requestingUrl: PAGE });
    expect(call.statuses).toEqual(['denied']);
  });

  it("an external protocol's request carries the URL to open", async () => {
    const call = await oneCall(['OPEN_EXTERNAL'], { externalURL: 'mailto:someone@app.test', userGesture: true });
    expect(call.permission).toBe('openExternal');
    expect(call.details).toEqual({ externalURL: 'mailto:someone@app.test', isMainFrame: true, requestingUrl: PAGE });
    expect(call.statuses).toEqual(['granted']);
  });

  it('fullscreen is a request of its own', async () => {
    const call = await oneCall(['FULLSCREEN'], {}, false);
    expect(call.permission).toBe('fullscreen');
    expect(call.details).toEqual({ isMainFrame: true, requestingUrl: PAGE });
    expect(call.statuses).toEqual(['denied']);
  });

  it("lists the details keys in sorted order, as Electron's dictionary values keep them", async () => {
    const call = await oneCall(['AUDIO_CAPTURE', 'VIDEO_CAPTURE']);
    const keys = Object.keys(call.details!);
    expect(keys).toEqual([...keys].sort());
  });
});
