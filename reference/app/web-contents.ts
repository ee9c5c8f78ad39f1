// Stand-ins for the web content a driver command speaks for. The reference
// renders nothing, but Electron hands handlers the page and frame that
// asked: a WebContents (the page) and WebFrameMain objects (its frames).
// A driver command opens one page per call (its main frame, and a subframe
// when the command names one); handlers receive these objects where
// Electron passes its own, so `webContents.getURL()`, `frame.url` and
// `frame.origin` read as they would. Every area whose driver speaks for a
// page (permissions, devices, downloads) opens its pages here.

import { servicesOf } from '../session/binding.ts';

let nextWebContentsId = 1;
let nextFrameTreeNodeId = 1;
let nextRoutingId = 1;
/** The page each frame belongs to (Electron reaches it through the frame's RenderFrameHost). */
const pages = new WeakMap<WebFrameMain, WebContents>();
/** Site isolation: one renderer process per origin, numbered in order of first use. */
const processIds = new Map<string, number>();

function processFor(origin: string): number {
  let id = processIds.get(origin);
  if (id === undefined) processIds.set(origin, (id = processIds.size + 1));
  return id;
}

/** url::Origin::GetURL().spec(): the origin as a URL with a trailing slash; '' for an opaque origin. */
export function originUrl(url: URL): string {
  return url.origin === 'null' ? '' : `${url.origin}/`;
}

export class WebFrameMain {
  readonly url: string;
  readonly origin: string;
  readonly name: string;
  readonly frameTreeNodeId: number;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: WebFrameMain | null;
  readonly frames: WebFrameMain[] = [];

  constructor(url: URL, parent: WebFrameMain | null) {
    this.url = url.href;
    this.origin = url.origin;
    this.name = '';
    this.frameTreeNodeId = nextFrameTreeNodeId++;
    this.processId = processFor(url.origin);
    this.routingId = nextRoutingId++;
    this.parent = parent;
    parent?.frames.push(this);
  }

  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this;
  }
}

export class WebContents {
  readonly id: number;
  readonly session: object;
  readonly mainFrame: WebFrameMain;

  constructor(session: object, url: URL) {
    this.id = nextWebContentsId++;
    this.session = session;
    this.mainFrame = new WebFrameMain(url, null);
    pages.set(this.mainFrame, this);
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  /** A page without a <title> is titled by its URL. */
  getTitle(): string {
    return this.mainFrame.url;
  }
}

/** The frame that asks, with its page. */
export interface PageFrame {
  readonly webContents: WebContents;
  readonly frame: WebFrameMain;
}

export function isMainFrame(frame: WebFrameMain): boolean {
  return frame.parent === null;
}

function parseUrl(value: unknown, what: string): URL {
  if (typeof value === 'string') {
    try {
      return new URL(value);
    } catch {
      // reported below
    }
  }
  throw new TypeError(`${what} must be an absolute URL, got ${JSON.stringify(value)}`);
}

/**
 * Opens a page of `session` at `url` and returns its main frame, or, with
 * `frameUrl`, a subframe at that URL inside it.
 */
export function openPage(session: unknown, url: unknown, frameUrl?: unknown): PageFrame {
  // A session of another implementation, or no session, is the driver's caller's mistake.
  servicesOf(session as object);
  const webContents = new WebContents(session as object, parseUrl(url, 'url'));
  if (frameUrl === undefined) return { webContents, frame: webContents.mainFrame };
  const frame = new WebFrameMain(parseUrl(frameUrl, 'frameUrl'), webContents.mainFrame);
  pages.set(frame, webContents);
  return { webContents, frame };
}

/** The page a frame of the reference belongs to. */
export function pageOf(frame: WebFrameMain): WebContents {
  const page = pages.get(frame);
  if (!page) throw new Error('a frame without a page');
  return page;
}

/** Whether `value` is a frame some page of the reference opened (Electron's WebFrameMain conversion). */
export function isWebFrameMain(value: unknown): value is WebFrameMain {
  return value instanceof WebFrameMain;
}
