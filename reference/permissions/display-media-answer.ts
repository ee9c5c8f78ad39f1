// Reads the app's answer to a display-media request as Electron does
// (ElectronBrowserContext::DisplayMediaDeviceChosen, v39.2.7): nothing or
// null is a capture failure; otherwise `video` must be a desktop-capturer
// source ({ id, name } strings) or a WebFrameMain, `audio` (when the page
// asked for it) a source, a WebFrameMain or any string (a loopback device),
// and a missing video is an error. Each error is a TypeError thrown from
// the callback, and the page's request fails as a capture failure.

import type { CapturedTrack, DisplayMediaOutcome, PageError } from '../../contract/driver-commands.ts';
import { isWebFrameMain, pageOf, type WebFrameMain } from '../app/web-contents.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';

/** What Chromium's getDisplayMedia() rejects with for each request result (user_media_processor.cc). */
export const CAPTURE_FAILURE: PageError = { name: 'AbortError', message: 'Error starting capture' };
export const NOT_SUPPORTED: PageError = { name: 'NotSupportedError', message: 'Not supported' };
export const PERMISSION_DENIED: PageError = { name: 'NotAllowedError', message: 'Permission denied' };

export function failed(error: PageError): DisplayMediaOutcome {
  return { video: null, audio: null, error };
}

export interface ChosenStreams {
  outcome: DisplayMediaOutcome;
  /** What the callback throws, if the answer was malformed. */
  thrown?: TypeError;
}

/** A DesktopCapturerSource-like answer: string `id` and `name`, read through getters and prototypes. */
function asSource(value: unknown): CapturedTrack | undefined {
  if (!isGinDictionary(value)) return undefined;
  const { id, name } = value;
  return typeof id === 'string' && typeof name === 'string' ? { deviceId: id, label: name } : undefined;
}

/** content::WebContentsMediaCaptureId::ToString for a frame. */
function frameCaptureId(frame: WebFrameMain, disableLocalEcho = false): string {
  return `web-contents-media-stream://${frame.processId}:${frame.routingId}${disableLocalEcho ? '?local_echo=false' : ''}`;
}

function rejection(message: string): ChosenStreams {
  return { outcome: failed(CAPTURE_FAILURE), thrown: new TypeError(message) };
}

export function chooseStreams(args: readonly unknown[], audioRequested: boolean): ChosenStreams {
  const [result] = args;
  if (args.length === 0 || result === null || result === undefined) return { outcome: failed(CAPTURE_FAILURE) };
  if (!isGinDictionary(result)) {
    return rejection('Display Media Request streams callback must be called with null or a valid object');
  }
  // getDisplayMedia() always asks for video.
  let video: CapturedTrack | undefined;
  if ('video' in result) {
    const answer = result.video;
    video = asSource(answer);
    if (!video && isWebFrameMain(answer)) {
      video = { deviceId: frameCaptureId(answer), label: pageOf(answer).getTitle() };
    }
    if (!video) return rejection('video must be a WebFrameMain or DesktopCapturerSource');
  }
  let audio: CapturedTrack | null = null;
  if (audioRequested && 'audio' in result) {
    const answer = result.audio;
    const source = asSource(answer);
    if (source) audio = source;
    else if (isWebFrameMain(answer)) {
      audio = { deviceId: frameCaptureId(answer, !result.enableLocalEcho), label: 'Tab audio' };
    } else if (typeof answer === 'string') audio = { deviceId: answer, label: 'System audio' };
    else return rejection('audio must be a WebFrameMain, "loopback" or "loopbackWithMute"');
  }
  if (!video) return rejection('Video was requested, but no video stream was provided');
  return { outcome: { video, audio, error: null } };
}
