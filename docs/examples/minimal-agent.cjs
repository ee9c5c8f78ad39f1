'use strict';
// A minimal session-conformance agent, written from docs/IMPLEMENTERS.md
// alone: it imports nothing from the suite. It serves a toy implementation
// (one app, sessions per partition, a user agent, 'session-created') over
// stdin/stdout, the protocol's fallback channel, with a fully synchronous
// loop: read a line, handle it, and let queued promise callbacks run before
// reading the next. Try it: session-conformance smoke --adapter "remote:node docs/examples/minimal-agent.cjs"

const fs = require('fs');
const { EventEmitter } = require('events');

// ---- the toy implementation ---------------------------------------------------

class Session extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.userAgent = 'MinimalAgent/1.0';
  }
  getUserAgent() {
    return this.userAgent;
  }
  setUserAgent(value) {
    if (typeof value !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ');
    this.userAgent = value;
  }
}

function createApp() {
  const app = new EventEmitter();
  const sessions = new Map();
  const fromPartition = (partition) => {
    if (typeof partition !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ');
    if (!sessions.has(partition)) {
      sessions.set(partition, new Session(partition));
      app.emit('session-created', sessions.get(partition)); // synchronously, as Electron does
    }
    return sessions.get(partition);
  };
  const session = {
    fromPartition,
    get defaultSession() {
      return fromPartition('');
    },
  };
  return { app, session };
}

// ---- lines in, lines out ------------------------------------------------------

let pending = '';
function readLine() {
  const buffer = Buffer.alloc(65536);
  while (!pending.includes('\n')) {
    const n = fs.readSync(0, buffer, 0, buffer.length, null);
    if (n === 0) process.exit(0); // the runner closed the channel
    pending += buffer.toString('utf8', 0, n);
  }
  const at = pending.indexOf('\n');
  const line = pending.slice(0, at);
  pending = pending.slice(at + 1);
  return line;
}

function send(message) {
  fs.writeSync(1, JSON.stringify(message) + '\n');
}

// ---- values: JSON, or {"$": tag} ----------------------------------------------

const objects = new Map(); // our handle id -> object
const ids = new Map(); // object -> our handle id
const proxies = new Map(); // runner handle id -> local stand-in
let nextHandle = 1;
let nextPromise = 1;

/** Wraps a plain object that must travel as a handle (the session module). */
class ByRef {
  constructor(object) {
    this.object = object;
  }
}

function encode(value) {
  if (value === undefined) return { $: 'undefined' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return Number.isFinite(value) && !Object.is(value, -0)
      ? value
      : { $: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
  for (const [id, proxy] of proxies) if (proxy === value) return { $: 'ref', id };
  if (value instanceof Error) {
    const out = { $: 'error', name: value.name, message: value.message };
    if (['Error', 'TypeError', 'RangeError'].includes(value.constructor.name)) out.class = value.constructor.name;
    return out;
  }
  if (value instanceof Promise) {
    const id = `ap${nextPromise++}`;
    value.then(
      (v) => send({ type: 'settle', promise: id, completion: 'resolved', value: encode(v) }),
      (e) => send({ type: 'settle', promise: id, completion: 'rejected', value: encode(e) })
    );
    return { $: 'promise', id };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const key of Object.keys(value)) out[key] = encode(value[key]);
    return '$' in out ? { $: 'record', v: out } : out;
  }
  const target = value instanceof ByRef ? value.object : value;
  if (!ids.has(target)) {
    const id = `a${nextHandle++}`;
    ids.set(target, id);
    objects.set(id, target);
    return { $: 'ref', id, type: typeof target === 'function' ? 'function' : 'object' };
  }
  return { $: 'ref', id: ids.get(target) };
}

function decode(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  if (!('$' in value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  switch (value.$) {
    case 'undefined':
      return undefined;
    case 'number':
      return Number(value.v);
    case 'record':
      return decode(value.v);
    case 'error': {
      const error = new (value.class === 'TypeError' ? TypeError : value.class === 'RangeError' ? RangeError : Error)(
        value.message
      );
      error.name = value.name;
      return error;
    }
    case 'ref':
      if (value.id.startsWith('a')) return objects.get(value.id);
      if (!proxies.has(value.id)) proxies.set(value.id, runnerFunction(value.id));
      return proxies.get(value.id);
  }
  throw new Error(`this agent does not handle ${value.$} values`);
}

// ---- calling back into the runner (listeners it registered) --------------------

let nextRequest = 1;
const serving = [];

/** A runner function: calling it sends a request and blocks until the result, serving nested requests. */
function runnerFunction(id) {
  return function (...args) {
    const request = {
      type: 'request',
      id: nextRequest++,
      op: 'apply',
      fn: { $: 'ref', id },
      this: encode(this),
      args: args.map(encode),
    };
    if (serving.length) request.during = serving[serving.length - 1];
    send(request);
    for (;;) {
      const message = JSON.parse(readLine());
      if (message.type === 'result' && message.id === request.id) {
        if (message.completion === 'returned') return decode(message.value);
        if (message.completion === 'thrown') throw decode(message.value);
        throw new Error(`the runner could not run the callback: ${message.reason}`);
      }
      if (message.type === 'request' && message.during === undefined) deferred.push(message);
      else handle(message);
    }
  };
}

// ---- serving the runner's requests ----------------------------------------------

let instance = null;
const deferred = [];

function perform(message) {
  const f = {};
  for (const key of ['target', 'value', 'fn', 'this', 'args', 'options']) if (key in message) f[key] = decode(message[key]);
  switch (message.op) {
    case 'get':
      return f.target[message.key];
    case 'set':
      f.target[message.key] = f.value;
      return undefined;
    case 'has':
      return message.key in f.target;
    case 'keys':
      // [name, enumerable, value] for data properties, [name, enumerable] for getters (not run).
      return Object.getOwnPropertyNames(f.target).map((name) => {
        const d = Object.getOwnPropertyDescriptor(f.target, name);
        return 'value' in d ? [name, d.enumerable, d.value] : [name, d.enumerable];
      });
    case 'describe': {
      const d = Object.getOwnPropertyDescriptor(f.target, message.key);
      return d ? { enumerable: d.enumerable, value: f.target[message.key] } : null;
    }
    case 'apply':
      return Reflect.apply(f.fn, f.this, f.args);
    case 'construct':
      return Reflect.construct(f.fn, f.args);
    case 'echo':
      if (message.completion === 'thrown') throw f.value;
      if (message.completion === 'resolved') return Promise.resolve(f.value);
      if (message.completion === 'rejected') return Promise.reject(f.value);
      return f.value;
    case 'target.create':
      instance = createApp();
      return { target: 't1', session: new ByRef(instance.session), app: new ByRef(instance.app) };
    case 'target.dispose':
      instance = null;
      return undefined;
  }
  return { unsupported: `op ${message.op} is not implemented by the minimal agent` };
}

function handle(message) {
  if (message.type === 'welcome') {
    if (message.protocol !== 1) {
      send({ type: 'goodbye', reason: `this agent speaks protocol version 1, not ${message.protocol}` });
      process.exit(1);
    }
    return;
  }
  if (message.type === 'goodbye') process.exit(0);
  if (message.type !== 'request') return;
  serving.push(message.id);
  let reply;
  try {
    const value = perform(message);
    reply =
      value && value.unsupported
        ? { type: 'result', id: message.id, completion: 'unsupported', reason: value.unsupported }
        : { type: 'result', id: message.id, completion: 'returned', value: encode(value) };
  } catch (error) {
    reply = { type: 'result', id: message.id, completion: 'thrown', value: encode(error) };
  } finally {
    serving.pop();
  }
  send(reply);
}

send({
  type: 'hello',
  protocol: 1,
  implementation: {
    name: 'minimal example agent',
    version: '1.0.0',
    language: 'javascript',
    eras: ['current'],
    platform: process.platform,
  },
  capabilities: [],
  driverCommands: [],
  restart: 'relaunch',
  targets: 'one',
});

(function loop() {
  const message = deferred.length ? deferred.shift() : JSON.parse(readLine());
  handle(message);
  setImmediate(loop); // promise callbacks (settlements) run before the next blocking read
})();
