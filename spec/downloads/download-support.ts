// Helpers the download specs share, public API only: a fresh session, a
// download started by a page's navigation (every era) or by downloadURL (9+),
// the item 'will-download' hands out with its 'updated' states and its 'done'
// state recorded from the listener on, the common shapes of a download (read
// and cancelled in the listener; held after its first bytes), the save
// dialogs shown, and the files a directory holds.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { SpecMeta } from '../../harness/api/spec-meta.ts';
import { type SpecHandle, useTarget } from '../../harness/api/spec-runtime.ts';
import {
  type DownloadHeaderServer,
  type HeaderScenario,
  startDownloadHeaderServer,
} from '../../fixtures/servers/download-header-server.ts';
import { uniquePartition } from '../support/partitions.ts';
import { until } from '../support/requests.ts';

export { failureOf, thrown, until } from '../support/requests.ts';

type Fn = (...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => void;

/** Every DownloadItem method some era binds. */
export const ITEM_METHODS = [
  'pause',
  'isPaused',
  'resume',
  'canResume',
  'cancel',
  'getReceivedBytes',
  'getTotalBytes',
  'getPercentComplete',
  'getCurrentBytesPerSecond',
  'getMimeType',
  'hasUserGesture',
  'getFilename',
  'getContentDisposition',
  'getURL',
  'getURLChain',
  'getState',
  'isDone',
  'getLastModifiedTime',
  'getETag',
  'getStartTime',
  'getEndTime',
  'setSavePath',
  'getSavePath',
  'setSaveDialogOptions',
  'getSaveDialogOptions',
] as const;

/** A DownloadItem as specs use it, loose enough to call with bad arguments. */
export type Item = { [K in (typeof ITEM_METHODS)[number]]: Fn } & {
  on(event: string, listener: Listener): unknown;
  savePath?: unknown;
};

/** A Session as download specs use it. */
export type Session = {
  downloadURL: Fn;
  createInterruptedDownload: Fn;
  setDownloadPath: Fn;
  once(event: string, listener: Listener): unknown;
  on(event: string, listener: Listener): unknown;
  removeListener(event: string, listener: Listener): unknown;
  webRequest: Record<string, Fn>;
  cookies: Record<string, Fn>;
};

export interface Started {
  event: { preventDefault(): void; defaultPrevented?: boolean };
  item: Item;
  webContents: unknown;
  /** 'updated' states, in order, from the will-download listener on. */
  updates: string[];
  /** 'done' states (one, normally). */
  dones: string[];
  /** Resolves with the first 'done' state. */
  done: Promise<string>;
  /**
   * What the item's getters answered inside the first 'done' listener (in
   * 1.x and 9 the item is destroyed a task later); a getter that threw holds
   * its Error.
   */
  atDone: Record<string, unknown>;
}

/** Getters read inside 'done', where the era has them. */
const SNAPSHOT = [
  'getState',
  'isDone',
  'getURL',
  'getURLChain',
  'getReceivedBytes',
  'getTotalBytes',
  'getMimeType',
  'getFilename',
  'getContentDisposition',
  'getETag',
  'getLastModifiedTime',
  'getStartTime',
  'getSavePath',
  'canResume',
  'isPaused',
  'getEndTime',
  'getPercentComplete',
  'getCurrentBytesPerSecond',
] as const;

function snapshot(item: Item): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of SNAPSHOT) {
    if (typeof item[name] !== 'function') continue;
    try {
      values[name] = item[name]();
    } catch (error) {
      values[name] = error;
    }
  }
  return values;
}

export function freshSession(t: SpecHandle, label = 'downloads'): Session {
  return t.session.fromPartition(uniquePartition(label)) as unknown as Session;
}

/**
 * Resolves with the next download of `session`. `inListener` runs inside the
 * will-download listener (set the save path there, or prevent the default).
 */
export function nextDownload(session: Session, inListener?: (started: Started) => void): Promise<Started> {
  return new Promise((resolve) => {
    session.once('will-download', (event: unknown, item: unknown, webContents: unknown) => {
      const updates: string[] = [];
      const dones: string[] = [];
      let settle!: (state: string) => void;
      const done = new Promise<string>((r) => (settle = r));
      const it = item as Item;
      const atDone: Record<string, unknown> = {};
      it.on('updated', (_e: unknown, state: unknown) => updates.push(String(state)));
      it.on('done', (_e: unknown, state: unknown) => {
        if (!dones.length) Object.assign(atDone, snapshot(it));
        dones.push(String(state));
        settle(String(state));
      });
      const started: Started = { event: event as Started['event'], item: it, webContents, updates, dones, done, atDone };
      inListener?.(started);
      resolve(started);
    });
  });
}

