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
import { UNMODELLED_MEMBERS, unmodelledExport, withUnmodelledAppMembers, withUnmodelledMembers } from './stand-in/unmodelled.ts';

export { NotModelledError } from './stand-in/unmodelled.ts';

/** The type Electron's own declarations give an export; `never` for an Electron release without it. */
type ElectronExport<K extends string> = typeof Electron extends { readonly [P in K]: infer T } ? T : never;

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
  /** The machine's network: CAs to trust on top of the bundled roots, DNS servers, DNS-over-HTTPS servers. */
  network?: { extraCaCertificates?: string[]; dnsServers?: string[]; secureDnsServers?: string[] };
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
    // Other eras' apps lack members the current App has; only the current one names them.
    app: ((options.era ?? 'current') === 'current'
      ? withUnmodelledAppMembers(electron.app)
      : electron.app) as unknown as Electron.App,
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

export const autoUpdater = unmodelledExport('autoUpdater') as ElectronExport<'autoUpdater'>;
export const BaseWindow = unmodelledExport('BaseWindow') as ElectronExport<'BaseWindow'>;
export const BrowserView = unmodelledExport('BrowserView') as ElectronExport<'BrowserView'>;
export const BrowserWindow = unmodelledExport('BrowserWindow') as ElectronExport<'BrowserWindow'>;
export const clipboard = unmodelledExport('clipboard') as ElectronExport<'clipboard'>;
export const contentTracing = unmodelledExport('contentTracing') as ElectronExport<'contentTracing'>;
export const contextBridge = unmodelledExport('contextBridge') as ElectronExport<'contextBridge'>;
export const crashReporter = unmodelledExport('crashReporter') as ElectronExport<'crashReporter'>;
export const desktopCapturer = unmodelledExport('desktopCapturer') as ElectronExport<'desktopCapturer'>;
export const dialog = unmodelledExport('dialog') as ElectronExport<'dialog'>;
export const globalShortcut = unmodelledExport('globalShortcut') as ElectronExport<'globalShortcut'>;
export const ImageView = unmodelledExport('ImageView') as ElectronExport<'ImageView'>;
export const inAppPurchase = unmodelledExport('inAppPurchase') as ElectronExport<'inAppPurchase'>;
export const ipcMain = unmodelledExport('ipcMain') as ElectronExport<'ipcMain'>;
export const IpcMainServiceWorker = unmodelledExport('IpcMainServiceWorker') as ElectronExport<'IpcMainServiceWorker'>;
export const ipcRenderer = unmodelledExport('ipcRenderer') as ElectronExport<'ipcRenderer'>;
export const Menu = unmodelledExport('Menu') as ElectronExport<'Menu'>;
export const MenuItem = unmodelledExport('MenuItem') as ElectronExport<'MenuItem'>;
export const MessageChannelMain = unmodelledExport('MessageChannelMain') as ElectronExport<'MessageChannelMain'>;
export const nativeImage = unmodelledExport('nativeImage') as ElectronExport<'nativeImage'>;
export const nativeTheme = unmodelledExport('nativeTheme') as ElectronExport<'nativeTheme'>;
export const Notification = unmodelledExport('Notification') as ElectronExport<'Notification'>;
export const parentPort = unmodelledExport('parentPort') as ElectronExport<'parentPort'>;
export const powerMonitor = unmodelledExport('powerMonitor') as ElectronExport<'powerMonitor'>;
export const powerSaveBlocker = unmodelledExport('powerSaveBlocker') as ElectronExport<'powerSaveBlocker'>;
export const pushNotifications = unmodelledExport('pushNotifications') as ElectronExport<'pushNotifications'>;
export const safeStorage = unmodelledExport('safeStorage') as ElectronExport<'safeStorage'>;
export const screen = unmodelledExport('screen') as ElectronExport<'screen'>;
export const ShareMenu = unmodelledExport('ShareMenu') as ElectronExport<'ShareMenu'>;
export const shell = unmodelledExport('shell') as ElectronExport<'shell'>;
export const systemPreferences = unmodelledExport('systemPreferences') as ElectronExport<'systemPreferences'>;
export const TouchBar = unmodelledExport('TouchBar') as ElectronExport<'TouchBar'>;
export const Tray = unmodelledExport('Tray') as ElectronExport<'Tray'>;
export const utilityProcess = unmodelledExport('utilityProcess') as ElectronExport<'utilityProcess'>;
export const View = unmodelledExport('View') as ElectronExport<'View'>;
export const webContents = unmodelledExport('webContents') as ElectronExport<'webContents'>;
export const WebContentsView = unmodelledExport('WebContentsView') as ElectronExport<'WebContentsView'>;
export const webFrame = unmodelledExport('webFrame') as ElectronExport<'webFrame'>;
export const webFrameMain = unmodelledExport('webFrameMain') as ElectronExport<'webFrameMain'>;
export const webUtils = unmodelledExport('webUtils') as ElectronExport<'webUtils'>;

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
