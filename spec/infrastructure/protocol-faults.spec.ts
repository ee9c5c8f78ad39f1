// The agent protocol when things go wrong, with agents this spec starts
// itself (whatever the run's adapter): a dead agent is a CRASH for the call
// that was running and the next target comes from a new agent; a version
// mismatch and a malformed line end in a clear error, never a hang; the agent
// library answers a malformed line with a fault and keeps serving; a request
// an agent cannot serve is a non-result with its reason.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { RemoteAdapter } from '../../harness/adapters/remote-adapter.ts';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import type { Target } from '../../harness/api/target.ts';
import { classify } from '../../harness/runner/classify.ts';
import { REPO_ROOT } from '../../harness/runner/paths.ts';

export const meta = defineSpec({
  members: [],
  eras: 'current',
  requires: [],
  level: 'must',
  basis: 'documented',
  summary:
    'Agent crashes are CRASH and recovered from; version mismatches and malformed lines fail clearly; non-results carry reasons.',
});

// For the era gate; the agents under test are started below.
useTarget(meta);

const node = process.execPath;
const REFERENCE_AGENT = [node, path.join(REPO_ROOT, 'harness/agent/reference-agent.mjs')];
const FAULTY_AGENT = [node, path.join(REPO_ROOT, 'fixtures/agents/faulty-agent.cjs')];
const MINIMAL_AGENT = [node, path.join(REPO_ROOT, 'docs/examples/minimal-agent.cjs')];

const targets: Target[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(targets.map((target) => target.dispose().catch(() => {})));
  for (const child of children) child.kill('SIGKILL');
});

async function target(command: string[], faulty?: string): Promise<Target> {
  if (faulty) process.env.FAULTY_AGENT = faulty;
  try {
    const created = await new RemoteAdapter({ kind: 'remote', command, validateProtocol: true }).createTarget({
      era: 'current',
      userDataDir: await mkdtemp(path.join(os.tmpdir(), 'protocol-faults-')),
    });
    targets.push(created);
    return created;
  } finally {
    delete process.env.FAULTY_AGENT;
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

const statusOf = (error: Error) =>
  classify({ state: 'failed', errors: [{ name: error.name, message: error.message }], meta: undefined }).status;

/** A raw conversation with a spawned agent: lines on fd 3 in, lines from fd 4 out. */
function rawAgent(command: string[]) {
  const child = spawn(command[0]!, command.slice(1), {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, SESSION_CONFORMANCE_AGENT_CHANNEL: 'fd:3,4' },
  });
  children.push(child);
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  const lines: Record<string, unknown>[] = [];
  let waiter: (() => void) | undefined;
  let rest = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts) lines.push(JSON.parse(line) as Record<string, unknown>);
    waiter?.();
  });
  return {
    child,
    send: (line: string) => input.write(`${line}\n`),
    async next(): Promise<Record<string, unknown>> {
      while (!lines.length) await new Promise<void>((resolve) => (waiter = resolve));
      return lines.shift()!;
    },
  };
}

