// ses.netLog: startLogging(path[, { captureMode, maxFileSize }]),
// stopLogging(), currentlyLogging. The file is a Chromium NetLog JSON that
// Chromium's netlog viewer accepts (the checks below are the viewer's load
// checks), it records the session's requests, hides cookies and
// credentials unless asked, includes socket bytes only for 'everything',
// stays within maxFileSize, and misuse throws Electron's errors.

import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.netLog'],
  eras: '>=e9',
  requires: ['network', 'net-log'],
  level: 'must',
  basis: 'electron',
  summary:
    "Writes the session's requests as a Chromium NetLog JSON; capture modes and maxFileSize honoured; Electron's argument errors.",
});

const t = useTarget(meta);

interface NetLog {
  startLogging(path: unknown, options?: unknown): Promise<void>;
  stopLogging(): Promise<string | void>;
  readonly currentlyLogging: boolean;
}

interface NetLogEvent {
  type: number;
  phase: number;
  time: string;
  source: { id: number; type: number; start_time: string };
  params?: Record<string, unknown>;
}

interface NetLogFile {
  constants: Record<string, unknown> & {
    logEventTypes: Record<string, number>;
    logSourceType: Record<string, number>;
    logEventPhase: Record<string, number>;
  };
  events: NetLogEvent[];
  polledData?: unknown;
}

let http: FixtureServer;

beforeAll(async () => {
  http = await startHttpServer();
});

afterAll(async () => {
  await http?.close();
});

const netLogOf = (partition: string) => (t.session.fromPartition(partition) as unknown as { netLog: NetLog }).netLog;
const page = (partition: string, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url, ...init });

