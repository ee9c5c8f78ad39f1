// Net logs and the app's lifetime: launched with --log-net-log=<file>, the
// app logs its sessions' traffic from the start and the file is a complete
// NetLog JSON once the app has quit, whatever ses.netLog did meanwhile; a
// ses.netLog capture still running at quit is finished by the quit.

import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';

export const meta = defineSpec({
  members: ['ses.netLog'],
  eras: '>=e9',
  requires: ['network', 'net-log', 'restart'],
  level: 'must',
  basis: 'electron',
  summary: '--log-net-log logs from launch to quit into a complete file; a capture left running is finished when the app quits.',
});

// The switch's file must be named before the target launches.
const dir = mkdtempSync(path.join(os.tmpdir(), 'net-log-lifetime-'));
const switchFile = path.join(dir, 'switch.json');
const t = useTarget(meta, { switches: { 'log-net-log': switchFile } });
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const server = useHttpServer();

/** The URLs of the requests a NetLog file recorded (REQUEST_ALIVE begin params). */
function loggedUrls(file: string): string[] {
  const log = JSON.parse(readFileSync(file, 'utf8')) as { constants: object; events: { params?: { url?: string } }[] };
  expect(typeof log.constants).toBe('object');
  return log.events.map((e) => e.params?.url).filter((u): u is string => typeof u === 'string');
}

const visit = (partition: string, pathAndQuery: string) =>
  t.driver.page.fetch({ session: t.session.fromPartition(partition), url: `${server.url}${pathAndQuery.slice(1)}` });

describe('net logs across the app lifetime', () => {
  it('logs from launch with --log-net-log, next to ses.netLog captures, and every file is complete after the app quits', async () => {
    const dynamic = path.join(dir, 'dynamic.json');
    const left = path.join(dir, 'left-running.json');
    expect((await visit('nl-switch', '/echo?before-capture')).status).toBe(200);
    const ses = t.session.fromPartition('nl-switch');
    await ses.netLog.startLogging(dynamic);
    expect((await visit('nl-switch', '/echo?during-capture')).status).toBe(200);
    await ses.netLog.stopLogging();
    const other = t.session.fromPartition('nl-left');
    await other.netLog.startLogging(left);
    expect((await visit('nl-left', '/echo?left-running')).status).toBe(200);

    await t.target.restart();

    expect(loggedUrls(switchFile)).toEqual(
      expect.arrayContaining([
        `${server.url}echo?before-capture`,
        `${server.url}echo?during-capture`,
        `${server.url}echo?left-running`,
      ]),
    );
    const captured = loggedUrls(dynamic);
    expect(captured).toContain(`${server.url}echo?during-capture`);
    expect(captured).not.toContain(`${server.url}echo?before-capture`);
    expect(loggedUrls(left)).toContain(`${server.url}echo?left-running`);
  });
});
