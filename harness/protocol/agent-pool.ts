// The agents of one `remote:` run, owned by the runner's main process. An
// agent that can host many targets (hello `targets: "many"`) and listen for
// connections is started once per concurrent worker and leased to one spec
// file at a time; each spec file still gets a fresh target (a new app), but
// not a new process, which is most of what an out-of-process run costs. A
// dead agent fails the test that was running (the lease says so) and is
// replaced for the next spec file. Agents that cannot be pooled are spawned
// per target by the workers themselves.
//
// Lease protocol (one Unix socket per run): a worker connects; the pool
// answers one line {"agent": path, "pid": n} (or {"error": text}); the lease
// lasts as long as that connection. {"died": {...}} follows if the agent dies.

import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AgentLink, type Hello } from './agent-link.ts';
import { LineSplitter } from './peer.ts';

const LISTENING = /^session-conformance agent listening on (.+)$/;
const START_MS = 30_000;
const TAIL = 16 * 1024;

interface PooledAgent {
  id: number;
  child: ChildProcess;
  socket: string;
  ready: Promise<void>;
  lease: net.Socket | null;
  dead: { code: number | null; signal: string | null } | null;
  output: string;
}

export interface AgentPool {
  /** The pool's socket, for AdapterSpec.pool. */
  readonly address: string;
  readonly hello: Hello;
  close(): Promise<void>;
}

class Pool implements AgentPool {
  readonly address: string;
  hello!: Hello;
  readonly #command: string[];
  readonly #dir: string;
  readonly #agents = new Set<PooledAgent>();
  readonly #server: net.Server;
  readonly #label: string;
  #next = 1;
  #closing = false;

  constructor(command: string[], dir: string, label: string) {
    this.#command = command;
    this.#dir = dir;
    this.#label = label;
    this.address = path.join(dir, 'agent-pool.sock');
    this.#server = net.createServer((socket) => this.#lease(socket));
  }

  async start(validate: boolean): Promise<boolean> {
    const first = this.#spawn();
    try {
      await first.ready;
    } catch {
      // Not an agent that listens: the workers will spawn it per target.
      first.child.kill('SIGKILL');
      return false;
    }
    const link = new AgentLink({ endpoint: { connect: { address: first.socket } }, label: this.#label, validate });
    try {
      this.hello = await link.handshakeAsync();
    } catch (error) {
      // Garbage or silence instead of a hello: the run fails now, and the agent goes with it.
      first.child.kill('SIGKILL');
      this.#agents.delete(first);
      throw error;
    } finally {
      await link.close('pool probe');
    }
    if ((this.hello as { targets?: string }).targets !== 'many') {
      first.child.kill('SIGKILL');
      return false;
    }
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.address, resolve);
    });
    return true;
  }

  #spawn(): PooledAgent {
    const id = this.#next++;
    const socket = path.join(this.#dir, `agent-${id}.sock`);
    rmSync(socket, { force: true });
    const child = spawn(this.#command[0]!, this.#command.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SESSION_CONFORMANCE_AGENT_LISTEN: socket },
    });
    const agent: PooledAgent = { id, child, socket, lease: null, dead: null, output: '', ready: Promise.resolve() };
    agent.ready = new Promise<void>((resolve, reject) => {
      const lines = new LineSplitter();
      // Still needed: on a starved event loop the deadline's timer can fire in the
      // same loop turn as a notice the agent already wrote, and Node runs timers
      // before the poll phase that reads the pipe. The verdict waits for the check
      // phase (setImmediate), after that poll, so a notice that arrived in time wins.
      // No event says "nothing more is buffered", so this is the explicit condition.
      const timer = setTimeout(
        () => setImmediate(() => reject(new Error(`the agent did not start listening within ${START_MS} ms`))),
        START_MS,
      );
      timer.unref();
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        agent.output = (agent.output + chunk).slice(-TAIL);
        for (const line of lines.push(chunk)) {
          clearTimeout(timer);
          // A first line that is not the listening notice (a hello on stdout, a log,
          // garbage): not an agent that listens, and no reason to wait for one.
          if (LISTENING.test(line.trim())) resolve();
          else reject(new Error(`the agent wrote ${JSON.stringify(line.slice(0, 80))} instead of listening`));
        }
      });
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        agent.output = (agent.output + chunk).slice(-TAIL);
      });
      child.on('error', (error) => {
        // It never started (no such command): there is nothing to wait for.
        agent.dead ??= { code: null, signal: null };
        this.#agents.delete(agent);
        reject(error);
      });
      child.on('exit', (code, signal) => {
        agent.dead = { code, signal };
        reject(new Error(`the agent exited (${signal ?? `exit code ${String(code)}`}) before it listened`));
        this.#agents.delete(agent);
        if (agent.lease && !agent.lease.destroyed) {
          const tail = agent.output.trim().split('\n').slice(-5).join('\n');
          agent.lease.end(`${JSON.stringify({ died: { code, signal, output: tail } })}\n`);
        }
      });
    });
    agent.ready.catch(() => {});
    this.#agents.add(agent);
    return agent;
  }

  #lease(socket: net.Socket): void {
    socket.on('error', () => {});
    if (this.#closing) {
      socket.end(`${JSON.stringify({ error: 'the run is over' })}\n`);
      return;
    }
    const idle = [...this.#agents].find((a) => !a.lease && !a.dead);
    const agent = idle ?? this.#spawn();
    agent.lease = socket;
    agent.output = '';
    socket.on('close', () => {
      if (agent.lease === socket) agent.lease = null;
    });
    agent.ready.then(
      () => socket.write(`${JSON.stringify({ agent: agent.socket, pid: agent.child.pid })}\n`),
      (error: Error) => socket.end(`${JSON.stringify({ error: `could not start the agent: ${error.message}` })}\n`),
    );
  }

  async close(): Promise<void> {
    this.#closing = true;
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await Promise.all(
      [...this.#agents]
        .filter((agent) => agent.child.pid !== undefined)
        .map(
          (agent) =>
            new Promise<void>((resolve) => {
              if (agent.dead || agent.child.exitCode !== null || agent.child.signalCode !== null) return resolve();
              agent.child.once('exit', () => resolve());
              agent.child.kill('SIGTERM');
              setTimeout(() => agent.child.kill('SIGKILL'), 2_000).unref();
              setTimeout(resolve, 4_000).unref();
            }),
        ),
    );
    rmSync(this.address, { force: true });
  }
}

/**
 * Starts the pool if the agent can be pooled (it listens, and hosts many
 * targets); null otherwise.
 */
export async function startAgentPool(command: string[], dir: string, label: string, validate = false): Promise<AgentPool | null> {
  const pool = new Pool(command, dir, label);
  if (await pool.start(validate)) return pool;
  await pool.close();
  return null;
}
