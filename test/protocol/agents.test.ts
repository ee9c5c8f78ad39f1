// Agents other than the bundled one, and the ways of reaching them: the
// minimal example agent of docs/IMPLEMENTERS.md over stdio, a listening agent
// through attach:, the run's agent pool (reuse, and replacement of a dead
// agent), and an agent's output reaching the test that was running.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RemoteAdapter } from '../../harness/adapters/remote-adapter.ts';
import type { Target } from '../../harness/api/target.ts';
import { startAgentPool } from '../../harness/protocol/agent-pool.ts';
import { runSuite } from '../../harness/runner/run-suite.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';
import { runCli } from '../reference-suite.setup.ts';

const node = process.execPath;
const TOY = [node, path.join(REPO_ROOT, 'fixtures/agents/toy-agent.cjs')];
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'agents-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function smoke(adapter: string): Promise<string> {
  const cli = await runCli(['smoke', '--adapter', adapter, '--validate-protocol']);
  expect(cli.status, cli.output).toBe(0);
  return cli.output;
}

/** Starts an agent listening on a loopback port; resolves with its address. */
async function listening(command: string[], env: Record<string, string> = {}): Promise<string> {
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, SESSION_CONFORMANCE_AGENT_LISTEN: '127.0.0.1:0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the agent exited (${code})`)));
  });
}

async function openPage(target: Target): Promise<void> {
  await target.driver.page.open({ session: target.session.fromPartition('p'), url: 'https://toy.example/' });
}

