// Asks a real Chromium where its --host-resolver-rules send requests. The
// switch is read once per process, so each rule list gets a browser of its
// own; the probe URLs are then fetched all at once (no-cors, no cache) from
// an about:blank page, which is much quicker than one navigation each and
// goes through the same host resolver. Which loopback listener (if any)
// received each request is for the caller's fixtures to say: this only loads
// the URLs and reports each fetch's outcome. Background networking is off
// (cdp-pipe.ts), and the caller's probe paths tell its requests from any the
// browser makes by itself. A name no rule maps goes to DNS: where the
// machine allows it (root, mount namespaces), the browser gets a
// resolv.conf of its own naming a loopback port nothing answers on, so such
// a lookup fails at once and never leaves the machine (the machine's DNS
// server may take seconds to answer a .test name, or drop the query).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';

export interface ProbeOutcome {
  url: string;
  /** The fetch's rejection ("TypeError: Failed to fetch"), or 'timeout' when it had not settled in time. */
  errorText?: string;
}

export interface HostRulesOracleOptions {
  executable: string;
  /** How long the page waits for its fetches before giving up on the rest (10 s by default). */
  settleMs?: number;
}

const NO_UPGRADES = '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForTypicallySecureUsers';

let privateMounts: boolean | undefined;

/** Whether the browser can run with a resolv.conf of its own (root, and a container that allows mount namespaces). */
export function canPrivateResolvConf(): boolean {
  privateMounts ??=
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    spawnSync('unshare', ['-m', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return privateMounts;
}

function fetchScript(urls: string[], settleMs: number): string {
  return `(async (urls, wait) => {
    const outcomes = urls.map(() => 'timeout');
    const done = urls.map((u, i) =>
      fetch(u, { mode: 'no-cors', cache: 'no-store' }).then(
        (r) => r.arrayBuffer().then(() => { outcomes[i] = ''; }, () => { outcomes[i] = ''; }),
        (e) => { outcomes[i] = String(e); },
      ));
    await Promise.race([Promise.all(done), new Promise((r) => setTimeout(r, wait))]);
    return outcomes;
  })(${JSON.stringify(urls)}, ${settleMs})`;
}

/** Launches Chromium with `--host-resolver-rules=<rules>` and fetches every URL from one page. */
export async function fetchWithHostRules(
  rules: string,
  urls: string[],
  options: HostRulesOracleOptions,
): Promise<ProbeOutcome[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'host-rules-oracle-'));
  try {
    let resolvConf: string | undefined;
    if (canPrivateResolvConf()) {
      resolvConf = path.join(dir, 'resolv.conf');
      writeFileSync(resolvConf, 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
    }
    const browser = await CdpBrowser.launch({
      executable: options.executable,
      userDataDir: path.join(dir, 'profile'),
      isolateNetwork: false,
      ...(resolvConf ? { resolvConf } : {}),
      args: [`--host-resolver-rules=${rules}`, NO_UPGRADES],
    });
    try {
      const { sessionId } = await browser.openPage();
      const answer = await browser.send<{ result: { value: string[] }; exceptionDetails?: unknown }>(
        'Runtime.evaluate',
        { expression: fetchScript(urls, options.settleMs ?? 10_000), awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (answer.exceptionDetails) throw new Error(`the probe page failed: ${JSON.stringify(answer.exceptionDetails)}`);
      return urls.map((url, i) => (answer.result.value[i] ? { url, errorText: answer.result.value[i] } : { url }));
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
