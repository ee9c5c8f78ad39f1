// Asks a real Chromium which cookies a sequence of responses leaves behind.
// Each scenario gets a DevTools browser context of its own (an empty cookie
// jar; a few scenarios run at once); its responses are loaded by top-level
// navigations, in order, and the jar is then read with Storage.getCookies. Every host name maps to the
// loopback fixture (--host-resolver-rules keeps the URL's port), and HTTPS
// upgrades are off so each navigation is one request with the scheme it
// names. An https fixture is trusted by pinning its certificate's public key
// (--ignore-certificate-errors-spki-list, which needs --user-data-dir): only
// that key is let through, every other certificate is still verified.

import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';

/** A cookie as DevTools reports it (the fields the comparison uses). */
export interface CdpCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None';
  partitionKey?: unknown;
}

export interface NavigationOutcome {
  url: string;
  /** When the navigation was asked for (ms since the epoch). */
  startedMs: number;
  errorText?: string;
}

export interface ScenarioResult {
  cookies: CdpCookie[];
  /** When the first response was requested (ms since the epoch): expiry is compared relative to it. */
  startedMs: number;
  navigations: NavigationOutcome[];
}

export interface CookieOracleOptions {
  executable: string;
  /** PEM certificates (the first of each chain counts) whose keys Chromium accepts without verification. */
  trustedCertificates?: string[];
  /** Scenarios run at once, each in its own browser context (2 by default). */
  concurrency?: number;
}

/** Base64 SHA-256 of a certificate's SubjectPublicKeyInfo, the form --ignore-certificate-errors-spki-list takes. */
export function spkiFingerprint(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export const CHROMIUM_COOKIE_ARGS = [
  '--host-resolver-rules=MAP * 127.0.0.1',
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForTypicallySecureUsers',
];

function spkiArgs(certificates: string[]): string[] {
  return certificates.length ? [`--ignore-certificate-errors-spki-list=${certificates.map(spkiFingerprint).join(',')}`] : [];
}

/** Loads each scenario's URLs in order, in a fresh browser context per scenario, and returns its cookies. */
export async function cookiesWithChromium(scenarios: string[][], options: CookieOracleOptions): Promise<ScenarioResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cookie-oracle-'));
  const browser = await CdpBrowser.launch({
    executable: options.executable,
    userDataDir: dir,
    isolateNetwork: false,
    args: [...CHROMIUM_COOKIE_ARGS, ...spkiArgs(options.trustedCertificates ?? [])],
  });
  try {
    // Scenarios are independent (a browser context each): a few run at once,
    // since most of a scenario's time is spent waiting on the browser.
    const results: ScenarioResult[] = new Array(scenarios.length);
    let next = 0;
    const worker = async () => {
      while (next < scenarios.length) {
        const i = next++;
        results[i] = await runScenario(browser, scenarios[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    return results;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runScenario(browser: CdpBrowser, urls: string[]): Promise<ScenarioResult> {
  const browserContextId = await browser.newContext();
  try {
    const { targetId, sessionId } = await browser.openPage('about:blank', browserContextId);
    const navigations: NavigationOutcome[] = [];
    const startedMs = Date.now();
    for (const url of urls) {
      const at = Date.now();
      const answer = await browser.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
      navigations.push(answer.errorText ? { url, startedMs: at, errorText: answer.errorText } : { url, startedMs: at });
    }
    const { cookies } = await browser.send<{ cookies: CdpCookie[] }>('Storage.getCookies', { browserContextId });
    await browser.send('Target.closeTarget', { targetId });
    return { cookies, startedMs, navigations };
  } finally {
    await browser.disposeContext(browserContextId);
  }
}
