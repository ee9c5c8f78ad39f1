// A session's display-media handler and the getDisplayMedia() requests of
// its pages, as Electron (v39.2.7) runs them: the request first passes the
// permission request handler as a 'media' request with no media types,
// then, if granted, goes to the display-media handler; without one the
// page gets NotSupportedError. The handler is called with
// (request, callback); the request names the asking frame, its origin and
// what it asked for, and the callback is one-time. getUserMedia() never
// reaches this handler.

import type { DisplayMediaOutcome } from '../../contract/driver-commands.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { chooseStreams, failed, NOT_SUPPORTED, PERMISSION_DENIED } from './display-media-answer.ts';
import { permissionService, type PermissionService } from './permission-service.ts';
import { oneTime } from './response-callback.ts';
import { originUrl, type PageFrame } from '../app/web-contents.ts';

export interface DisplayMediaAsk {
  audio: boolean;
  userGesture: boolean;
}

export class DisplayMediaService implements SessionService {
  readonly #permissions: () => PermissionService;
  /** What the app passed: Electron's JS wrapper keeps any truthy value and calls it at request time. */
  #handler: unknown = null;

  constructor(permissions: () => PermissionService) {
    this.#permissions = permissions;
  }

  setHandler(handler: unknown): void {
    this.#handler = handler;
  }

  /** On quit the handler never runs again. */
  shutdown(): void {
    this.#handler = null;
  }

  async request(asking: PageFrame, ask: DisplayMediaAsk): Promise<DisplayMediaOutcome> {
    const securityOrigin = originUrl(new URL(asking.frame.url));
    const [status] = await this.#permissions().requestPermissions(asking, ['AUDIO_CAPTURE'], { mediaTypes: [], securityOrigin });
    if (status !== 'granted') return failed(PERMISSION_DENIED);
    const handler = this.#handler;
    if (handler === null) return failed(NOT_SUPPORTED);
    const request = {
      frame: asking.frame,
      securityOrigin,
      userGesture: ask.userGesture,
      videoRequested: true,
      audioRequested: ask.audio,
    };
    return new Promise((resolve) => {
      const callback = oneTime((...args) => {
        const chosen = chooseStreams(args, ask.audio);
        resolve(chosen.outcome);
        if (chosen.thrown) throw chosen.thrown;
      });
      // The wrapper is an async function: what the handler throws (or a
      // handler that is no function at all) becomes an unhandled rejection,
      // and the page waits for an answer that never comes.
      try {
        (handler as (...args: unknown[]) => unknown)(request, callback);
      } catch {
        // see above
      }
    });
  }
}

export const displayMediaService = (services: SessionServices): DisplayMediaService =>
  new DisplayMediaService(() => services.use(permissionService));
