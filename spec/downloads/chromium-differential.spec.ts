// Differential check against a real Chromium: generated download responses
// (harness/arbitraries/download-names.ts: Content-Disposition forms, URL
// paths, MIME types) are served by one loopback fixture to headless Chromium,
// which downloads each as harness/chromium/download-oracle.ts describes, and
// to the target, as ses.downloadURL in a fresh partition per scenario; the
// target's item.getFilename() must be Chromium's name for it.
//
// Which name is Electron's: getFilename() is
// net::GenerateFileName(url, Content-Disposition, "", the item's suggested
// name, its MIME type, "download"), as a display string
// (shell/browser/api/electron_api_download_item.cc), the name Electron's
// download manager delegate saves under as well. With 'allow' downloads,
// DevTools' download delegate makes exactly that call and saves to the result
// as is, so the name on disk is Electron's name; Browser.downloadWillBegin's
// suggestedFilename is net::GetSuggestedFilename with the same arguments (the
// same generator before the conversion to the locale's encoding, UTF-8 here),
// and the oracle must report the two alike. A name the file system refuses
// (over 255 bytes) leaves no file: then the suggested name is compared. A
// response Chromium refuses (conflicting Content-Disposition values, as when
// an unquoted comma splits the header) leaves no file either: then the
// target's item must start interrupted, and the names (from the URL) agree.
// What Chrome's own download path adds on top (DownloadTargetDeterminer:
// " (1)" uniquification, truncation of long names, the dangerous-file
// prompt, `.crdownload` while in progress) is neither in Electron's
// getFilename nor in DevTools' delegate, so nothing here excludes it.
// A link with an empty `download` attribute starts Chromium's download, so
// the item's own suggested name is empty, as it is for ses.downloadURL.
//
// The batch is fixed by DOWNLOAD_DIFFERENTIAL_SEED and its size by
// DOWNLOAD_DIFFERENTIAL_CASES (a small batch by default, so CI stays quick);
// DOWNLOAD_DIFFERENTIAL_DUMP=<file> keeps every disagreement.
//
// Extensions from the MIME type come, in Chromium, from its built-in tables
// and the platform's MIME database in between; the reference reads the
// built-in tables only. The generator keeps to types the platform does not
// decide (see its header), so the machine's database does not show here.
//
// A third of the scenarios leave the type to MIME sniffing (no, empty,
// unknown or unparsable Content-Type, text/plain, octet-stream, XML, Office
// types, each with a body the sniffer reads: text, binary, magic numbers).
// DevTools reports no download's sniffed type (Browser.downloadWillBegin has
// none and no Network event is sent for it), so getMimeType is not compared;
// the extension the name gets from the sniffed type is.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../harness/api/harness-error.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { downloadScenarios } from '../../harness/arbitraries/download-names.ts';
import { downloadsWithChromium, type DownloadOutcome } from '../../harness/chromium/download-oracle.ts';
import { findChromium } from '../../harness/chromium/find-chromium.ts';
import { freshSession, until, urlDownload, useHeaderScenarioTarget } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.getFilename', 'ses.downloadURL'],
  eras: 'current',
  requires: ['chromium', 'network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary: 'Generated download responses get exactly the file name a real Chromium generates for them.',
});

const SEED = Number(process.env.DOWNLOAD_DIFFERENTIAL_SEED ?? 2026);
const CASES = Number(process.env.DOWNLOAD_DIFFERENTIAL_CASES ?? 8);
const scenarios = downloadScenarios(SEED, CASES);
const { t, server } = useHeaderScenarioTarget(meta, (fixture) => {
  for (const [i, scenario] of scenarios.entries()) fixture.define(`s${i}`, scenario);
});

function executable(): string {
  const path = findChromium();
  if (!path) throw new HarnessError('the target claims the chromium capability but no Chromium binary was found');
  return path;
}

/** Linux's NAME_MAX: a longer name cannot be created, so no file shows Chromium's name. */
const NAME_MAX_BYTES = 255;

/**
 * Chromium's name for a scenario: the file on disk, or the suggested name
 * where none could be written; `failed` when the request itself failed (no
 * file, though the name would fit), where the target's item must start
 * interrupted.
 */