async function logOf(
  partition: string,
  options: unknown,
  traffic: () => Promise<unknown>,
): Promise<{ file: string; text: string; log: NetLogFile }> {
  const file = path.join(await t.tempDir(), 'net-log.json');
  const netLog = netLogOf(partition);
  await netLog.startLogging(file, options);
  await traffic();
  await netLog.stopLogging();
  const text = await readFile(file, 'utf8');
  return { file, text, log: JSON.parse(text) as NetLogFile };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const errorClass = () => (t.era === 'e9' ? Error : TypeError);

describe('ses.netLog', () => {
  it('starts, reports currentlyLogging, and stops into the file', async () => {
    const netLog = netLogOf('nl-basic');
    const file = path.join(await t.tempDir(), 'basic.json');
    expect(netLog.currentlyLogging).toBe(false);
    expect(await netLog.startLogging(file)).toBeUndefined();
    expect(netLog.currentlyLogging).toBe(true);
    await page('nl-basic', `${http.url}echo?logged`);
    const stopped = await netLog.stopLogging();
    expect(stopped).toBe(t.era === 'e9' ? file : undefined);
    expect(netLog.currentlyLogging).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it("writes a NetLog JSON that passes the Chromium netlog viewer's load checks", async () => {
    const { log } = await logOf('nl-viewer', undefined, () => page('nl-viewer', `${http.url}echo?viewer`));
    const c = log.constants;
    for (const key of [
      'logEventTypes',
      'clientInfo',
      'logEventPhase',
      'logSourceType',
      'loadFlag',
      'netError',
      'addressFamily',
    ]) {
      expect(typeof c[key], key).toBe('object');
    }
    expect(c.logFormatVersion).toBe(1);
    expect(Number.isNaN(parseInt(String(c.timeTickOffset), 10))).toBe(false);
    expect(Array.isArray(log.events)).toBe(true);
    expect(log.events.length).toBeGreaterThan(0);
    const types = new Set(Object.values(c.logEventTypes));
    const sources = new Set(Object.values(c.logSourceType));
    const phases = new Set(Object.values(c.logEventPhase));
    for (const event of log.events) {
      expect(typeof event.source).toBe('object');
      expect(typeof event.time).toBe('string');
      expect(types.has(event.type)).toBe(true);
      expect(sources.has(event.source.type)).toBe(true);
      expect(phases.has(event.phase)).toBe(true);
    }
  });

  it("records the session's requests", async () => {
    const url = `${http.url}echo?recorded=yes`;
    const { log } = await logOf('nl-requests', undefined, () => page('nl-requests', url));
    const requestType = log.constants.logEventTypes.REQUEST_ALIVE;
    expect(log.events.some((e) => e.type === requestType && e.params?.url === url)).toBe(true);
  });

  it("hides cookies and credentials in the default capture mode, and shows them with 'includeSensitive'", async () => {
    const secret = `secret-${Date.now()}`;
    const traffic = (partition: string) => () =>
      page(partition, `${http.url}echo?sensitive`, { headers: { cookie: `token=${secret}`, authorization: `Bearer ${secret}` } });
    const plain = await logOf('nl-default', { captureMode: 'default' }, traffic('nl-default'));
    expect(plain.text).not.toContain(secret);
    expect(plain.text).toMatch(/bytes were stripped/);
    const sensitive = await logOf('nl-sensitive', { captureMode: 'includeSensitive' }, traffic('nl-sensitive'));
    expect(sensitive.text).toContain(`token=${secret}`);
  });

  it("includes the bytes sent on sockets only with 'everything'", async () => {
    const marker = `body-${Date.now()}`;
    const bytesIn = (log: NetLogFile) =>
      log.events.some((e) => typeof e.params?.bytes === 'string' && Buffer.from(e.params.bytes, 'base64').includes(marker));
    const traffic = (partition: string) => () => page(partition, `${http.url}echo?bytes`, { method: 'POST', body: marker });
    expect(bytesIn((await logOf('nl-everything', { captureMode: 'everything' }, traffic('nl-everything'))).log)).toBe(true);
    expect(bytesIn((await logOf('nl-no-bytes', { captureMode: 'includeSensitive' }, traffic('nl-no-bytes'))).log)).toBe(false);
  });

  it('keeps the recorded events within maxFileSize', async () => {
    const traffic = (partition: string) => async () => {
      for (let i = 0; i < 5; i++) await page(partition, `${http.url}echo?bounded=${i}`);
    };
    const bounded = await logOf('nl-bounded', { maxFileSize: 3000 }, traffic('nl-bounded'));
    const unbounded = await logOf('nl-unbounded', {}, traffic('nl-unbounded'));
    const eventBytes = bounded.log.events.map((e) => Buffer.byteLength(JSON.stringify(e))).reduce((a, b) => a + b + 2, 0);
    expect(eventBytes).toBeLessThanOrEqual(3000 + 2);
    expect(bounded.log.events.length).toBeLessThan(unbounded.log.events.length);
  });

  it('gives each session its own NetLog object', async () => {
    const a = netLogOf('nl-own-a');
    expect(netLogOf('nl-own-a')).toBe(a);
    expect(netLogOf('nl-own-b')).not.toBe(a);
    const file = path.join(await t.tempDir(), 'own.json');
    await a.startLogging(file);
    try {
      expect(netLogOf('nl-own-b').currentlyLogging).toBe(false);
    } finally {
      await a.stopLogging();
    }
  });

  it("rejects an empty or null path with 'The first parameter must be a valid string'", () => {
    for (const bad of ['', null]) {
      const error = thrown(() => netLogOf('nl-errors').startLogging(bad));
      expect(error.message).toBe('The first parameter must be a valid string');
      expect(error.constructor).toBe(errorClass());
    }
  });

  it('throws a conversion TypeError for a path that is not a string, and insufficient arguments for none', () => {
    for (const bad of [42, [], {}]) {
      expect(() => netLogOf('nl-errors').startLogging(bad)).toThrow(TypeError);
      expect(() => netLogOf('nl-errors').startLogging(bad)).toThrow(
        /^Error processing argument at index 0, conversion failure from/,
      );
    }
    expect(() => (netLogOf('nl-errors').startLogging as () => unknown)()).toThrow('Insufficient number of arguments.');
  });

  it('rejects captureMode and maxFileSize values it cannot use', () => {
    for (const options of [{ captureMode: 'aoeu' }, { captureMode: undefined }, { captureMode: 1 }]) {
      const error = thrown(() => netLogOf('nl-errors').startLogging('/tmp/never.json', options));
      expect(error.message).toBe('Invalid value for captureMode');
      expect(error.constructor).toBe(errorClass());
    }
    for (const options of [{ maxFileSize: null }, { maxFileSize: '1000' }]) {
      expect(thrown(() => netLogOf('nl-errors').startLogging('/tmp/never.json', options)).message).toBe(
        'Invalid value for maxFileSize',
      );
    }
    expect(netLogOf('nl-errors').currentlyLogging).toBe(false);
  });

  it("refuses a second start with 'There is already a net log running'", async () => {
    const netLog = netLogOf('nl-twice');
    const dir = await t.tempDir();
    await netLog.startLogging(path.join(dir, 'first.json'));
    try {
      const error = thrown(() => netLog.startLogging(path.join(dir, 'second.json')));
      expect(error.message).toBe('There is already a net log running');
      expect(error.constructor).toBe(errorClass());
    } finally {
      await netLog.stopLogging();
    }
    expect(existsSync(path.join(dir, 'second.json'))).toBe(false);
  });

  it("rejects stopLogging() without a log with 'No net log in progress'", async () => {
    await expect(netLogOf('nl-idle').stopLogging()).rejects.toThrow('No net log in progress');
  });

  it('rejects startLogging when the file cannot be created', async () => {
    const file = path.join(await t.tempDir(), 'missing-dir', 'log.json');
    await expect(netLogOf('nl-nodir').startLogging(file)).rejects.toThrow('FILE_ERROR_NOT_FOUND');
    expect(netLogOf('nl-nodir').currentlyLogging).toBe(false);
  });

  it('rejects startLogging on a directory, or below a file, with the error opening it gives', async () => {
    const dir = await t.tempDir();
    await expect(netLogOf('nl-isdir').startLogging(dir)).rejects.toThrow('FILE_ERROR_ACCESS_DENIED');
    expect(netLogOf('nl-isdir').currentlyLogging).toBe(false);
    const file = path.join(dir, 'plain-file');
    await writeFile(file, 'x');
    await expect(netLogOf('nl-notdir').startLogging(path.join(file, 'log.json'))).rejects.toThrow('FILE_ERROR_NOT_A_DIRECTORY');
  });

  it('resolves stopLogging even when the log can no longer be written where it was started', async () => {
    const file = path.join(await t.tempDir(), 'replaced.json');
    const netLog = netLogOf('nl-replaced');
    await netLog.startLogging(file);
    await rm(file, { force: true });
    await mkdir(file);
    await expect(netLog.stopLogging()).resolves.toBe(t.era === 'e9' ? file : undefined);
    expect(netLog.currentlyLogging).toBe(false);
  });
});
