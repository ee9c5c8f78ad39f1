// `session-conformance/electron`: an Electron-shaped module for unit tests of
// main-process code, e.g. `vi.mock('electron', () => import('session-conformance/electron'))`.
// One reference app per process, in the current era, with its appData in a
// fresh temporary folder (removed when the app quits) unless the
// SESSION_CONFORMANCE_USER_DATA environment variable names a userData folder.
// Every export carries Electron's own type; those the stand-in does not model
// throw an error naming them when used (stand-in/unmodelled.ts).

import type * as Electron from 'electron';
import type { EraId } from '../contract/eras/eras.ts';
import { createNetLogModule, createStandIn } from './stand-in/stand-in.ts';
import { UNMODELLED_MEMBERS, unmodelledExport, withUnmodelledMembers } from './stand-in/unmodelled.ts';

export { NotModelledError } from './stand-in/unmodelled.ts';

/** Options of createReferenceElectron: the app a test wants, in an era of Electron's API. */
export interface StandInOptions {
  /** The API era the app answers as (default `current`). */
  era?: EraId;
  /** userData folder; without it (and appData) a temporary appData, removed when the app quits. */
  userData?: string;
  appData?: string;
  /** app.getName() (default `Electron`). */
  name?: string;
  /** app.getVersion() (default: the era's Electron version). */
  version?: string;
  /** Command-line switches present at launch. */
  switches?: Record<string, string>;
  /** The environment the app reads (proxy variables of `system` mode); process.env by default. */
  env?: Record<string, string | undefined>;
  /** What app.getAppPath() answers (default: the working directory). */
  appPath?: string;
  /** app.getLocale() (default `en-US`). */
  locale?: string;
}

/** One reference app with Electron's modules; `quit()` resolves once it has shut down. */
export interface StandIn {
  readonly app: Electron.App;
  readonly session: typeof Electron.session;
  readonly net: Electron.Net;
  readonly netLog: Electron.NetLog;
  readonly protocol: Electron.Protocol;
  /** A graceful quit flushes what sessions hold; `crash` drops it, like a killed process. */
  quit(options?: { crash?: boolean }): Promise<void>;
}

/** A new app, independent of the module's own (another era, another userData, ...). */
export function createReferenceElectron(options: StandInOptions = {}): StandIn {
  const electron = createStandIn(options);
  return {
    app: electron.app as unknown as Electron.App,
    session: electron.session as unknown as typeof Electron.session,
    net: withUnmodelledMembers(electron.net, 'net', UNMODELLED_MEMBERS.net) as unknown as Electron.Net,
    netLog: createNetLogModule(electron) as unknown as Electron.NetLog,
    protocol: withUnmodelledMembers(electron.protocol, 'protocol', UNMODELLED_MEMBERS.protocol) as unknown as Electron.Protocol,
    quit: (quitOptions) => electron.quit(quitOptions),
  };
}

const standIn = createReferenceElectron(
  process.env.SESSION_CONFORMANCE_USER_DATA ? { userData: process.env.SESSION_CONFORMANCE_USER_DATA } : {},
);

export const app: Electron.App = standIn.app;
export const session: typeof Electron.session = standIn.session;
export const net: Electron.Net = standIn.net;
export const netLog: Electron.NetLog = standIn.netLog;
export const protocol: Electron.Protocol = standIn.protocol;