function chromiumName(outcome: DownloadOutcome): { name?: string; failed?: boolean; problem?: string } {
  if (outcome.error || outcome.suggested === undefined) return { problem: outcome.error ?? `no download (${outcome.state})` };
  if (Buffer.byteLength(outcome.suggested) > NAME_MAX_BYTES) return { name: outcome.suggested };
  if (outcome.state === 'canceled' && outcome.onDisk.length === 0) return { name: outcome.suggested, failed: true };
  if (outcome.state !== 'completed' || outcome.onDisk.length !== 1)
    return { problem: `download ${outcome.state}, on disk: ${JSON.stringify(outcome.onDisk)}` };
  if (outcome.onDisk[0] !== outcome.suggested)
    return { problem: `suggested ${JSON.stringify(outcome.suggested)} but saved as ${JSON.stringify(outcome.onDisk[0])}` };
  return { name: outcome.onDisk[0] };
}

/**
 * The target's name for a download of `url`, saved to `file`, and whether
 * its request failed: the item turns 'interrupted' (an 'updated' state while
 * it may resume, as Electron reports it, or its 'done' state).
 */
async function targetName(url: string, file: string): Promise<{ name: string; failed: boolean }> {
  let name = '';
  const started = await urlDownload(freshSession(t, 'download-differential'), url, ({ item }) => {
    name = String(item.getFilename());
    item.setSavePath(file);
  });
  const interrupted = until(() => started.updates.includes('interrupted'), `${url} ending`).then(() => 'interrupted');
  const state = await Promise.race([started.done, interrupted]);
  if (!started.dones.length) {
    started.item.cancel();
    await started.done;
  }
  return { name, failed: state === 'interrupted' };
}

interface Disagreement {
  scenario: number;
  input: unknown;
  url: string;
  chromium?: string;
  target?: string;
  problem?: string;
}

describe('differential check against Chromium', () => {
  it(
    'names generated downloads as Chromium does',
    async () => {
      const urls = scenarios.map((s, i) => `http://s${i}.${s.host}:${server().port}${s.path}`);
      const chromiumStarted = Date.now();
      const chromium = await downloadsWithChromium(urls, { executable: executable() });
      const chromiumMs = Date.now() - chromiumStarted;
      const targetStarted = Date.now();
      const saveDir = await t.tempDir();
      const disagreements: Disagreement[] = [];
      for (const [i, scenario] of scenarios.entries()) {
        const expected = chromiumName(chromium[i]!);
        const base = { scenario: i, input: scenario, url: urls[i]! };
        if (expected.problem) {
          disagreements.push({ ...base, problem: `Chromium: ${expected.problem}` });
          continue;
        }
        let actual: { name: string; failed: boolean };
        try {
          actual = await targetName(urls[i]!, path.join(saveDir, `${i}.bin`));
        } catch (error) {
          disagreements.push({ ...base, chromium: expected.name, problem: `target: ${(error as Error).message}` });
          continue;
        }
        if (actual.name !== expected.name || actual.failed !== (expected.failed === true))
          disagreements.push({
            ...base,
            chromium: `${expected.name}${expected.failed ? ' (request failed)' : ''}`,
            target: `${actual.name}${actual.failed ? ' (request failed)' : ''}`,
          });
      }
      const agreed = scenarios.length - disagreements.length;
      const summary = `seed ${SEED}: ${agreed}/${scenarios.length} downloads named alike (replay with DOWNLOAD_DIFFERENTIAL_SEED=${SEED} DOWNLOAD_DIFFERENTIAL_CASES=${CASES})`;
      console.log(`download differential: ${summary} (Chromium ${chromiumMs} ms, target ${Date.now() - targetStarted} ms)`);
      if (process.env.DOWNLOAD_DIFFERENTIAL_DUMP)
        writeFileSync(process.env.DOWNLOAD_DIFFERENTIAL_DUMP, JSON.stringify({ summary, disagreements }, null, 1));
      expect(disagreements, summary).toEqual([]);
    },
    Math.max(120_000, CASES * 1_500),
  );
});
