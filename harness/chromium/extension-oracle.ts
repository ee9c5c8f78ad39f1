// Asks a real Chromium what its unpacked loader makes of extension folders:
// DevTools' Extensions.loadUnpacked (allowed with
// --enable-unsafe-extension-debugging over a pipe connection) runs Chrome's
// UnpackedInstaller on the folder and answers with the id, or fails with the
// loader's message. Install warnings are read from the chrome://extensions
// page: with developer mode on, Chrome's error console keeps each install
// warning as a MANIFEST error of the extension, which
// chrome.developerPrivate.getExtensionsInfo reports in order. Manifest V2 is
// refused outright by current Chrome; the features that refuse it are turned
// off, as Electron never refuses it.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CdpBrowser } from './cdp-pipe.ts';

export type ChromiumLoad = { ok: true; id: string; warnings: string[] } | { ok: false; error: string };

export interface ExtensionOracleOptions {
  executable: string;
}

export const CHROMIUM_EXTENSION_ARGS = [
  '--enable-unsafe-extension-debugging',
  '--disable-features=ExtensionManifestV2Disabled,ExtensionManifestV2Unsupported',
];

interface ManifestError {
  type: string;
  message: string;
}

/**
 * Evaluates a promise-valued expression in the chrome://extensions page and
 * returns its JSON value; tried again while the page is still replacing the
 * blank document it opened with (its first context goes away).
 */
async function evaluate<T>(browser: CdpBrowser, sessionId: string, expression: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await browser.send<{ result: { value?: unknown }; exceptionDetails?: { text: string } }>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (answer.exceptionDetails) throw new Error(`chrome://extensions: ${answer.exceptionDetails.text}`);
      return answer.result.value as T;
    } catch (error) {
      if (attempt >= 20 || !/context was destroyed|Cannot find context/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Loads each folder (absolute, already resolved) in turn and records what Chromium made of it. */
export async function loadWithChromium(folders: string[], options: ExtensionOracleOptions): Promise<ChromiumLoad[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'extension-oracle-'));
  const browser = await CdpBrowser.launch({
    executable: options.executable,
    userDataDir: dir,
    isolateNetwork: false,
    args: CHROMIUM_EXTENSION_ARGS,
  });
  try {
    const { sessionId } = await browser.openPage('chrome://extensions');
    await evaluate(
      browser,
      sessionId,
      `new Promise((resolve) => { const go = () => chrome.developerPrivate ? chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }).then(() => resolve(true)) : setTimeout(go, 20); go(); })`,
    );
    // Loaded extensions stay loaded (every folder has an id of its own); their
    // warnings are read in one go at the end.
    const outcomes: ({ id: string } | { error: string })[] = [];
    for (const folder of folders) {
      try {
        outcomes.push(await browser.send<{ id: string }>('Extensions.loadUnpacked', { path: folder }));
      } catch (error) {
        outcomes.push({ error: (error as Error).message });
      }
    }
    const infos = await evaluate<{ id: string; manifestErrors: ManifestError[] }[]>(
      browser,
      sessionId,
      'chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true }).then((all) => all.map(({ id, manifestErrors }) => ({ id, manifestErrors })))',
    );
    const warnings = new Map(infos.map((info) => [info.id, info.manifestErrors.filter((e) => e.type === 'MANIFEST')]));
    return outcomes.map((outcome): ChromiumLoad => {
      if ('error' in outcome) return { ok: false, error: outcome.error };
      return { ok: true, id: outcome.id, warnings: (warnings.get(outcome.id) ?? []).map((e) => e.message) };
    });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