describe('agent protocol faults', () => {
  it('makes a dead agent a CRASH for the call that was running, and the next target comes from a new agent', async () => {
    const adapter = new RemoteAdapter({ kind: 'remote', command: REFERENCE_AGENT });
    const first = await adapter.createTarget({
      era: 'current',
      userDataDir: await mkdtemp(path.join(os.tmpdir(), 'protocol-crash-')),
    });
    targets.push(first);
    const pid = (first as unknown as { link: { pid: number } }).link.pid;
    // The agent dies while it waits for this listener: inside fromPartition.
    first.app.on('session-created', () => process.kill(pid, 'SIGKILL'));
    let thrown: Error | undefined;
    try {
      first.session.fromPartition('dies-during-this-call');
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.name).toBe('AgentCrashed');
    expect(thrown?.message).toMatch(/the agent died \(killed by SIGKILL\)/);
    expect(statusOf(thrown!)).toBe('CRASH');
    expect(first.takeTestReport?.().fault?.name).toBe('AgentCrashed');
    expect(first.takeTestReport?.().fault).toBeUndefined();
    expect(() => first.session.defaultSession).toThrow(/the agent died/);

    const second = await adapter.createTarget({
      era: 'current',
      userDataDir: await mkdtemp(path.join(os.tmpdir(), 'protocol-crash-')),
    });
    targets.push(second);
    expect(second.session.fromPartition('after-the-crash').getUserAgent()).toMatch(/Electron/);
    // Two agents start and load the reference one after the other: on a loaded
    // machine that alone can pass the suite's 30 s default.
  }, 90_000);

  it('stops an agent that sends a line longer than 32 MiB, and says why', async () => {
    const error = await failure(target(FAULTY_AGENT, 'endless-line'));
    expect(error.message).toContain('the agent sent a line longer than 33554432 bytes; it was stopped');
    expect(statusOf(error)).toBe('CRASH');
  });

  it('reports an agent that exits with its exit code and last output', async () => {
    const error = await failure(target(FAULTY_AGENT, 'dies'));
    expect(error.name).toBe('AgentCrashed');
    expect(error.message).toMatch(/exit code 3/);
    expect(error.message).toContain('faulty agent: dying on purpose');
    expect(statusOf(error)).toBe('CRASH');
  });

  it('makes an agent that does not answer a TIMEOUT, and stops it', async () => {
    process.env.SESSION_CONFORMANCE_AGENT_TIMEOUT_MS = '300';
    try {
      const error = await failure(target(FAULTY_AGENT, 'silent'));
      expect(error.name).toBe('AgentTimeout');
      expect(error.message).toBe('the agent did not answer target.create within 300 ms');
      expect(statusOf(error)).toBe('TIMEOUT');
    } finally {
      delete process.env.SESSION_CONFORMANCE_AGENT_TIMEOUT_MS;
    }
  });

  it('refuses an agent that speaks another protocol version, with a clear error', async () => {
    const error = await failure(target(FAULTY_AGENT, 'future-version'));
    expect(error.name).toBe('ProtocolError');
    expect(error.message).toBe('protocol version mismatch: the agent speaks version 999, this runner speaks version 1');
    expect(statusOf(error)).toBe('ERROR');
  });

  it('makes the agent library say goodbye to a runner that speaks another version', async () => {
    const agent = rawAgent(REFERENCE_AGENT);
    expect((await agent.next()).type).toBe('hello');
    agent.send(JSON.stringify({ type: 'welcome', protocol: 2 }));
    expect(await agent.next()).toEqual({
      type: 'goodbye',
      reason: 'protocol version mismatch: the runner speaks version 2, this agent speaks version 1',
    });
    const code = await new Promise((resolve) => agent.child.once('exit', resolve));
    expect(code).toBe(0);
  });

  it('fails a call answered with a malformed line with a clear error instead of waiting', async () => {
    const error = await failure(target(FAULTY_AGENT, 'malformed'));
    expect(error.name).toBe('ProtocolError');
    expect(error.message).toMatch(/^the agent sent a malformed line \(.+\): this is \{not json$/);
    expect(statusOf(error)).toBe('ERROR');
  });

  it('with --validate-protocol, fails a call answered with a message that breaks its schema, naming what is wrong', async () => {
    const error = await failure(target(FAULTY_AGENT, 'invalid'));
    expect(error.name).toBe('ProtocolError');
    expect(error.message).toBe(`agent-to-runner "result" message is invalid at (message): must have required property 'value'`);
    expect(statusOf(error)).toBe('ERROR');
  });

  it('makes the agent library answer a malformed line with a fault and keep serving', async () => {
    const agent = rawAgent(REFERENCE_AGENT);
    expect((await agent.next()).type).toBe('hello');
    agent.send(JSON.stringify({ type: 'welcome', protocol: 1 }));
    agent.send('{"type": "request", "id": 1, oops');
    const fault = await agent.next();
    expect(fault.type).toBe('fault');
    expect(fault.reason).toMatch(/^malformed line/);
    expect(fault.line).toBe('{"type": "request", "id": 1, oops');
    agent.send(JSON.stringify({ type: 'request', id: 2, op: 'echo', value: 'still here', completion: 'returned' }));
    expect(await agent.next()).toEqual({ type: 'result', id: 2, completion: 'returned', value: 'still here' });
  });

  it('turns a request the agent cannot serve into a non-result with its reason (SKIP, not a pass)', async () => {
    const minimal = await target(MINIMAL_AGENT);
    const link = (minimal as unknown as { link: { peer: { request(f: object): unknown } } }).link;
    let thrown: Error | undefined;
    try {
      link.peer.request({ op: 'driver', target: 't1', command: 'hid.plug', args: [{ device: { deviceId: 'x' } }] });
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.name).toBe('AgentUnsupported');
    expect(thrown?.message).toBe('op driver is not implemented by the minimal agent');
    expect(minimal.takeTestReport?.().unsupported).toBe('op driver is not implemented by the minimal agent');
    expect(
      classify({
        state: 'passed',
        errors: [],
        meta: { members: [], requires: [], level: 'must', basis: 'documented', unsupported: 'x' },
      }).status,
    ).toBe('SKIP');
  });
});
