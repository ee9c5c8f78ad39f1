// A session's permission manager (Electron's ElectronPermissionManager):
// the app's request and check handlers, the requests waiting for answers,
// and the two ways Chromium consults the app.
//
// API for other areas (obtain it with `services.use(permissionService)`):
//
//   requestPermissions(asking, types, details) -> Promise<PermissionStatus[]>
//     Electron's RequestPermissionsWithDetails. `asking` is the frame the
//     request is attributed to (a PageFrame from app/web-contents.ts), `types`
//     Chromium's permission types ('GEOLOCATION', ...; see
//     permission-names.ts), `details` the extra fields the handler sees
//     (mediaTypes, externalURL...). Without a request handler every type is
//     granted at once; otherwise the handler is called once per type and
//     the promise settles when every type is answered or the handler is
//     cleared (unanswered types are then denied).
//
//   checkPermission(type, asking | null, requestingOrigin, details) -> boolean
//     Electron's CheckPermissionWithDetails: true without a check handler
//     (false for DEPRECATED_SYNC_CLIPBOARD_READ in the current era);
//     otherwise the handler's return value by truthiness (false if it
//     throws). `asking` null means no frame: the handler gets a null
//     webContents and isMainFrame false. Electron 1.x has no check handler:
//     always true.
//
//   canRequestDevicePermission(kind, asking) -> boolean
//     What navigator.hid/serial/usb ask before a device chooser may open
//     (Electron's *Delegate::CanRequest*Permission): the check handler with
//     permission 'hid', 'serial' or 'usb' and details.securityOrigin, the
//     top frame's origin. Serial (from e12) and HID in e17 pass the page's
//     WebContents and its URL as requestingOrigin; HID and USB in the
//     current era pass a null webContents and the origin. A kind the era
//     has no device API for throws.
//
//   hasRequestHandler / hasCheckHandler: whether the app set one.

import type { EraId } from '../../contract/eras/eras.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { PendingRequest, type PermissionStatus } from './pending-request.ts';
import { permissionName } from './permission-names.ts';
import { permissionEra, type DeviceKind, type PermissionEra } from './permission-era.ts';
import { permissionCallback } from './response-callback.ts';
import { isMainFrame, originUrl, type PageFrame } from '../app/web-contents.ts';

export type { PermissionStatus } from './pending-request.ts';
export type PermissionHandler = (...args: unknown[]) => unknown;
export type { DeviceKind } from './permission-era.ts';

/** base::Value::Dict keeps its keys sorted; the handler's details object shows them in that order. */
function sortedDetails(details: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(details).sort()) {
    const value = details[key];
    sorted[key] = Array.isArray(value) ? [...value] : value;
  }
  return sorted;
}

export class PermissionService implements SessionService {
  readonly #era: EraId;
  readonly #rules: PermissionEra;
  #requestHandler: PermissionHandler | null = null;
  #checkHandler: PermissionHandler | null = null;
  readonly #pending = new Set<PendingRequest>();

  constructor(era: EraId) {
    this.#era = era;
    this.#rules = permissionEra(era);
  }

  get hasRequestHandler(): boolean {
    return this.#requestHandler !== null;
  }

  get hasCheckHandler(): boolean {
    return this.#checkHandler !== null;
  }

  /** Clearing the handler completes every waiting request with the answers it has. */
  setRequestHandler(handler: PermissionHandler | null): void {
    if (handler === null) {
      const waiting = [...this.#pending];
      this.#pending.clear();
      for (const request of waiting) request.finish();
    }
    this.#requestHandler = handler;
  }

  setCheckHandler(handler: PermissionHandler | null): void {
    this.#checkHandler = handler;
  }

  /** On quit no handler runs again, and waiting pages are gone with their renderers. */
  shutdown(): void {
    this.#pending.clear();
    this.#requestHandler = null;
    this.#checkHandler = null;
  }

  requestPermissions(
    asking: PageFrame,
    types: readonly string[],
    details: Record<string, unknown> = {},
  ): Promise<PermissionStatus[]> {
    const names = types.map((type) => this.#nameOf(type));
    const handler = this.#requestHandler;
    if (names.length === 0) return Promise.resolve([]);
    if (!handler) return Promise.resolve(names.map((): PermissionStatus => 'granted'));
    return new Promise((resolve) => {
      const request = new PendingRequest(names.length, resolve);
      this.#pending.add(request);
      const full = { ...details, requestingUrl: asking.frame.url, isMainFrame: isMainFrame(asking.frame) };
      for (const [index, name] of names.entries()) {
        // Each permission goes to the handler set at that moment, even once
        // the request has completed; a handler that cleared itself has
        // completed it (the rest would reach a null handler, which Electron
        // does not survive).
        const current = this.#requestHandler;
        if (!current) break;
        const callback = permissionCallback(this.#rules, (granted) => this.#answer(request, index, granted));
        const args: unknown[] = [asking.webContents, name, callback];
        if (this.#rules.requestDetails) args.push(sortedDetails(full));
        // Electron reports a handler's exception as uncaught and goes on with
        // the next permission; the request waits for answers that may never come.
        try {
          current.apply(current, args);
        } catch {
          // nothing to do: see above
        }
      }
    });
  }

  checkPermission(
    type: string,
    asking: PageFrame | null,
    requestingOrigin: string,
    details: Record<string, unknown> = {},
  ): boolean {
    const name = this.#nameOf(type);
    const handler = this.#checkHandler;
    if (!this.#rules.checkHandler) return true;
    if (!handler) return !(this.#rules.deniesSyncClipboardRead && type === 'DEPRECATED_SYNC_CLIPBOARD_READ');
    const full: Record<string, unknown> = { ...details };
    if (asking) full.requestingUrl = asking.frame.url;
    full.isMainFrame = asking !== null && isMainFrame(asking.frame);
    if (this.#rules.checkNamesMedium) {
      if (type === 'AUDIO_CAPTURE') full.mediaType = 'audio';
      if (type === 'VIDEO_CAPTURE') full.mediaType = 'video';
    }
    try {
      return Boolean(handler.call(handler, asking?.webContents ?? null, name, requestingOrigin, sortedDetails(full)));
    } catch {
      // A throwing handler leaves gin's bool at its default.
      return false;
    }
  }

  canRequestDevicePermission(kind: DeviceKind, asking: PageFrame): boolean {
    const how = this.#rules.deviceChecks[kind];
    if (!how) throw new Error(`no device API for ${kind} in era ${this.#era}`);
    const type = kind.toUpperCase();
    const top = asking.frame.top;
    const details = { securityOrigin: originUrl(new URL(top.url)) };
    if (how === 'page') {
      return this.checkPermission(type, { webContents: asking.webContents, frame: top }, asking.webContents.getURL(), details);
    }
    return this.checkPermission(type, null, originUrl(new URL(top.url)), details);
  }

  #nameOf(type: string): string {
    const name = permissionName(this.#era, type);
    if (name === undefined) throw new TypeError(`a page cannot ask for ${type} in era ${this.#era}`);
    return name;
  }

  #answer(request: PendingRequest, index: number, granted: boolean): void {
    // Answers for a request that already completed (or was cleared) are dropped.
    if (!this.#pending.has(request)) return;
    if (request.answer(index, granted)) {
      this.#pending.delete(request);
      request.finish();
    }
  }
}

export const permissionService = (services: SessionServices): PermissionService => new PermissionService(services.era);