export const autoUpdater = unmodelledExport('autoUpdater') as Electron.AutoUpdater;
export const BaseWindow = unmodelledExport('BaseWindow') as typeof Electron.BaseWindow;
export const BrowserView = unmodelledExport('BrowserView') as typeof Electron.BrowserView;
export const BrowserWindow = unmodelledExport('BrowserWindow') as typeof Electron.BrowserWindow;
export const clipboard = unmodelledExport('clipboard') as Electron.Clipboard;
export const contentTracing = unmodelledExport('contentTracing') as Electron.ContentTracing;
export const contextBridge = unmodelledExport('contextBridge') as Electron.ContextBridge;
export const crashReporter = unmodelledExport('crashReporter') as Electron.CrashReporter;
export const desktopCapturer = unmodelledExport('desktopCapturer') as Electron.DesktopCapturer;
export const dialog = unmodelledExport('dialog') as Electron.Dialog;
export const globalShortcut = unmodelledExport('globalShortcut') as Electron.GlobalShortcut;
export const ImageView = unmodelledExport('ImageView') as typeof Electron.ImageView;
export const inAppPurchase = unmodelledExport('inAppPurchase') as Electron.InAppPurchase;
export const ipcMain = unmodelledExport('ipcMain') as Electron.IpcMain;
export const IpcMainServiceWorker = unmodelledExport('IpcMainServiceWorker') as typeof Electron.IpcMainServiceWorker;
export const ipcRenderer = unmodelledExport('ipcRenderer') as Electron.IpcRenderer;
export const Menu = unmodelledExport('Menu') as typeof Electron.Menu;
export const MenuItem = unmodelledExport('MenuItem') as typeof Electron.MenuItem;
export const MessageChannelMain = unmodelledExport('MessageChannelMain') as typeof Electron.MessageChannelMain;
export const nativeImage = unmodelledExport('nativeImage') as typeof Electron.nativeImage;
export const nativeTheme = unmodelledExport('nativeTheme') as Electron.NativeTheme;
export const Notification = unmodelledExport('Notification') as typeof Electron.Notification;
export const parentPort = unmodelledExport('parentPort') as Electron.ParentPort;
export const powerMonitor = unmodelledExport('powerMonitor') as Electron.PowerMonitor;
export const powerSaveBlocker = unmodelledExport('powerSaveBlocker') as Electron.PowerSaveBlocker;
export const pushNotifications = unmodelledExport('pushNotifications') as Electron.PushNotifications;
export const safeStorage = unmodelledExport('safeStorage') as Electron.SafeStorage;
export const screen = unmodelledExport('screen') as Electron.Screen;
export const ShareMenu = unmodelledExport('ShareMenu') as typeof Electron.ShareMenu;
export const shell = unmodelledExport('shell') as Electron.Shell;
export const systemPreferences = unmodelledExport('systemPreferences') as Electron.SystemPreferences;
export const TouchBar = unmodelledExport('TouchBar') as typeof Electron.TouchBar;
export const Tray = unmodelledExport('Tray') as typeof Electron.Tray;
export const utilityProcess = unmodelledExport('utilityProcess') as typeof Electron.utilityProcess;
export const View = unmodelledExport('View') as typeof Electron.View;
export const webContents = unmodelledExport('webContents') as typeof Electron.webContents;
export const WebContentsView = unmodelledExport('WebContentsView') as typeof Electron.WebContentsView;
export const webFrame = unmodelledExport('webFrame') as Electron.WebFrame;
export const webFrameMain = unmodelledExport('webFrameMain') as typeof Electron.webFrameMain;
export const webUtils = unmodelledExport('webUtils') as Electron.WebUtils;

/** `import electron from 'electron'`: the same exports as one object, as Node gives a CommonJS module. */
const electron: typeof Electron & { createReferenceElectron: typeof createReferenceElectron } = {
  app,
  session,
  net,
  netLog,
  protocol,
  autoUpdater,
  BaseWindow,
  BrowserView,
  BrowserWindow,
  clipboard,
  contentTracing,
  contextBridge,
  crashReporter,
  desktopCapturer,
  dialog,
  globalShortcut,
  ImageView,
  inAppPurchase,
  ipcMain,
  IpcMainServiceWorker,
  ipcRenderer,
  Menu,
  MenuItem,
  MessageChannelMain,
  nativeImage,
  nativeTheme,
  Notification,
  parentPort,
  powerMonitor,
  powerSaveBlocker,
  pushNotifications,
  safeStorage,
  screen,
  ShareMenu,
  shell,
  systemPreferences,
  TouchBar,
  Tray,
  utilityProcess,
  View,
  webContents,
  WebContentsView,
  webFrame,
  webFrameMain,
  webUtils,
  createReferenceElectron,
};
export default electron;
