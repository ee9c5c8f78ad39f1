// The closed vocabulary of things a target can do. A spec names the ones it
// needs; a target lacking one makes that spec NOT_APPLICABLE, never a pass.

export const CAPABILITIES = [
  'network', // real sockets: ses.fetch, preconnect, downloads over HTTP
  'tls', // HTTPS with a custom CA, certificate verification hooks
  'proxy.pac', // PAC scripts fetched and evaluated
  'proxy.system', // system proxy settings read from the environment
  'dns', // host resolver with rules and a cache
  'devices.hid', // WebHID: choosers, device events and permissions, over real or virtual HID devices
  'devices.serial', // Web Serial: port choosers, port events and permissions, over real or virtual ports
  'devices.usb', // WebUSB: choosers, device events, protected classes, over real or virtual USB devices
  'bluetooth', // Web Bluetooth pairing requests answered by the session's pairing handler
  'extensions', // unpacked Chrome extensions loaded into a session
  'spellcheck', // Hunspell dictionaries, downloads of them, and words a page would see underlined
  'renderer', // real web pages (BrowserWindow / webContents)
  'storage', // DOM storage written by pages of a session
  'service-workers', // service workers pages of a session register (their scripts run sandboxed, never in Node)
  'downloads', // real downloads to files: will-download, DownloadItem, navigations that become downloads
  'downloads.dialog', // the save dialog a download without a save path opens, shown and answered through the driver
  'permissions', // permission requests and checks a page makes, answered by the session's handlers
  'display-media', // getDisplayMedia requests answered by the display-media handler
  'net-log', // ses.netLog writes Chromium-format net logs of the session's traffic
  'restart', // the target can quit and relaunch with the same userData
  'crash-restart', // ...and can be killed without a graceful quit first
  'chromium', // a real Chromium binary runs here, for differential checks against it
] as const;

export type Capability = (typeof CAPABILITIES)[number];

const known: ReadonlySet<string> = new Set(CAPABILITIES);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && known.has(value);
}
