// A scheme a target is launched with: what the app's main script hands
// protocol.registerSchemesAsPrivileged before ready (Electron 1.x:
// registerStandardSchemes, which takes standard schemes only, all secure or
// none). The harness's launch options and the reference's launch both use it.

export const PRIVILEGE_NAMES = [
  'standard',
  'secure',
  'bypassCSP',
  'allowServiceWorkers',
  'supportFetchAPI',
  'corsEnabled',
  'stream',
  'codeCache',
] as const;

export type PrivilegeName = (typeof PRIVILEGE_NAMES)[number];

export interface PrivilegedScheme {
  scheme: string;
  /** Absent privileges are false. */
  privileges?: Partial<Record<PrivilegeName, boolean>>;
}
