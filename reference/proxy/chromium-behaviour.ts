// How the Chromium inside each era's Electron resolves proxies, where it
// changed over time. Electron 1.x ran Chromium 59; e9..e17 ran Chromium
// 83..98 with the network service; `current` runs Chromium 140+.

import type { EraId } from '../../contract/eras/eras.ts';
import type { BypassGrammar } from './bypass-rules.ts';
import type { ProxyParseOptions } from './proxy-server.ts';

export interface ChromiumBehaviour extends ProxyParseOptions {
  /** Pre-M72 bypass grammar: no implicit rules, `<local>` includes loopback IPs. */
  bypassGrammar: BypassGrammar;
  /** Localhost, loopback and link-local URLs skip PAC scripts too (M72+). */
  implicitBypassForPac: boolean;
  /** Electron's setProxy made PAC scripts mandatory from Electron 9 (network service). */
  pacMandatory: boolean;
  /** PAC scripts from file: URLs: allowed before the network service, refused after. */
  filePacUrls: boolean;
  /**
   * Electron 1.x reset the proxy service on every setProxy, re-fetching the
   * PAC script; later the pref only notifies when the configuration changes.
   */
  reapplyUnchangedConfig: boolean;
}

export function chromiumBehaviour(era: EraId): ChromiumBehaviour {
  if (era === 'legacy') {
    return {
      bypassGrammar: 'legacy',
      implicitBypassForPac: false,
      pacMandatory: false,
      filePacUrls: true,
      reapplyUnchangedConfig: true,
      quic: true,
    };
  }
  return {
    bypassGrammar: 'modern',
    implicitBypassForPac: true,
    pacMandatory: true,
    filePacUrls: false,
    reapplyUnchangedConfig: false,
    // QUIC proxies left proxy rules and PAC results in Chromium ~M119.
    quic: era !== 'current',
  };
}
