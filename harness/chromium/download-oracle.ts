// Asks a real Chromium which file name it gives a download. A few DevTools
// browser contexts run scenarios at once, one after another in each; before
// each, Browser.setDownloadBehavior ('allow', events on) sends the context's
// downloads to a fresh directory. A page on the scenario's
// own origin clicks a link with an empty `download` attribute to the
// scenario's URL: that is DownloadManager::DownloadUrl with no suggested name,
// the path ses.downloadURL takes in Electron (the same loader, which sniffs
// the MIME type the same way), and no renderable type is displayed instead.
// Browser.downloadWillBegin gives the suggested file name; after
// Browser.downloadProgress says 'completed' the directory's one file is the
// name on disk.
//
// With 'allow', DevTools' own download delegate names the file: it calls
// net::GenerateFileName(url, Content-Disposition, no referrer charset, the
// suggested name, the MIME type, "download") and saves to that path as is
// (overwriting, no " (1)", no dangerous-file prompt, `.crdownload` only while
// in progress). The event's name comes from net::GetSuggestedFilename with
// the same arguments: the same generator without the final conversion to the
// locale's file-name encoding. The browser runs with LANG=C.UTF-8 so that
// conversion is UTF-8, as on a desktop.
//
// Host names map to the loopback fixture (--host-resolver-rules, the cookie
// oracle's flags, background networking off), so the browser reaches nothing
// but loopback. A network namespace of its own (as the proxy oracle uses)
// would cut it off from the fixture too.

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';
import { CHROMIUM_COOKIE_ARGS } from './cookie-oracle.ts';

export interface DownloadOutcome {
  url: string;
  /** Browser.downloadWillBegin's suggestedFilename; undefined when no download began. */
  suggested?: string;
  /** The download's last state ('completed', 'canceled') or 'timeout'. */
  state?: string;
  /** The files the download directory holds afterwards. */
  onDisk: string[];
  error?: string;
}

export interface DownloadOracleOptions {
  executable: string;
  /** Scenarios run at once, each in its own browser context (4 by default). */
  concurrency?: number;
  /** How long a scenario may take (ms) before it is given up (10 s by default). */
  timeoutMs?: number;
}

/** The scenario key a URL's host starts with (`s12.files.test` → `s12`). */
export function scenarioKey(url: string): string {
  try {
    return new URL(url).hostname.split('.')[0] ?? '';
  } catch {
    return '';
  }
}

interface Waiter {
  began(params: Record<string, unknown>): void;
  progressed(params: Record<string, unknown>): void;
}

/** Downloads each URL (its origin serves `/__page`) in a fresh context and reports the names. */
export async function downloadsWithChromium(urls: string[], options: DownloadOracleOptions): Promise<DownloadOutcome[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'download-oracle-'));
  const browser = await CdpBrowser.launch({
    executable: options.executable,
    userDataDir: path.join(dir, 'profile'),
    isolateNetwork: false,
    args: [...CHROMIUM_COOKIE_ARGS],
    env: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  const waiters = new Map<string, Waiter>();
  const byGuid = new Map<string, Waiter>();
  browser.on('Browser.downloadWillBegin', (params) => {
    const waiter = waiters.get(scenarioKey(String(params.url)));
    if (!waiter) return;
    byGuid.set(String(params.guid), waiter);
    waiter.began(params);
  });
  browser.on('Browser.downloadProgress', (params) => byGuid.get(String(params.guid))?.progressed(params));
  try {
    const results: DownloadOutcome[] = new Array(urls.length);
    let next = 0;
    const worker = async () => {
      const tab = await openTab(browser);
      try {
        while (next < urls.length) {
          const i = next++;
          const downloads = path.join(dir, `d${i}`);
          mkdirSync(downloads);
          results[i] = await runScenario(browser, tab, urls[i]!, downloads, waiters, options.timeoutMs ?? 10_000);
        }
      } finally {
        await browser.disposeContext(tab.browserContextId);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
    return results;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Tab {
  browserContextId: string;
  sessionId: string;
}

/** A page in a browser context of its own; its scenarios run one after another. */
async function openTab(browser: CdpBrowser): Promise<Tab> {
  const browserContextId = await browser.newContext();
  const { sessionId } = await browser.openPage('about:blank', browserContextId);
  return { browserContextId, sessionId };
}

async function runScenario(
  browser: CdpBrowser,
  { browserContextId, sessionId }: Tab,
  url: string,
  downloadPath: string,
  waiters: Map<string, Waiter>,
  timeoutMs: number,
): Promise<DownloadOutcome> {
  const outcome: DownloadOutcome = { url, onDisk: [] };
  const key = scenarioKey(url);
  let timer: NodeJS.Timeout | undefined;
  const finished = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      outcome.state = 'timeout';
      resolve();
    }, timeoutMs);
    waiters.set(key, {
      began: (params) => {
        outcome.suggested = String(params.suggestedFilename);
      },
      progressed: (params) => {
        const state = String(params.state);
        if (state === 'inProgress') return;
        outcome.state = state;
        resolve();
      },
    });
  });
  try {
    // The context's downloads go to this scenario's directory from now on.
    await browser.send('Browser.setDownloadBehavior', { behavior: 'allow', browserContextId, downloadPath, eventsEnabled: true });
    const page = new URL('/__page', url).href;
    const navigated = await browser.send<{ errorText?: string }>('Page.navigate', { url: page }, sessionId);
    if (navigated.errorText) throw new Error(`${page}: ${navigated.errorText}`);
    await waitForLoad(browser, sessionId, new URL(page).host);
    const click = `(() => { const a = document.createElement('a'); a.href = ${JSON.stringify(url)}; a.download = ''; document.body.append(a); a.click(); })()`;
    await browser.send('Runtime.evaluate', { expression: click, userGesture: true }, sessionId);
    await finished;
    outcome.onDisk = readdirSync(downloadPath).sort();
  } catch (error) {
    outcome.error = (error as Error).message;
  } finally {
    clearTimeout(timer);
    waiters.delete(key);
  }
  return outcome;
}

/** Waits until the page's document has a body (the fixture page is tiny and has no subresources). */
async function waitForLoad(browser: CdpBrowser, sessionId: string, host: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { result } = await browser.send<{ result: { value?: unknown } }>(
      'Runtime.evaluate',
      {
        expression: `document.readyState !== 'loading' && !!document.body && location.pathname === '/__page' && location.host === ${JSON.stringify(host)}`,
        returnByValue: true,
      },
      sessionId,
    );
    if (result.value === true) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the start page did not load');
}
