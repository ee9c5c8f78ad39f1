// What `session-conformance/electron` does not model, and how it says so: an
// export of Electron's module the stand-in lacks (BrowserWindow, ipcMain, ...)
// is an object that throws, naming the export, as soon as code uses it; so is a
// member of a modelled module that the reference lacks (net.request,
// app.requestSingleInstanceLock). The lists follow Electron's own type
// declarations (test/reference/electron-module.test.ts compares them).

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

/**
 * Members of Electron's App (electron.d.ts) that the reference app lacks, with
 * the platforms Electron has them on (its `@platform` tags). On another
 * platform Electron has no such member, and neither has the stand-in; `mas`
 * is a Mac App Store build only.
 */
export const UNMODELLED_APP_MEMBERS: Readonly<Record<string, 'all' | readonly string[]>> = {
  accessibilitySupportEnabled: ['darwin', 'win32'],
  addRecentDocument: ['darwin', 'win32'],
  applicationMenu: 'all',
  badgeCount: ['linux', 'darwin'],
  clearRecentDocuments: ['darwin', 'win32'],
  configureHostResolver: 'all',
  disableDomainBlockingFor3DAPIs: 'all',
  dock: ['darwin'],
  enableSandbox: 'all',
  focus: 'all',
  getAccessibilitySupportFeatures: ['darwin', 'win32'],
  getApplicationInfoForProtocol: ['darwin', 'win32'],
  getApplicationNameForProtocol: 'all',
  getAppMetrics: 'all',
  getBadgeCount: ['linux', 'darwin'],
  getCurrentActivityType: ['darwin'],
  getFileIcon: 'all',
  getGPUFeatureStatus: 'all',
  getGPUInfo: 'all',
  getJumpListSettings: ['win32'],
  getLoginItemSettings: ['darwin', 'win32'],
  getRecentDocuments: ['darwin', 'win32'],
  hasSingleInstanceLock: 'all',
  hide: ['darwin'],
  importCertificate: ['linux'],
  invalidateCurrentActivity: ['darwin'],
  isAccessibilitySupportEnabled: ['darwin', 'win32'],
  isDefaultProtocolClient: 'all',
  isEmojiPanelSupported: 'all',
  isHidden: ['darwin'],
  isInApplicationsFolder: ['darwin'],
  isSecureKeyboardEntryEnabled: ['darwin'],
  isUnityRunning: ['linux'],
  moveToApplicationsFolder: ['darwin'],
  relaunch: 'all',
  releaseSingleInstanceLock: 'all',
  removeAsDefaultProtocolClient: ['darwin', 'win32'],
  requestSingleInstanceLock: 'all',
  resignCurrentActivity: ['darwin'],
  resolveProxy: 'all',
  runningUnderARM64Translation: ['darwin', 'win32'],
  setAboutPanelOptions: 'all',
  setAccessibilitySupportEnabled: ['darwin', 'win32'],
  setAccessibilitySupportFeatures: ['darwin', 'win32'],
  setActivationPolicy: ['darwin'],
  setAppUserModelId: ['win32'],
  setAsDefaultProtocolClient: 'all',
  setBadgeCount: ['linux', 'darwin'],
  setClientCertRequestPasswordHandler: 'all',
  setJumpList: ['win32'],
  setLoginItemSettings: ['darwin', 'win32'],
  setProxy: 'all',
  setSecureKeyboardEntryEnabled: ['darwin'],
  setUserActivity: ['darwin'],
  setUserTasks: ['win32'],
  show: ['darwin'],
  showAboutPanel: 'all',
  showEmojiPanel: ['darwin', 'win32'],
  startAccessingSecurityScopedResource: ['mas'],
  updateCurrentActivity: ['darwin'],
};

/** The properties among UNMODELLED_APP_MEMBERS; the others are methods. */
const APP_PROPERTIES = new Set([
  'accessibilitySupportEnabled',
  'applicationMenu',
  'badgeCount',
  'dock',
  'runningUnderARM64Translation',
]);

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

/**
 * `app` with the members of Electron's App it lacks on `platform`: methods
 * are functions, as in Electron (feature checks with `typeof` see them), that
 * throw NotModelledError when called; properties throw when read or set.
 */
export function withUnmodelledAppMembers<T extends object>(app: T, platform: string = process.platform): T {
  for (const [member, platforms] of Object.entries(UNMODELLED_APP_MEMBERS)) {
    if (member in app || (platforms !== 'all' && !platforms.includes(platform))) continue;
    const fail = (): never => {
      throw notModelled(`app.${member}`);
    };
    const method = { [member]: () => fail() }[member]!;
    Object.defineProperty(
      app,
      member,
      APP_PROPERTIES.has(member)
        ? { get: fail, set: fail, configurable: true }
        : { value: method, writable: true, configurable: true },
    );
  }
  return app;
}