describe('agents', () => {
  it('the minimal example agent of docs/IMPLEMENTERS.md passes smoke over the stdio fallback', async () => {
    const output = await smoke('remote:node docs/examples/minimal-agent.cjs');
    expect(output).toMatch(/^ok {3}handshake: minimal example agent 1\.0\.0/m);
    expect(output).toMatch(/^smoke PASS: 8 passed, 0 failed/m);
  });

  it('the Electron agent passes smoke with electron resolved to the reference', async () => {
    expect(await smoke('remote:node harness/agent/electron-stand-in.mjs')).toMatch(/^smoke PASS/m);
  });

  it('a listening agent serves the suite through attach:, several runner workers at once', async () => {
    const address = await listening([node, path.join(REPO_ROOT, 'harness/agent/reference-agent.mjs')]);
    expect(await smoke(`attach:${address}`)).toMatch(/^smoke PASS/m);
    const cli = await runCli(
      [
        'run',
        '--adapter',
        `attach:${address}`,
        '--era',
        'e12',
        'spec/session/from-partition.spec.ts',
        'spec/app/session-created.spec.ts',
      ],
      await tempDir(),
    );
    expect(cli.status, cli.output).toBe(0);
    expect(cli.output).toMatch(/no unexpected results/);
  });

  it('a listening agent that reads its connections on an I/O thread (as on Windows) passes smoke', async () => {
    const address = await listening([node, path.join(REPO_ROOT, 'harness/agent/reference-agent.mjs')], {
      SESSION_CONFORMANCE_AGENT_IO_THREAD: '1',
    });
    expect(await smoke(`attach:${address}`)).toMatch(/^smoke PASS/m);
  });

  it("attaches what a spawned agent writes to the test's report", async () => {
    const target = await new RemoteAdapter({ kind: 'remote', command: TOY }).createTarget({
      era: 'current',
      userDataDir: await tempDir(),
    });
    cleanups.push(() => target.dispose());
    expect(target.takeTestReport?.().output ?? '').not.toContain('toy page.open');
    await openPage(target);
    const output = target.takeTestReport?.().output ?? '';
    expect(output).toContain('toy page.open https://toy.example/');
    expect(output).toContain('toy says on stderr');
    expect(target.takeTestReport?.().output).toBeUndefined();
  });

  it('the agent pool lends one agent to spec files in turn, forwards its output, and replaces it when it dies', async () => {
    const dir = await tempDir();
    const pool = await startAgentPool(TOY, dir, 'remote:toy');
    expect(pool).not.toBeNull();
    cleanups.push(() => pool!.close());
    const adapter = new RemoteAdapter({ kind: 'remote', command: TOY, pool: pool!.address });
    const pidOf = (t: Target) => (t as unknown as { link: { pid: number } }).link.pid;

    const first = await adapter.createTarget({ era: 'current', userDataDir: dir });
    await openPage(first);
    expect(first.takeTestReport?.().output).toContain('toy page.open https://toy.example/');
    const pid = pidOf(first);
    await first.dispose();

    const second = await adapter.createTarget({ era: 'current', userDataDir: dir });
    expect(pidOf(second)).toBe(pid);
    second.app.on('session-created', () => process.kill(pid, 'SIGKILL'));
    expect(() => second.session.fromPartition('dies')).toThrow(/the agent died|the agent closed the connection/);
    expect(second.takeTestReport?.().fault?.name).toBe('AgentCrashed');
    await second.dispose();

    const third = await adapter.createTarget({ era: 'current', userDataDir: dir });
    cleanups.push(() => third.dispose());
    expect(pidOf(third)).not.toBe(pid);
    const ses = third.session.fromPartition('after') as unknown as NodeJS.EventEmitter & {
      getUserAgent(): string;
      later(fn: () => unknown): void;
    };
    expect(ses.getUserAgent()).toBe('Toy/1.0');
    // The agent calls back from its event loop; the promise's settlement may
    // arrive in the same read as the result and must still be seen.
    const done = new Promise((resolve) => ses.once('done', resolve));
    ses.later(async () => 42);
    await expect(done).resolves.toBe(42);
  });

  it('through the runner: output lands in the record of its test; a dead agent is a CRASH and the run carries on', async () => {
    const report = await runSuite({
      adapter: { kind: 'remote', command: TOY },
      eras: ['current'],
      include: ['test/fixtures/agent-specs/*.spec.ts'],
    });
    const byTitle = new Map(report.runs[0]!.results.map((r) => [r.title, r]));
    expect(byTitle.get('output > makes the agent write')?.status).toBe('PASS');
    expect(byTitle.get('output > makes the agent write')?.agentOutput).toMatch(
      /toy page.open https:\/\/output.example\/\n[\s\S]*toy says on stderr/,
    );
    expect(byTitle.get('output > writes nothing')?.agentOutput).toBeUndefined();
    expect(byTitle.get('crash > kills the agent inside a call')?.status).toBe('CRASH');
    // The later tests of the file never ran: SKIP with the reason, not more crashes.
    expect(byTitle.get('crash > uses the dead target afterwards')?.status).toBe('SKIP');
    expect(byTitle.get('crash > uses the dead target afterwards')?.message).toMatch(/earlier test of this file lost the agent/);
    expect(report.runs[0]!.results).toHaveLength(4);
  });

  /** A listening agent that greets each connection with `greeting` (nothing: silence), its pid written to `pidFile`. */
  const unhelpfulAgent = (pidFile: string, greeting: string | null) =>
    [
      "const net = require('node:net');",
      "require('node:fs').writeFileSync(" + JSON.stringify(pidFile) + ', String(process.pid));',
      'const where = process.env.SESSION_CONFORMANCE_AGENT_LISTEN;',
      `net.createServer((s) => { ${greeting === null ? '' : `s.write(${JSON.stringify(greeting)});`} }).listen(where, () => console.log('session-conformance agent listening on ' + where));`,
    ].join('\n');

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  /** Waits up to 5 s for the process to be gone (the kill is delivered, then reaped). */
  async function gone(pid: number): Promise<boolean> {
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return !alive(pid);
  }

  it('an agent that listens but answers garbage instead of hello fails the run at once, and is stopped', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'agent.pid');
    const started = Date.now();
    const error = await startAgentPool([node, '-e', unhelpfulAgent(pidFile, 'not a hello\n')], dir, 'remote:garbage').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(20_000);
    const pid = Number(await readFile(pidFile, 'utf8'));
    cleanups.push(() => alive(pid) && process.kill(pid, 'SIGKILL'));
    expect(await gone(pid)).toBe(true);
  });

  it('an agent that listens but never says hello fails the run with AgentTimeout within the handshake time, and is stopped', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'agent.pid');
    const error = await startAgentPool([node, '-e', unhelpfulAgent(pidFile, null)], dir, 'remote:silent').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('AgentTimeout');
    expect(error?.message).toMatch(/did not say hello within \d+ ms/);
    const pid = Number(await readFile(pidFile, 'utf8'));
    cleanups.push(() => alive(pid) && process.kill(pid, 'SIGKILL'));
    expect(await gone(pid)).toBe(true);
  }, 90_000);

  it('an agent whose first line is not the listening notice is not waited for', async () => {
    const pool = await startAgentPool(
      [node, '-e', "console.log('hello?'); setInterval(() => {}, 1000)"],
      await tempDir(),
      'remote:chatty',
    );
    expect(pool).toBeNull();
  });

  it('an agent that cannot be pooled (one target per process) gets no pool', async () => {
    expect(
      await startAgentPool(
        [node, path.join(REPO_ROOT, 'harness/agent/electron-stand-in.mjs')],
        await tempDir(),
        'remote:electron',
      ),
    ).toBeNull();
    expect(
      await startAgentPool([node, path.join(REPO_ROOT, 'docs/examples/minimal-agent.cjs')], await tempDir(), 'remote:minimal'),
    ).toBeNull();
  });
});