/** A page of `session` navigates to `url`, which must become a download. */
export async function navigateDownload(
  t: SpecHandle,
  session: Session,
  url: string,
  inListener?: (started: Started) => void,
  hasUserGesture?: boolean,
): Promise<Started> {
  const next = nextDownload(session, inListener);
  const { download } = await t.driver.downloads.navigate({
    session,
    url,
    ...(hasUserGesture === undefined ? {} : { hasUserGesture }),
  });
  if (!download) throw new Error(`navigating to ${url} did not download`);
  return next;
}

/** ses.downloadURL(url[, options]) and the item it gives. */
export function urlDownload(
  session: Session,
  url: string,
  inListener?: (started: Started) => void,
  ...rest: unknown[]
): Promise<Started> {
  const next = nextDownload(session, inListener);
  session.downloadURL(url, ...rest);
  return next;
}

let scenarios = 0;

/**
 * The target of a spec file whose downloads come from the raw-header fixture
 * (exact header and body bytes): the fixture starts before the target, every
 * host name maps to it (each scenario is a host of its own), and it closes
 * after the file. `define` adds scenarios before the target launches.
 */
export function useHeaderScenarioTarget(
  meta: SpecMeta,
  define?: (server: DownloadHeaderServer) => void,
): { t: SpecHandle; server: () => DownloadHeaderServer } {
  let server: DownloadHeaderServer | undefined;
  const t = useTarget(meta, {
    prepare: async () => {
      server = await startDownloadHeaderServer();
      define?.(server);
      return { switches: { 'host-resolver-rules': 'MAP * 127.0.0.1' } };
    },
  });
  afterAll(() => server?.close());
  return { t, server: () => server! };
}

/**
 * ses.downloadURL of `path` on a host of its own that the raw-header fixture
 * answers as `scenario` says (the target maps every name to loopback), in a
 * fresh session; `inListener` reads the item in 'will-download'.
 */
export function scenarioDownload(
  t: SpecHandle,
  server: DownloadHeaderServer,
  scenario: HeaderScenario,
  path: string,
  inListener: (started: Started & { key: string }) => void,
): Promise<Started> {
  const key = `h${++scenarios}`;
  server.define(key, scenario);
  const url = `http://${key}.files.test:${server.port}${path}`;
  return urlDownload(freshSession(t, 'header-scenarios'), url, (started) => inListener({ ...started, key }));
}

/**
 * A download of `url` by a page of a fresh session whose 'will-download'
 * listener runs `read` on the item (where the getters answer before the
 * download goes on) and cancels it; resolves once the item is done, with what
 * `read` returned and the download.
 */
export async function readAndCancel<T = undefined>(
  t: SpecHandle,
  url: string,
  read?: (item: Item) => T,
  hasUserGesture?: boolean,
): Promise<{ value: T; started: Started }> {
  let value!: T;
  const started = await navigateDownload(
    t,
    freshSession(t),
    url,
    ({ item }) => {
      if (read) value = read(item);
      item.cancel();
    },
    hasUserGesture,
  );
  await started.done;
  return { value, started };
}

let gates = 0;

/**
 * A download of `file?${query}` on the downloads fixture `server` by a page of
 * a fresh session, saved into a new directory, once its first `first` bytes
 * are in: the server holds the rest back until `gate` is released.
 */
export async function heldDownload(
  t: SpecHandle,
  server: { url: string },
  query: string,
  first: number,
): Promise<{ started: Started; gate: string; dir: string; file: string }> {
  const gate = `held-${++gates}`;
  const dir = await t.tempDir();
  const file = path.join(dir, 'held.bin');
  const url = `${server.url}file?${query}&first=${first}&gate=${gate}`;
  const started = await navigateDownload(t, freshSession(t), url, saveTo(file));
  await until(() => started.item.getReceivedBytes() === first, `the first ${first} bytes`);
  return { started, gate, dir, file };
}

/** Sets the save path in the listener: the file goes straight there, no dialog. */
export function saveTo(file: string): (started: Started) => void {
  return ({ item }) => {
    item.setSavePath(file);
  };
}

export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export async function contentOf(file: string): Promise<Buffer> {
  return readFile(file);
}

/** The save dialogs `session` has opened, once there are at least `count` (the driver's downloads.saveDialogs). */
export async function dialogsShown(t: SpecHandle, session: Session, count = 1): Promise<Record<string, unknown>[]> {
  let shown: Record<string, unknown>[] = [];
  await until(async () => {
    shown = (await t.driver.downloads.saveDialogs({ session })).shown;
    return shown.length >= count;
  }, `save dialog ${count}`);
  return shown;
}
