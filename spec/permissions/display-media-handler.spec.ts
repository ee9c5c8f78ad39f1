// ses.setDisplayMediaRequestHandler(handler): a page's getDisplayMedia()
// first passes the permission request handler as a 'media' request, then
// reaches this handler with (request, callback); without one the page gets
// NotSupportedError. The callback takes the streams to grant: a
// desktop-capturer source or a WebFrameMain as video, a source, a frame or
// a loopback device name as audio. Nothing (or null) fails the capture;
// malformed answers throw Electron's TypeErrors from the callback and fail
// it too; the callback is one-time. getUserMedia() never reaches it.

import { describe, expect, it } from 'vitest';
import type { DisplayMediaOutcome } from '../../harness/api/driver.ts';
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
  thrown,
  until,
  type PermissionSession,
} from './permission-support.ts';

export const meta = defineSpec({
  members: ['ses.setDisplayMediaRequestHandler'],
  eras: 'current',
  requires: ['display-media', 'permissions'],
  level: 'must',
  basis: 'electron',
  summary:
    "A page's screen-capture request reaches the display-media handler, whose answer picks the video and audio streams the page gets or fails the capture.",
});

const t = useTarget(meta);

type Callback = (...args: unknown[]) => void;
interface Frame {
  url: string;
  origin: string;
}
interface DisplayRequest {
  frame: Frame;
  securityOrigin: string;
  userGesture: boolean;
  videoRequested: boolean;
  audioRequested: boolean;
}

const SCREEN = { id: 'screen:1:0', name: 'Entire Screen' };
const CAPTURE_FAILURE = { name: 'AbortError', message: 'Error starting capture' };

function capture(
  ses: PermissionSession,
  options: { audio?: boolean; userGesture?: boolean; frameUrl?: string } = {},
): Promise<DisplayMediaOutcome> {
  return t.driver.displayMedia.request({ session: ses, url: PAGE, ...options });
}

/** A handler that records its calls; the test answers. */
function recordDisplayRequests(ses: PermissionSession): { request: DisplayRequest; callback: Callback }[] {
  const calls: { request: DisplayRequest; callback: Callback }[] = [];
  ses.setDisplayMediaRequestHandler((request: DisplayRequest, callback: Callback) => calls.push({ request, callback }));
  return calls;
}

/** The page's outcome and what the callback threw when the handler answers `args`. */
async function answerWith(
  args: unknown[],
  options: { audio?: boolean } = {},
): Promise<{ outcome: DisplayMediaOutcome; error?: Error }> {
  const ses = freshSession(t);
  const calls = recordDisplayRequests(ses);
  const outcome = capture(ses, options);
  await until(() => calls.length === 1, 'a display-media handler call');
  const error = thrown(() => calls[0]!.callback(...args));
  return { outcome: await outcome, error };
}

