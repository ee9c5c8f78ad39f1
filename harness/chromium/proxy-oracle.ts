// Asks a real Chromium how it resolves proxies. Fixed-server configurations
// run in one browser, one DevTools browser context each (created with
// proxyServer / proxyBypassList, which Chromium turns into the same proxy
// preference Electron's setProxy writes); each PAC script gets a browser of
// its own whose profile preference is a mandatory PAC script in a data: URL.
// Pages request every URL, every host name maps to a dead loopback port, the
// browser runs in a private network namespace when possible, and the answers
// come from the NetLog: the proxy list each request resolved, or its error
// ('' then, as resolveProxy reports a failure).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';
import { readProxyNetLog, type ProxyNetLog } from './net-log.ts';

export interface FixedServersCase {
  server: string;
  bypassList: string;
  urls: string[];
}

export interface PacCase {
  script: string;
  urls: string[];
}

/** One answer per URL of a case, in order: the PAC-style string, '' on failure, undefined if never seen. */
export type CaseAnswers = (string | undefined)[];

export interface OracleOptions {
  executable: string;
  /** Browser contexts working at once. */
  concurrency?: number;
  /** How long a page waits for its requests before moving on. */
  settleMs?: number;
}

export interface FixedServersAnswers {
  answers: CaseAnswers[];
  /** Every configuration the NetLog reports (direct ones as {}). */
  configs: Record<string, unknown>[];
}

const TAG = '__proxy_case=';

let isolation: boolean | undefined;

/**
 * Whether Chromium can run in a private network namespace with only loopback.
 * Root is needed, and not enough: containers often forbid new namespaces, so
 * it is tried once. Without it every host still maps to a loopback sink
 * (--host-resolver-rules), so nothing leaves the machine either way.
 */
function canIsolateNetwork(): boolean {
  if (isolation === undefined) {
    isolation =
      process.platform === 'linux' &&
      process.getuid?.() === 0 &&
      spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  }
  return isolation;
}

function requestScript(urls: string[], settleMs: number): string {
  return `(async (urls, wait) => {
    const done = urls.map((u) => {
      if (u.startsWith('ws')) {
        return new Promise((resolve) => {
          try { const w = new WebSocket(u); w.onerror = w.onclose = () => resolve(); } catch { resolve(); }
        });
      }
      return fetch(u, { mode: 'no-cors', cache: 'no-store' }).then(() => {}, () => {});
    });
    await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, wait))]);
    return true;
  })(${JSON.stringify(urls)}, ${settleMs})`;
}

async function withBrowser<T>(
  options: OracleOptions,
  prepare: (profile: string) => void,
  use: (browser: CdpBrowser) => Promise<T>,
  env?: Record<string, string>,
): Promise<{ value: T; log: ProxyNetLog }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proxy-oracle-'));
  try {
    const profile = path.join(dir, 'profile');
    mkdirSync(path.join(profile, 'Default'), { recursive: true });
    prepare(profile);
    const netLog = path.join(dir, 'netlog.json');
    const isolate = canIsolateNetwork();
    const browser = await CdpBrowser.launch({
      executable: options.executable,
      userDataDir: profile,
      isolateNetwork: isolate,
      ...(env ? { env } : {}),
      args: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default', '--host-resolver-rules=MAP * 127.0.0.1:9'],
    });
    let value: T;
    try {
      value = await use(browser);
    } finally {
      await browser.close();
    }
    return { value, log: readProxyNetLog(netLog) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runInPage(
  browser: CdpBrowser,
  browserContextId: string | undefined,
  urls: string[],
  settleMs: number,
): Promise<void> {
  const { targetId, sessionId } = await browser.openPage('about:blank', browserContextId);
  await browser.send('Runtime.evaluate', { expression: requestScript(urls, settleMs), awaitPromise: true }, sessionId);
  await browser.send('Target.closeTarget', { targetId });
}

function settleTime(options: OracleOptions): number {
  // Without a private network namespace, direct connections to unroutable
  // addresses hang; the resolution is logged long before, so do not wait.
  return options.settleMs ?? (canIsolateNetwork() ? 3000 : 1500);
}

/** Tags a URL with its case and index so the NetLog record can be matched back. */
function tagUrl(url: string, caseIndex: number, urlIndex: number): string {
  const u = new URL(url);
  u.hash = '';
  const tag = `${TAG}${caseIndex}_${urlIndex}`;
  u.search = u.search ? `${u.search}&${tag}` : `?${tag}`;
  return u.href;
}

function tagOf(url: string): [number, number] | undefined {
  const match = new RegExp(`${TAG}(\\d+)_(\\d+)`).exec(url);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function answerOf(record: { proxyInfo: string | null }): string {
  return record.proxyInfo ?? '';
}

/** Resolves every URL of every fixed-servers case in one browser. */
export async function resolveFixedServersWithChromium(
  cases: FixedServersCase[],
  options: OracleOptions,
): Promise<FixedServersAnswers> {
  const answers: CaseAnswers[] = cases.map((c) => c.urls.map(() => undefined));
  const settleMs = settleTime(options);
  const { log } = await withBrowser(
    options,
    () => {},
    async (browser) => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < cases.length; i = next++) {
          const c = cases[i]!;
          const browserContextId = await browser.newContext({ proxyServer: c.server, proxyBypassList: c.bypassList });
          await runInPage(
            browser,
            browserContextId,
            c.urls.map((u, j) => tagUrl(u, i, j)),
            settleMs,
          );
          await browser.send('Target.disposeBrowserContext', { browserContextId });
        }
      };
      await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
    },
  );
  for (const record of log.resolutions) {
    const tag = tagOf(record.url);
    if (!tag) continue;
    const [i, j] = tag;
    if (answers[i] && answers[i]![j] === undefined) answers[i]![j] = answerOf(record);
  }
  return { answers, configs: log.configs };
}

/** Resolves every URL of a case through a mandatory PAC script (one browser per script). */
export async function resolvePacWithChromium(pacCase: PacCase, options: OracleOptions): Promise<CaseAnswers> {
  const pacUrl = `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pacCase.script, 'utf8').toString('base64')}`;
  const { log } = await withBrowser(
    options,
    (profile) => {
      const preferences = { proxy: { mode: 'pac_script', pac_url: pacUrl, pac_mandatory: true } };
      writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
    },
    (browser) => runInPage(browser, undefined, pacCase.urls, settleTime(options)),
  );
  const byUrl = new Map<string, string>();
  for (const record of log.resolutions) if (!byUrl.has(record.url)) byUrl.set(record.url, answerOf(record));
  return pacCase.urls.map((u) => byUrl.get(new URL(u).href));
}

/** Resolves URLs with Chromium's system configuration, read from the given environment variables. */
export async function resolveSystemWithChromium(
  env: Record<string, string>,
  urls: string[],
  options: OracleOptions,
): Promise<CaseAnswers> {
  const { log } = await withBrowser(
    options,
    () => {},
    (browser) => runInPage(browser, undefined, urls, settleTime(options)),
    env,
  );
  const byUrl = new Map<string, string>();
  for (const record of log.resolutions) if (!byUrl.has(record.url)) byUrl.set(record.url, answerOf(record));
  return urls.map((u) => byUrl.get(new URL(u).href));
}
