// What `session-conformance/electron` does not model, and how it says so: an
// export of Electron's module the stand-in lacks (BrowserWindow, ipcMain, ...)
// is an object that throws, naming the export, as soon as code uses it; so is a
// member of a modelled module that the reference lacks (net.request). The lists
// follow Electron's own type declarations (a test compares them).

/** Electron's exports (electron.d.ts, CrossProcessExports) that the stand-in does not model. */
export const UNMODELLED_EXPORTS = [
  'autoUpdater',
  'BaseWindow',
  'BrowserView',
  'BrowserWindow',
  'clipboard',
  'contentTracing',
  'contextBridge',
  'crashReporter',
  'desktopCapturer',
  'dialog',
  'globalShortcut',
  'ImageView',
  'inAppPurchase',
  'ipcMain',
  'IpcMainServiceWorker',
  'ipcRenderer',
  'Menu',
  'MenuItem',
  'MessageChannelMain',
  'nativeImage',
  'nativeTheme',
  'Notification',
  'parentPort',
  'powerMonitor',
  'powerSaveBlocker',
  'pushNotifications',
  'safeStorage',
  'screen',
  'ShareMenu',
  'shell',
  'systemPreferences',
  'TouchBar',
  'Tray',
  'utilityProcess',
  'View',
  'webContents',
  'WebContentsView',
  'webFrame',
  'webFrameMain',
  'webUtils',
] as const;

export type UnmodelledExport = (typeof UNMODELLED_EXPORTS)[number];

/** Members of modelled modules that Electron has and the reference does not. */
export const UNMODELLED_MEMBERS = {
  net: ['request', 'isOnline', 'online'],
  protocol: [],
} as const;

const MODELLED = 'the stand-in models app, session, net, netLog and protocol: the main-process API of sessions';

export class NotModelledError extends Error {
  override name = 'NotModelledError';
}

export function notModelled(what: string): NotModelledError {
  return new NotModelledError(`session-conformance/electron does not model electron.${what} (${MODELLED})`);
}

// Looked up by test frameworks, printers and `await` on any value; answering
// them keeps an unmodelled export inert until code really uses it.
const INERT_KEYS = new Set<string | symbol>(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', '__esModule']);

/**
 * An unmodelled export: a function-shaped object whose every use (call,
 * `new`, reading or setting a member) throws NotModelledError. Its
 * `prototype` is a plain object, so `class MyWindow extends BrowserWindow`
 * still loads and fails only when constructed.
 */
export function unmodelledExport(name: string): unknown {
  const prototype = {};
  const fail = (member?: string | symbol): never => {
    throw notModelled(member === undefined ? name : `${name}.${String(member)}`);
  };
  const target = { [name]: function () {} }[name]!;
  return new Proxy(target, {
    get(_target, key) {
      if (typeof key === 'symbol' || INERT_KEYS.has(key)) return undefined;
      if (key === 'prototype') return prototype;
      if (key === 'name') return name;
      return fail(key);
    },
    set: (_target, key) => fail(key),
    apply: () => fail(),
    construct: () => fail(),
  });
}

/** `module` with the given Electron members, which it lacks, throwing NotModelledError when read. */
export function withUnmodelledMembers<T extends object>(module: T, owner: string, members: readonly string[]): T {
  const missing = new Set(members.filter((m) => !(m in module)));
  return new Proxy(module, {
    get(target, key, receiver) {
      if (typeof key === 'string' && missing.has(key)) throw notModelled(`${owner}.${key}`);
      return Reflect.get(target, key, receiver);
    },
  });
}
