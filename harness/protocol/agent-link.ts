// The runner's end of one conversation with an agent. An I/O thread
// (link-worker.cjs) owns the agent's process or socket; this thread talks
// through the shared peer (../agent-kit/peer.cjs). Calls into the agent are
// synchronous, as the API under test is: the thread blocks in Atomics.wait
// until the answer arrives, serving the agent's callbacks meanwhile.
// Messages that arrive while nothing waits are handled on the event loop.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { HarnessError } from '../api/harness-error.ts';
import type { ImplementationInfo } from '../api/target.ts';
import { agentFailure, Peer, PROTOCOL_VERSION, type Peer as PeerInstance, type ProtocolMessage } from './peer.ts';
import { messageValidator, type MessageValidator } from './validate.ts';

export interface Hello {
  type: 'hello';
  protocol: number;
  implementation: ImplementationInfo;
  capabilities: string[];
  driverCommands: string[];
  restart: 'in-process' | 'relaunch';
  targets: 'many' | 'one';
}

export type LinkEndpoint =
  /** `inheritEnv: false`: the agent gets `env` only, not the runner's environment with `env` on top. */
  | { spawn: { command: string[]; env?: Record<string, string>; inheritEnv?: boolean; cwd?: string } }
  | { connect: { address: string } }
  /** An agent leased from the run's pool (agent-pool.ts). */
  | { lease: { pool: string } };

export interface LinkOptions {
  endpoint: LinkEndpoint;
  /** Shown in errors: `remote:<command>` or `attach:<address>`. */
  label: string;
  /**
   * How long one synchronous request may wait: default SESSION_CONFORMANCE_AGENT_TIMEOUT_MS,
   * else 25 s (under the 30 s test timeout, which cannot fire while this thread waits).
   */
  timeoutMs?: number;
  /** Check every message in both directions against the JSON Schemas. */
  validate?: boolean;
}

