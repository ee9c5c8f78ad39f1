// The driver's stand-ins for a page asking: `permissions.request` (a web API
// prompting for one or several permissions), `permissions.check` (a web API
// reading a permission's state) and `displayMedia.request`
// (getDisplayMedia()). Each opens a page of the session and routes the ask
// the way Electron's browser side does in the era:
//
// - Types Chromium's PermissionController requests are attributed to the
//   frame that asked (a subframe shows isMainFrame false).
// - Types Electron's WebContentsPermissionHelper requests (getUserMedia's
//   'media', FULLSCREEN, OPEN_EXTERNAL) came from the page's main frame up
//   to Electron 17 and from the asking frame since; POINTER_LOCK and
//   KEYBOARD_LOCK always from the main frame. getUserMedia's request carries
//   mediaTypes, and securityOrigin from Electron 17.
// - Checks: navigator.permissions.query() reached the check handler only
//   from Electron 17 (before, every such check was granted); checks without
//   a frame (workers, the Notification permission) pass a null webContents;
//   the camera/microphone check goes through the helper (main frame, the
//   page's URL as requestingOrigin) in every era with a check handler.

import type { DriverImplementation, PermissionRequestOutcome } from '../../contract/driver-commands.ts';
import { hasMember } from '../../contract/eras/inventory.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import { servicesOf } from '../session/binding.ts';
import { PERMISSION_DENIED } from './display-media-answer.ts';
import { displayMediaService } from './display-media-service.ts';
import { permissionEra, type DeviceKind, type PermissionEra } from './permission-era.ts';
import { MEDIA_TYPES, permissionName } from './permission-names.ts';
import { permissionService } from './permission-service.ts';
import { openPage, originUrl, type PageFrame } from '../app/web-contents.ts';

/** Types a WebContentsPermissionHelper asks for on its own, one per request. */
const HELPER_TYPES = new Set(['FULLSCREEN', 'POINTER_LOCK', 'KEYBOARD_LOCK', 'OPEN_EXTERNAL']);
const DEVICE_KINDS: Readonly<Record<string, DeviceKind>> = { HID: 'hid', SERIAL: 'serial', USB: 'usb' };

function mainFrameOf(page: PageFrame): PageFrame {
  return { webContents: page.webContents, frame: page.webContents.mainFrame };
}

/** The frame a request Electron makes itself is attributed to. */
function helperFrame(rules: PermissionEra, page: PageFrame): PageFrame {
  return rules.helperFrame === 'asking' ? page : mainFrameOf(page);
}

function knownType(era: EraId, type: unknown): string {
  if (typeof type !== 'string' || permissionName(era, type) === undefined) {
    throw new TypeError(`a page cannot ask for ${String(type)} in era ${era}`);
  }
  return type;
}

async function request(
  args: Parameters<NonNullable<DriverImplementation['permissions.request']>>[0],
): Promise<PermissionRequestOutcome> {
  const services = servicesOf(args.session as object);
  const era = services.era;
  const rules = permissionEra(era);
  if (!Array.isArray(args.permissions)) throw new TypeError('permissions must be an array of permission types');
  const types = args.permissions.map((type) => knownType(era, type));
  const page = openPage(args.session, args.url, args.frameUrl);
  const permissions = services.use(permissionService);
  const media = types.filter((type) => MEDIA_TYPES[type]);
  if (media.length > 0) {
    if (media.length !== types.length)
      throw new TypeError('a getUserMedia() request asks for AUDIO_CAPTURE and VIDEO_CAPTURE only');
    const mediaTypes = (['AUDIO_CAPTURE', 'VIDEO_CAPTURE'] as const)
      .filter((type) => types.includes(type))
      .map((type) => MEDIA_TYPES[type]);
    const details: Record<string, unknown> = { mediaTypes };
    if (rules.mediaRequestOrigin) details.securityOrigin = originUrl(new URL(page.frame.url));
    const [status] = await permissions.requestPermissions(helperFrame(rules, page), ['AUDIO_CAPTURE'], details);
    return { statuses: types.map(() => status!), error: status === 'granted' ? null : PERMISSION_DENIED };
  }
  const helper = types.find((type) => HELPER_TYPES.has(type));
  if (helper) {
    if (types.length !== 1) throw new TypeError(`${helper} is asked for on its own`);
    const details: Record<string, unknown> = {};
    if (helper === 'OPEN_EXTERNAL') {
      if (typeof args.externalURL !== 'string') throw new TypeError('OPEN_EXTERNAL needs the externalURL the page navigates to');
      details.externalURL = new URL(args.externalURL).href;
    }
    const asking = helper === 'POINTER_LOCK' || helper === 'KEYBOARD_LOCK' ? mainFrameOf(page) : helperFrame(rules, page);
    return { statuses: await permissions.requestPermissions(asking, types, details), error: null };
  }
  return { statuses: await permissions.requestPermissions(page, types), error: null };
}

function check(args: Parameters<NonNullable<DriverImplementation['permissions.check']>>[0]): 'granted' | 'denied' {
  const services = servicesOf(args.session as object);
  const era = services.era;
  const rules = permissionEra(era);
  const type = knownType(era, args.permission);
  const page = openPage(args.session, args.url, args.frameUrl);
  const permissions = services.use(permissionService);
  const frameOrigin = originUrl(new URL(page.frame.url));
  let granted: boolean;
  switch (args.via ?? 'document') {
    case 'document': {
      const embedder =
        rules.documentChecks === 'frame-and-embedder' ? { embeddingOrigin: originUrl(new URL(page.webContents.getURL())) } : {};
      granted = rules.documentChecks === 'granted' ? true : permissions.checkPermission(type, page, frameOrigin, embedder);
      break;
    }
    case 'origin':
      granted = rules.framelessChecks
        ? permissions.checkPermission(type, null, frameOrigin, { embeddingOrigin: frameOrigin })
        : true;
      break;
    case 'media': {
      const mediaType = MEDIA_TYPES[type];
      if (!mediaType) throw new TypeError('a media check is for AUDIO_CAPTURE or VIDEO_CAPTURE');
      granted = permissions.checkPermission(
        rules.mediaCheckType === 'per-medium' ? type : 'AUDIO_CAPTURE',
        mainFrameOf(page),
        page.webContents.getURL(),
        {
          securityOrigin: frameOrigin,
          mediaType,
        },
      );
      break;
    }
    case 'device': {
      const kind = DEVICE_KINDS[type];
      if (!kind) throw new TypeError('a device check is for HID, SERIAL or USB');
      granted = permissions.canRequestDevicePermission(kind, page);
      break;
    }
    default:
      throw new TypeError(`unknown check route ${String(args.via)}`);
  }
  return granted ? 'granted' : 'denied';
}

export const PERMISSION_DRIVER_COMMANDS: DriverImplementation = {
  'permissions.request': request,
  'permissions.check': check,
  'displayMedia.request': async (args) => {
    const services = servicesOf(args.session as object);
    if (!hasMember(services.era, 'ses.setDisplayMediaRequestHandler')) {
      throw new Error(`getDisplayMedia() reaches the app only in the era of setDisplayMediaRequestHandler, not ${services.era}`);
    }
    const page = openPage(args.session, args.url, args.frameUrl);
    return services
      .use(displayMediaService)
      .request(page, { audio: Boolean(args.audio), userGesture: Boolean(args.userGesture) });
  },
};
