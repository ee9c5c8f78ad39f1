'use strict';
// The runner's I/O thread for one agent: it owns the agent's process (or the
// socket of an attached agent) and forwards every line to the runner's main
// thread through a MessagePort, bumping a shared counter so that a main thread
// blocked in Atomics.wait (a synchronous call into the agent) wakes up.
//
// Channels of a spawned agent: fd 3 carries runner->agent messages sent while
// the agent is idle, fd 4 carries messages sent while the agent is blocked in
// a synchronous callback (it reads fd 4 with blocking reads) and everything
// the agent sends. An agent that answers on stdout instead (its first stdout
// line is a hello) gets everything on stdin: the stdio fallback.

const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const net = require('node:net');
const { LineSplitter } = require('../agent-kit/line-splitter.cjs');
const { parseAddress: parseKitAddress } = require('../agent-kit/listen-address.cjs');

const port = workerData.port;
const signal = new Int32Array(workerData.signal);

function post(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

let closedSent = false;
function closed(info) {
  if (closedSent) return;
  closedSent = true;
  post({ kind: 'closed', ...info });
}

let writeLine = () => {};
let endChannels = () => {};
let kill = () => {};

// The longest protocol line the runner takes from an agent (32 MiB): a longer
// one (or a stream that never ends its line) ends the conversation and stops
// the agent, rather than filling this process's memory.
const MAX_LINE = 32 * 1024 * 1024;

/** A line splitter that stops the agent at the first line over MAX_LINE. */
class BoundedLines {
  constructor(onTooLong) {
    this.splitter = new LineSplitter(MAX_LINE);
    this.onTooLong = onTooLong;
  }
  push(chunk) {
    if (this.splitter.over) return [];
    const lines = this.splitter.push(chunk);
    if (this.splitter.over) this.onTooLong();
    return lines;
  }
}

function lineTooLong() {
  closed({ reason: `the agent sent a line longer than ${MAX_LINE} bytes; it was stopped` });
  kill('SIGKILL');
}

function isHello(line) {
  if (!line.startsWith('{')) return false;
  try {
    return JSON.parse(line).type === 'hello';
  } catch {
    return false;
  }
}

function startSpawned({ command, env, inheritEnv, cwd }) {
  let child;
  try {
    child = spawn(command[0], command.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
      env: inheritEnv === false ? { ...env } : { ...process.env, ...env },
      cwd,
    });
  } catch (error) {
    closed({ reason: `could not start the agent: ${error.message}` });
    return;
  }
  let mode = 'pending';
  const [stdin, stdout, stderr, idle, nested] = child.stdio;
  for (const stream of [stdin, idle, nested]) stream.on('error', () => {});
  post({ kind: 'spawned', pid: child.pid });

  const fdLines = new BoundedLines(lineTooLong);
  nested.setEncoding('utf8');
  nested.on('data', (chunk) => {
    if (mode === 'pending') mode = 'fd';
    if (mode !== 'fd') return;
    for (const line of fdLines.push(chunk)) post({ kind: 'line', line });
  });

  const outLines = new BoundedLines(lineTooLong);
  stdout.setEncoding('utf8');
  stdout.on('data', (chunk) => {
    if (mode === 'fd') {
      post({ kind: 'output', stream: 'stdout', text: chunk });
      return;
    }
    for (const line of outLines.push(chunk)) {
      if (mode === 'pending' && isHello(line)) mode = 'stdio';
      if (mode === 'stdio' && line.startsWith('{')) post({ kind: 'line', line });
      else post({ kind: 'output', stream: 'stdout', text: `${line}\n` });
    }
  });
  stderr.setEncoding('utf8');
  stderr.on('data', (text) => post({ kind: 'output', stream: 'stderr', text }));

  writeLine = (line, isNested) => {
    if (mode === 'stdio') stdin.write(line);
    else (isNested ? nested : idle).write(line);
  };
  endChannels = () => {
    stdin.end();
    idle.end();
    nested.end();
  };
  kill = (sig) => child.kill(sig);

  let exit = null;
  child.on('error', (error) => closed({ reason: `could not start the agent: ${error.message}` }));
  child.on('exit', (code, sig) => {
    exit = { code, signal: sig };
    // Output still in the pipes arrives before 'close'; a grandchild holding
    // them open must not keep the link alive.
    setTimeout(() => closed(exit), 500).unref();
  });
  child.on('close', (code, sig) => closed(exit ?? { code, signal: sig }));
}

/** The agent's address as the agent kit reads it, and `unix:<path>` too. */
function parseAddress(address) {
  return address.startsWith('unix:') ? { path: address.slice(5) } : parseKitAddress(address);
}

function startConnected({ address }, onEnd = () => {}, graceMs = 0) {
  const target = parseAddress(address);
  if (!target) {
    closed({ reason: `cannot parse the agent address "${address}" (use host:port or a socket path)` });
    return;
  }
  const socket = net.connect(target);
  const lines = new BoundedLines(lineTooLong);
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    for (const line of lines.push(chunk)) post({ kind: 'line', line });
  });
  socket.on('error', (error) => closed({ reason: `the connection to the agent failed: ${error.message}` }));
  // A pooled agent's death is reported by the pool with its exit status and
  // last output; give that a moment to arrive (not when the runner ended it).
  let ending = false;
  socket.on('close', () => setTimeout(() => closed({ reason: 'the agent closed the connection' }), ending ? 0 : graceMs));
  writeLine = (line) => socket.write(line);
  endChannels = () => {
    ending = true;
    socket.end();
    onEnd();
  };
  kill = () => {
    socket.destroy();
    onEnd();
  };
}

// A pooled agent: the pool (agent-pool.ts) names an agent to connect to and
// keeps the lease open while the conversation lasts; it reports the agent's
// death with its last output.
function startLeased({ pool }) {
  const lease = net.connect({ path: pool });
  const lines = new LineSplitter();
  let connected = false;
  lease.setEncoding('utf8');
  lease.on('error', (error) => closed({ reason: `cannot reach the agent pool: ${error.message}` }));
  lease.on('close', () => {
    if (!connected) closed({ reason: 'the agent pool closed the lease before naming an agent' });
  });
  let pid = 0;
  lease.on('data', (chunk) => {
    for (const line of lines.push(chunk)) {
      const message = JSON.parse(line);
      if (message.error) closed({ reason: message.error });
      else if (message.died) {
        if (message.died.output) post({ kind: 'output', stream: 'stderr', text: `${message.died.output}\n` });
        closed({ code: message.died.code, signal: message.died.signal });
      } else if (message.agent && !connected) {
        connected = true;
        pid = message.pid;
        post({ kind: 'spawned', pid });
        startConnected({ address: message.agent }, () => lease.end(), 300);
        // A stuck or misbehaving agent is stopped; the pool replaces it.
        const disconnect = kill;
        kill = (sig) => {
          try {
            process.kill(pid, sig);
          } catch {
            // already gone
          }
          disconnect(sig);
        };
      }
    }
  });
  endChannels = () => lease.end();
}

port.on('message', (message) => {
  switch (message.kind) {
    case 'send':
      writeLine(message.line, message.nested);
      break;
    case 'flush':
      // Let output already in the pipes be read first.
      setImmediate(() => setImmediate(() => post({ kind: 'flushed', token: message.token })));
      break;
    case 'end':
      endChannels();
      break;
    case 'kill':
      kill(message.signal);
      break;
  }
});

if (workerData.spawn) startSpawned(workerData.spawn);
else if (workerData.lease) startLeased(workerData.lease);
else startConnected(workerData.connect);