type WorkerEvent =
  | { kind: 'line'; line: string }
  | { kind: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { kind: 'closed'; code?: number | null; signal?: string | null; reason?: string }
  | { kind: 'spawned'; pid: number }
  | { kind: 'flushed'; token: number };

const WORKER_URL = new URL('./link-worker.cjs', import.meta.url);
const OUTPUT_LIMIT = 64 * 1024;
const HANDSHAKE_MS = 30_000;

export class AgentLink {
  readonly label: string;
  readonly peer: PeerInstance;
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal: Int32Array;
  readonly #validator: MessageValidator | null;
  #hello: Hello | undefined;
  #pid: number | undefined;
  #output = '';
  #unsupported: string | undefined;
  #exit: { code?: number | null; signal?: string | null; reason?: string } | undefined;
  #faultReported = false;
  /** Wakes handshakeAsync when the hello arrives or the link fails. */
  #nudge: (() => void) | undefined;
  #ending = false;
  #flushed = 0;
  #flushToken = 0;
  readonly #exited: Promise<void>;
  #markExited!: () => void;

  constructor(options: LinkOptions) {
    this.label = options.label;
    this.#validator = options.validate ? messageValidator() : null;
    const shared = new SharedArrayBuffer(4);
    this.#signal = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#exited = new Promise((resolve) => (this.#markExited = resolve));
    this.#worker = new Worker(WORKER_URL, {
      workerData: { ...options.endpoint, port: port2, signal: shared },
      transferList: [port2],
    });
    this.#worker.on('error', (error) =>
      this.#fail(agentFailure('ProtocolError', `the agent link thread failed: ${error.message}`)),
    );
    this.peer = new Peer({
      side: 'runner',
      timeoutMs: options.timeoutMs ?? (Number(process.env.SESSION_CONFORMANCE_AGENT_TIMEOUT_MS) || 25_000),
      transport: {
        send: (message, nested) => this.#send(message, nested),
        wait: (deadline) => this.#wait(deadline),
        schedule: (fn) => setImmediate(fn),
      },
      onControl: (message) => this.#control(message),
      onUnsupported: (reason) => {
        this.#unsupported ??= reason;
      },
    });
    this.#port.on('message', (event: WorkerEvent) => {
      const message = this.#event(event);
      if (!message) return;
      try {
        this.peer.receive(message);
      } catch (error) {
        this.#fail(error as Error);
      }
    });
  }

  get pid(): number | undefined {
    return this.#pid;
  }

  get hello(): Hello {
    if (!this.#hello) throw new HarnessError('the agent has not said hello yet');
    return this.#hello;
  }

  /** Why the link is unusable, if it is. */
  get fault(): Error | null {
    return this.peer.closed;
  }

  /** Whether that failure was already reported with the test it broke (takeTestReport). */
  get faultReported(): boolean {
    return this.#faultReported;
  }

  /** Waits (blocking this thread) for the agent's hello, checks its protocol version, answers welcome. */
  handshake(): Hello {
    const deadline = Date.now() + HANDSHAKE_MS;
    while (!this.#hello) {
      if (this.peer.closed) throw this.peer.closed;
      if (!this.#pump(deadline)) throw this.#noHello();
    }
    return this.#welcome(this.#hello);
  }

  /** The same without blocking: for the runner's main thread, whose event loop serves the agent pool. */
  async handshakeAsync(): Promise<Hello> {
    const deadline = Date.now() + HANDSHAKE_MS;
    while (!this.#hello) {
      if (this.peer.closed) throw this.peer.closed;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        // On a starved event loop the timer can run before the delivery of a
        // hello already sent: take what the port holds before blaming the agent.
        if (this.#pump(deadline)) continue;
        throw this.#noHello();
      }
      await new Promise<void>((resolve) => {
        this.#nudge = resolve;
        setTimeout(resolve, remaining).unref();
      });
      this.#nudge = undefined;
    }
    return this.#welcome(this.#hello);
  }

  #noHello(): Error {
    this.kill();
    return agentFailure('AgentTimeout', `the agent (${this.label}) did not say hello within ${HANDSHAKE_MS} ms`);
  }

  #welcome(hello: Hello): Hello {
    if (hello.protocol !== PROTOCOL_VERSION) {
      const reason = `protocol version mismatch: the agent speaks version ${String(hello.protocol)}, this runner speaks version ${PROTOCOL_VERSION}`;
      this.#send({ type: 'goodbye', reason }, false);
      const error = agentFailure('ProtocolError', reason);
      this.#fail(error);
      throw error;
    }
    this.#send({ type: 'welcome', protocol: PROTOCOL_VERSION, validate: this.#validator !== null }, false);
    return hello;
  }

  /**
   * What the agent wrote since the last call, the first non-result it gave,
   * and the failure that broke the link (reported once).
   */
  takeTestReport(): { output?: string; unsupported?: string; fault?: Error } {
    if (!this.peer.closed) {
      const token = ++this.#flushToken;
      this.#port.postMessage({ kind: 'flush', token });
      const deadline = Date.now() + 2_000;
      while (this.#flushed < token && !this.peer.closed && this.#pump(deadline));
    }
    const report: { output?: string; unsupported?: string; fault?: Error } = {};
    if (this.#output) report.output = this.#output;
    if (this.#unsupported) report.unsupported = this.#unsupported;
    if (this.peer.closed && !this.#ending && !this.#faultReported) {
      this.#faultReported = true;
      report.fault = this.peer.closed;
    }
    this.#output = '';
    this.#unsupported = undefined;
    return report;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.#port.postMessage({ kind: 'kill', signal });
  }

  /** Resolves when the agent process has exited (or the connection closed). */
  exited(): Promise<void> {
    return this.#exited;
  }

  /**
   * Ends the conversation: closes the channels (the agent exits on their
   * end), kills it if it lingers, and stops the I/O thread. Later calls on
   * its objects fail with a HarnessError.
   */
  async close(reason = 'the target was disposed or restarted; read t.session and t.app again'): Promise<void> {
    this.#ending = true;
    this.peer.close(new HarnessError(`this object belongs to an agent that is gone: ${reason}`));
    this.#port.postMessage({ kind: 'end' });
    const gone = await Promise.race([this.#exited.then(() => true), delay(3_000).then(() => false)]);
    if (!gone) {
      this.kill();
      await Promise.race([this.#exited, delay(2_000)]);
    }
    this.#port.close();
    await this.#worker.terminate();
  }

  // ---- internals ------------------------------------------------------------

  #send(message: ProtocolMessage, nested: boolean): void {
    if (this.#validator) {
      const problem = this.#validator.check('runner-to-agent', message);
      if (problem) throw agentFailure('ProtocolError', `the runner was about to send an invalid message: ${problem}`);
    }
    this.#port.postMessage({ kind: 'send', line: `${JSON.stringify(message)}\n`, nested });
  }

  /** Blocks until a protocol message arrives for the peer; null on timeout or a dead link. */
  #wait(deadline: number): ProtocolMessage | null {
    for (;;) {
      const seen = Atomics.load(this.#signal, 0);
      const got = receiveMessageOnPort(this.#port) as { message: WorkerEvent } | undefined;
      if (got) {
        const message = this.#event(got.message);
        if (message) return message;
        if (this.peer.closed) return null;
        continue;
      }
      if (this.peer.closed) return null;
      const remaining = deadline ? deadline - Date.now() : Infinity;
      if (remaining <= 0) {
        this.kill();
        return null;
      }
      Atomics.wait(this.#signal, 0, seen, remaining === Infinity ? undefined : remaining);
    }
  }

  /** Handles one event while blocked outside a request (handshake, flush); false on timeout. */
  #pump(deadline: number): boolean {
    const seen = Atomics.load(this.#signal, 0);
    const got = receiveMessageOnPort(this.#port) as { message: WorkerEvent } | undefined;
    if (got) {
      const message = this.#event(got.message);
      if (message) {
        try {
          this.peer.accept(message);
        } catch (error) {
          this.#fail(error as Error);
        }
      }
      return true;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    Atomics.wait(this.#signal, 0, seen, remaining);
    return true;
  }

  /** Turns an I/O thread event into a protocol message for the peer, or handles it here. */
  #event(event: WorkerEvent): ProtocolMessage | null {
    switch (event.kind) {
      case 'spawned':
        this.#pid = event.pid;
        return null;
      case 'output':
        this.#output = (this.#output + event.text).slice(-OUTPUT_LIMIT);
        return null;
      case 'flushed':
        this.#flushed = Math.max(this.#flushed, event.token);
        return null;
      case 'closed':
        this.#exit = event;
        this.#markExited();
        this.#fail(agentFailure('AgentCrashed', this.#deathNotice(event)));
        return null;
      case 'line':
        return this.#parse(event.line);
    }
  }

  #parse(line: string): ProtocolMessage | null {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch (error) {
      this.#fail(
        agentFailure('ProtocolError', `the agent sent a malformed line (${(error as Error).message}): ${excerpt(line)}`),
      );
      return null;
    }
    if (
      !message ||
      typeof message !== 'object' ||
      Array.isArray(message) ||
      typeof (message as { type?: unknown }).type !== 'string'
    ) {
      this.#fail(agentFailure('ProtocolError', `the agent sent a line that is not a protocol message: ${excerpt(line)}`));
      return null;
    }
    if (this.#validator) {
      const problem = this.#validator.check('agent-to-runner', message);
      if (problem) {
        this.#fail(agentFailure('ProtocolError', problem));
        return null;
      }
    }
    const typed = message as ProtocolMessage;
    if (typed.type === 'output') {
      this.#output = (this.#output + String(typed.text)).slice(-OUTPUT_LIMIT);
      return null;
    }
    if (typed.type === 'hello') {
      if (this.#hello) {
        this.#fail(agentFailure('ProtocolError', 'the agent said hello twice'));
        return null;
      }
      this.#hello = typed as unknown as Hello;
      this.#nudge?.();
      return null;
    }
    return typed;
  }

  #control(message: ProtocolMessage): void {
    if (message.type === 'output') {
      this.#output = (this.#output + String(message.text)).slice(-OUTPUT_LIMIT);
    } else if (message.type === 'goodbye') {
      this.#fail(agentFailure('ProtocolError', `the agent ended the conversation: ${String(message.reason)}`));
    } else if (message.type === 'fault') {
      this.#fail(
        agentFailure('ProtocolError', `the agent could not process a message from the runner: ${String(message.reason)}`),
      );
    } else {
      this.#fail(agentFailure('ProtocolError', `unexpected ${JSON.stringify(message.type)} message from the agent`));
    }
  }

  #deathNotice(event: { code?: number | null; signal?: string | null; reason?: string }): string {
    if (this.#ending) return 'the agent exited after the conversation ended';
    const how = event.reason ?? (event.signal ? `killed by ${event.signal}` : `exit code ${String(event.code)}`);
    const tail = this.#output.trim().split('\n').slice(-5).join('\n');
    return `the agent died (${how})${tail ? `; its last output:\n${tail}` : ''}`;
  }

  /** The link is unusable: calls and pending promises fail with `error`, and the agent is stopped. */
  #fail(error: Error): void {
    if (this.peer.closed) return;
    this.peer.close(error);
    this.#nudge?.();
    if (!this.#exit) this.kill();
  }
}

function excerpt(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
