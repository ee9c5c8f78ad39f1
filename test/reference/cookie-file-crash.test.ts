// Crash safety of the cookie file: a real child process writing cookie
// states in a loop is killed (SIGKILL) while a write is under way, either a
// few milliseconds after it announced the write or as soon as the write
// touches the directory (a temp file appears, or the file itself changes);
// the file must then hold the state before that write or the state it was
// writing, complete, never a torn mix. Temp files the killed writer left are
// removed when the file is opened again. (A writer that rewrites the file in
// place fails this test: the kill lands while the file is half written.)

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CookieFile } from '../../reference/cookies/cookie-file.ts';

const WRITER = fileURLToPath(new URL('./helpers/cookie-file-writer.ts', import.meta.url));
const BASE = 40_000;
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Trigger = { kind: 'after-announce'; delayMs: number } | { kind: 'first-file-event' };

/** Runs the writer until write number `target` is under way, kills it; returns the last write it finished. */
function killDuringWrite(dir: string, target: number, trigger: Trigger): Promise<number> {
  const file = path.join(dir, 'Cookies.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let finished = 0;
    let writing = 0;
    let buffered = '';
    const watcher = watch(dir, () => {
      if (trigger.kind === 'first-file-event' && writing === target) child.kill('SIGKILL');
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const [word, n] = buffered.slice(0, newline).split(' ');
        buffered = buffered.slice(newline + 1);
        if (word === 'wrote') finished = Number(n);
        if (word === 'writing') writing = Number(n);
        if (word === 'writing' && writing === target && trigger.kind === 'after-announce') {
          setTimeout(() => child.kill('SIGKILL'), trigger.delayMs);
        }
        // A trigger that never fires must not leave the writer running.
        if (writing > target + 1) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      if (signal !== 'SIGKILL') reject(new Error(`writer exited without being killed (${signal})`));
      else resolve(finished);
    });
  });
}

describe('cookie file under a killed writer', () => {
  const rounds: [number, Trigger][] = [
    [1, { kind: 'after-announce', delayMs: 0 }],
    [2, { kind: 'after-announce', delayMs: 5 }],
    [2, { kind: 'first-file-event' }],
    [3, { kind: 'first-file-event' }],
  ];

  for (const [target, trigger] of rounds) {
    it(`holds a complete old or new state when killed during write ${target} (${trigger.kind})`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cookie-crash-'));
      dirs.push(dir);
      const finished = await killDuringWrite(dir, target, trigger);
      const cookieFile = new CookieFile(path.join(dir, 'Cookies.json'));
      // Opening the file removes the temp files of the killed writer.
      const cookies = cookieFile.read();
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      if (!existsSync(cookieFile.path)) {
        expect(finished).toBe(0);
        expect(cookies).toEqual([]);
        return;
      }
      const values = new Set(cookies.map((c) => c.value));
      expect(values.size).toBe(1);
      const state = Number([...values][0]!.slice('state-'.length));
      expect([finished, finished + 1]).toContain(state);
      expect(cookies).toHaveLength(BASE + state);
    }, 30_000);
  }
});
