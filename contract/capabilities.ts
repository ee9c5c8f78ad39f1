// The closed vocabulary of things a target can do. A spec names the ones it
// needs; a target lacking one makes that spec NOT_APPLICABLE, never a pass.

export const CAPABILITIES = [
  'network', // real sockets: ses.fetch, preconnect, downloads over HTTP
  'tls', // HTTPS with a custom CA, certificate verification hooks
  'proxy.pac', // PAC scripts fetched and evaluated
  'proxy.system', // system proxy settings read from the environment
  'dns', // host resolver with rules and a cache
  'devices.hid',
  'devices.serial',
  'devices.usb',
  'bluetooth',
  'extensions',
  'spellcheck',
  'renderer', // real web pages (BrowserWindow / webContents)
  'storage', // DOM storage written by pages of a session
  'downloads', // real downloads to disk: will-download, DownloadItem, a navigation that becomes a download
  'downloads.dialog', // the save dialog a download without a save path opens, shown and answered through the driver
  'permissions',
  'display-media',
  'net-log',
  'restart', // the target can quit and relaunch with the same userData
  'crash-restart', // ...and can be killed without a graceful quit first
  'chromium', // a real Chromium binary runs here, for differential checks against it
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const known: ReadonlySet<string> = new Set(CAPABILITIES);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && known.has(value);
}