describe('ses.setDisplayMediaRequestHandler', () => {
  it('without a handler the page gets NotSupportedError', async () => {
    expect(await capture(freshSession(t))).toEqual({
      video: null,
      audio: null,
      error: { name: 'NotSupportedError', message: 'Not supported' },
    });
  });

  it('passes the handler the asking frame, its origin and what the page asked for', async () => {
    const ses = freshSession(t);
    const calls = recordDisplayRequests(ses);
    const outcome = capture(ses, { audio: true, userGesture: true, frameUrl: CROSS_ORIGIN_FRAME });
    await until(() => calls.length === 1, 'a display-media handler call');
    const { request, callback } = calls[0]!;
    expect(Object.keys(request).sort()).toEqual(['audioRequested', 'frame', 'securityOrigin', 'userGesture', 'videoRequested']);
    expect(request).toMatchObject({
      securityOrigin: CROSS_ORIGIN,
      userGesture: true,
      videoRequested: true,
      audioRequested: true,
    });
    expect(request.frame.url).toBe(CROSS_ORIGIN_FRAME);
    expect(request.frame.origin).toBe(CROSS_ORIGIN.slice(0, -1));
    callback({ video: SCREEN });
    await outcome;
  });

  it('a desktop-capturer source as video gives the page that screen', async () => {
    const { outcome, error } = await answerWith([{ video: SCREEN }]);
    expect(error).toBeUndefined();
    expect(outcome).toEqual({ video: { deviceId: 'screen:1:0', label: 'Entire Screen' }, audio: null, error: null });
  });

  it("the asking frame as video captures that frame's page", async () => {
    const ses = freshSession(t);
    const calls = recordDisplayRequests(ses);
    const outcome = capture(ses, { userGesture: false });
    await until(() => calls.length === 1, 'a display-media handler call');
    expect(calls[0]!.request.userGesture).toBe(false);
    expect(calls[0]!.request.audioRequested).toBe(false);
    calls[0]!.callback({ video: calls[0]!.request.frame });
    const { video, error } = await outcome;
    expect(error).toBeNull();
    expect(video!.deviceId).toMatch(/^web-contents-media-stream:\/\/\d+:\d+$/);
  });

  it('audio can be a loopback device, a frame (muted locally unless enableLocalEcho) or a source; it is ignored when the page did not ask', async () => {
    const loopback = await answerWith([{ video: SCREEN, audio: 'loopbackWithMute' }], { audio: true });
    expect(loopback.outcome.audio).toEqual({ deviceId: 'loopbackWithMute', label: 'System audio' });

    const ses = freshSession(t);
    const calls = recordDisplayRequests(ses);
    const muted = capture(ses, { audio: true });
    const echoing = capture(ses, { audio: true });
    await until(() => calls.length === 2, 'two display-media handler calls');
    calls[0]!.callback({ video: SCREEN, audio: calls[0]!.request.frame });
    calls[1]!.callback({ video: SCREEN, audio: calls[1]!.request.frame, enableLocalEcho: true });
    const mutedAudio = (await muted).audio!;
    const echoingAudio = (await echoing).audio!;
    expect(mutedAudio.label).toBe('Tab audio');
    expect(mutedAudio.deviceId).toMatch(/^web-contents-media-stream:\/\/\d+:\d+\?local_echo=false$/);
    expect(echoingAudio.deviceId).toMatch(/^web-contents-media-stream:\/\/\d+:\d+$/);

    const source = await answerWith([{ video: SCREEN, audio: { id: 'speaker', name: 'Speakers' } }], { audio: true });
    expect(source.outcome.audio).toEqual({ deviceId: 'speaker', label: 'Speakers' });

    const unasked = await answerWith([{ video: SCREEN, audio: 'loopback' }], { audio: false });
    expect(unasked.error).toBeUndefined();
    expect(unasked.outcome.audio).toBeNull();
  });

  it('callback() or callback(null) fails the capture without throwing', async () => {
    for (const args of [[], [null], [undefined]]) {
      const { outcome, error } = await answerWith(args);
      expect(error).toBeUndefined();
      expect(outcome).toEqual({ video: null, audio: null, error: CAPTURE_FAILURE });
    }
  });

  it("malformed answers throw Electron's TypeErrors from the callback and fail the capture", async () => {
    const cases: [unknown[], string, { audio?: boolean }?][] = [
      [['screen'], 'Display Media Request streams callback must be called with null or a valid object'],
      [[42], 'Display Media Request streams callback must be called with null or a valid object'],
      [[{ video: 'screen:1:0' }], 'video must be a WebFrameMain or DesktopCapturerSource'],
      [[{ video: { id: 'screen:1:0' } }], 'video must be a WebFrameMain or DesktopCapturerSource'],
      [[{ video: { id: 1, name: 'Screen' } }], 'video must be a WebFrameMain or DesktopCapturerSource'],
      [[{ video: SCREEN, audio: 7 }], 'audio must be a WebFrameMain, "loopback" or "loopbackWithMute"', { audio: true }],
      [[{ audio: 'loopback' }], 'Video was requested, but no video stream was provided', { audio: true }],
      [[{}], 'Video was requested, but no video stream was provided'],
    ];
    for (const [args, message, options] of cases) {
      const { outcome, error } = await answerWith(args, options);
      expect(error, message).toBeInstanceOf(TypeError);
      expect(error!.message).toBe(message);
      expect(outcome).toEqual({ video: null, audio: null, error: CAPTURE_FAILURE });
    }
  });

  it("the callback is one-time: a second call throws 'One-time callback was called more than once'", async () => {
    const ses = freshSession(t);
    const calls = recordDisplayRequests(ses);
    const outcome = capture(ses);
    await until(() => calls.length === 1, 'a display-media handler call');
    calls[0]!.callback({ video: SCREEN });
    const error = thrown(() => calls[0]!.callback(null));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('One-time callback was called more than once');
    expect((await outcome).video).toEqual({ deviceId: 'screen:1:0', label: 'Entire Screen' });
  });

  it('the handler may answer later', async () => {
    const ses = freshSession(t);
    ses.setDisplayMediaRequestHandler((_request: DisplayRequest, callback: Callback) => {
      setTimeout(() => callback({ video: SCREEN }), 10);
    });
    expect((await capture(ses)).video).toEqual({ deviceId: 'screen:1:0', label: 'Entire Screen' });
  });

  it("the permission request handler is asked first, as a 'media' request without media types", async () => {
    const ses = freshSession(t);
    const permissionCalls = recordRequests(ses);
    const displayCalls = recordDisplayRequests(ses);
    const denied = capture(ses);
    await until(() => permissionCalls.length === 1, 'a permission request');
    expect(permissionCalls[0]!.permission).toBe('media');
    expect(permissionCalls[0]!.webContents.getURL()).toBe(PAGE);
    expect(permissionCalls[0]!.details).toEqual({
      isMainFrame: true,
      mediaTypes: [],
      requestingUrl: PAGE,
      securityOrigin: PAGE_ORIGIN,
    });
    permissionCalls[0]!.callback(false);
    expect(await denied).toEqual({ video: null, audio: null, error: { name: 'NotAllowedError', message: 'Permission denied' } });
    expect(displayCalls).toHaveLength(0);

    const granted = capture(ses);
    await until(() => permissionCalls.length === 2, 'a second permission request');
    permissionCalls[1]!.callback(true);
    await until(() => displayCalls.length === 1, 'a display-media handler call');
    displayCalls[0]!.callback({ video: SCREEN });
    expect((await granted).error).toBeNull();
  });

  it('getUserMedia() never reaches the display-media handler', async () => {
    const ses = freshSession(t);
    const calls = recordDisplayRequests(ses);
    expect(await ask(t, ses, ['AUDIO_CAPTURE', 'VIDEO_CAPTURE'])).toEqual({ statuses: ['granted', 'granted'], error: null });
    expect(calls).toHaveLength(0);
  });

  it('null clears the handler: the page gets NotSupportedError again', async () => {
    const ses = freshSession(t);
    recordDisplayRequests(ses);
    ses.setDisplayMediaRequestHandler(null);
    expect((await capture(ses)).error).toEqual({ name: 'NotSupportedError', message: 'Not supported' });
  });

  it("a falsy value other than null throws 'Display media request handler must be null or a function'", () => {
    const ses = freshSession(t);
    for (const bad of [undefined, false, 0, '']) {
      const error = thrown(() => ses.setDisplayMediaRequestHandler(bad));
      expect(error).toBeInstanceOf(TypeError);
      expect(error!.message).toBe('Display media request handler must be null or a function');
    }
  });
});
