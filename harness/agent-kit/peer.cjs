'use strict';
// One end of the session-conformance agent protocol (docs/IMPLEMENTERS.md):
// handles for objects that cannot travel, tagged values, get/set/apply/...
// requests whose replies keep the completion kinds apart, promises settled
// later, and synchronous requests that serve the other side's nested
// requests while they wait. The runner and every JavaScript agent share this
// file, so it is ES2015 and needs only Node's core: it runs inside the Node of
// old Electrons (down to Node 6).

var webValues = require('./web-values.cjs');

var PROTOCOL_VERSION = 1;

/** A failure of the conversation rather than of the implementation; `name` says which. */
class AgentFailure extends Error {
  constructor(name, message) {
    super(message);
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
  }
}

/** The agent cannot serve a request (reported as SKIP, never as a pass). */
function unsupported(reason) {
  return new AgentFailure('AgentUnsupported', reason);
}

var BUILTIN_ERRORS = {
  Error: Error,
  TypeError: TypeError,
  RangeError: RangeError,
  SyntaxError: SyntaxError,
  ReferenceError: ReferenceError,
  EvalError: EvalError,
  URIError: URIError,
};

var BYTE_KINDS = {
  Uint8Array: Uint8Array,
  Int8Array: Int8Array,
  Uint8ClampedArray: Uint8ClampedArray,
  Uint16Array: Uint16Array,
  Int16Array: Int16Array,
  Uint32Array: Uint32Array,
  Int32Array: Int32Array,
  Float32Array: Float32Array,
  Float64Array: Float64Array,
};

var hasOwn = Object.prototype.hasOwnProperty;

var WELL_KNOWN_SYMBOLS = ['iterator', 'asyncIterator', 'hasInstance', 'toPrimitive', 'toStringTag', 'species', 'isConcatSpreadable', 'unscopables', 'match', 'replace', 'search', 'split'];

/** Request fields that are plain JSON; every other field is a value. */
var RAW_FIELDS = { key: true, command: true, completion: true, crash: true };

/** Requests that only read: they do not end a snapshot of own properties. */
var INTROSPECTION = { get: true, has: true, keys: true, describe: true };

/** Marks a value to be sent as a handle even if it is a plain object (the session module is one). */
class ByRef {
  constructor(target) {
    this.target = target;
  }
}

function byRef(target) {
  return new ByRef(target);
}

/** `out[key] = value` that also works for a key named __proto__. */
function setOwn(out, key, value) {
  Object.defineProperty(out, key, { value: value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value) {
  var proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isError(value) {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function builtinErrorClass(error) {
  for (var p = Object.getPrototypeOf(error); p; p = Object.getPrototypeOf(p)) {
    var d = Object.getOwnPropertyDescriptor(p, 'constructor');
    var ctor = d && d.value;
    if (typeof ctor === 'function' && BUILTIN_ERRORS[ctor.name] === ctor) return ctor.name;
  }
  return undefined;
}

function specialNumber(n) {
  if (n !== n) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0 && 1 / n < 0) return '-0';
  return undefined;
}

var SPECIAL_NUMBERS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

function namedStandIn(name) {
  var holder = {};
  holder[name] = function () {};
  return holder[name];
}

/** Splits a byte stream into lines; one instance per channel. */
class LineSplitter {
  constructor() {
    this.rest = '';
  }
  push(chunk) {
    var text = this.rest + chunk;
    var lines = text.split('\n');
    this.rest = lines.pop();
    return lines.filter(function (l) {
      return l.trim() !== '';
    });
  }
}

/**
 * options:
 *   side: 'agent' | 'runner' (the prefix of the handle ids this end allocates)
 *   transport: { send(message, nested), wait(deadline) -> message | null, schedule(fn) }
 *   serveOp(request) -> value: the ops beyond get/set/... (agents: target.*, driver)
 *   onControl(message): hello / welcome / goodbye / fault messages
 *   deferUnrelated: while blocked, queue incoming requests that are not part
 *     of the conversation being waited for (agents do; the runner may not, or
 *     two crossing requests would wait for each other)
 *   timeoutMs: how long a synchronous request may wait (0: forever)
 */
class Peer {
  constructor(options) {
    this.prefix = options.side === 'agent' ? 'a' : 'r';
    this.transport = options.transport;
    this.serveOp = options.serveOp || null;
    this.onControl = options.onControl || null;
    this.onUnsupported = options.onUnsupported || null;
    this.deferUnrelated = Boolean(options.deferUnrelated);
    this.timeoutMs = options.timeoutMs || 0;
    this.describeRequest = options.describeRequest || describeRequest;
    this.nextRequest = 1;
    this.nextHandle = 1;
    this.local = new Map();
    this.localIds = new Map();
    this.classIds = new Map();
    this.remoteInfo = new Map();
    this.remoteClasses = new Map();
    this.proxies = new Map();
    this.proxyIds = new WeakMap();
    this.pending = new Map();
    this.results = new Map();
    this.waiting = [];
    this.serving = [];
    this.deferred = [];
    this.draining = false;
    this.closed = null;
    this.snapshots = null;
    // The other side's errors and symbols, as local copies: id -> copy, copy -> id.
    this.copies = new Map();
    this.copyIds = new Map();
  }

  // ---- values ------------------------------------------------------------

  encode(value) {
    return this.encodeValue(value, []);
  }

  encodeValue(value, stack) {
    switch (typeof value) {
      case 'undefined':
        return { $: 'undefined' };
      case 'boolean':
      case 'string':
        return value;
      case 'number': {
        var special = specialNumber(value);
        return special ? { $: 'number', v: special } : value;
      }
      case 'bigint':
        return { $: 'bigint', v: value.toString() };
      case 'symbol':
        return this.encodeSymbol(value);
      case 'function':
        return this.proxyIds.has(value) ? { $: 'ref', id: this.proxyIds.get(value) } : this.refOf(value, 'function');
    }
    if (value === null) return null;
    if (this.proxyIds.has(value)) return { $: 'ref', id: this.proxyIds.get(value) };
    if (value instanceof ByRef) return this.refOf(value.target, 'object');
    if (Buffer.isBuffer(value)) return { $: 'bytes', kind: 'Buffer', v: bytesOf(value) };
    if (ArrayBuffer.isView(value)) {
      var kind = value instanceof DataView ? 'DataView' : value.constructor.name;
      return { $: 'bytes', kind: kind, v: bytesOf(value) };
    }
    if (value instanceof ArrayBuffer) return { $: 'bytes', kind: 'ArrayBuffer', v: Buffer.from(value).toString('base64') };
    if (value instanceof Date) {
      var time = value.getTime();
      return { $: 'date', v: time === time ? time : null };
    }
    var web = webValues.encodeWeb(value, this, stack);
    if (web) return web;
    if (isError(value)) return this.encodeError(value, stack);
    if (value instanceof Promise) return this.encodePromise(value);
    if (Array.isArray(value) || isPlainObject(value)) {
      if (stack.indexOf(value) >= 0) throw unsupported('a circular structure cannot be sent by value');
      stack.push(value);
      try {
        if (Array.isArray(value)) {
          var items = [];
          for (var i = 0; i < value.length; i++) items.push(this.encodeValue(value[i], stack));
          return items;
        }
        var out = {};
        var keys = Object.keys(value);
        for (var k = 0; k < keys.length; k++) setOwn(out, keys[k], this.encodeValue(value[keys[k]], stack));
        return hasOwn.call(out, '$') ? { $: 'record', v: out } : out;
      } finally {
        stack.pop();
      }
    }
    return this.refOf(value, 'object');
  }

  /**
   * Errors travel by value (the receiver rebuilds one of its own classes) and
   * carry an id, so that one sent back is the original: a rejection with the
   * abort reason the runner gave is that same reason.
   */
  encodeError(error, stack) {
    var original = this.copyIds.get(error);
    if (original !== undefined) return { $: 'ref', id: original };
    var id = this.localIds.get(error);
    if (id === undefined) {
      id = this.prefix + 'e' + this.nextHandle++;
      this.localIds.set(error, id);
      this.local.set(id, error);
    }
    var out = { $: 'error', id: id, name: String(error.name), message: String(error.message) };
    var cls = builtinErrorClass(error);
    if (cls) out.class = cls;
    if (typeof error.stack === 'string') out.stack = error.stack;
    var props = {};
    var keys = Object.keys(error);
    var any = false;
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key === 'name' || key === 'message' || key === 'stack') continue;
      try {
        setOwn(props, key, this.encodeValue(error[key], stack));
        any = true;
      } catch (ignored) {
        // A property that cannot travel is left out; the error itself still can.
      }
    }
    if (any) out.props = props;
    return out;
  }

  /** Symbols keep identity: registered ones by key, well-known ones by name, others by id. */
  encodeSymbol(symbol) {
    var key = Symbol.keyFor(symbol);
    if (key !== undefined) return { $: 'symbol', key: key };
    for (var i = 0; i < WELL_KNOWN_SYMBOLS.length; i++) {
      if (Symbol[WELL_KNOWN_SYMBOLS[i]] === symbol) return { $: 'symbol', wellKnown: WELL_KNOWN_SYMBOLS[i] };
    }
    var original = this.copyIds.get(symbol);
    if (original !== undefined) return { $: 'symbol', id: original };
    var id = this.localIds.get(symbol);
    if (id === undefined) {
      id = this.prefix + 's' + this.nextHandle++;
      this.localIds.set(symbol, id);
      this.local.set(id, symbol);
    }
    return { $: 'symbol', id: id, description: String(symbol).slice(7, -1) };
  }

  decodeSymbol(value) {
    if (value.key !== undefined) return Symbol['for'](value.key);
    if (value.wellKnown !== undefined) {
      if (typeof Symbol[value.wellKnown] !== 'symbol') throw unsupported('this JavaScript host has no Symbol.' + value.wellKnown);
      return Symbol[value.wellKnown];
    }
    return this.copyOf(value.id, function () {
      return Symbol(value.description);
    });
  }

  /** The local stand-in for the other side's error or symbol `id`, made once. */
  copyOf(id, make) {
    if (id.charAt(0) === this.prefix) {
      if (!this.local.has(id)) throw new AgentFailure('ProtocolError', 'unknown handle ' + id);
      return this.local.get(id);
    }
    var copy = this.copies.get(id);
    if (copy === undefined) {
      copy = make();
      this.copies.set(id, copy);
      this.copyIds.set(copy, id);
    }
    return copy;
  }

  encodePromise(promise) {
    var id = this.prefix + 'p' + this.nextHandle++;
    var self = this;
    promise.then(
      function (value) {
        self.sendSettle(id, 'resolved', value);
      },
      function (error) {
        self.sendSettle(id, 'rejected', error);
      }
    );
    return { $: 'promise', id: id };
  }

  sendSettle(id, completion, value) {
    if (this.closed) return;
    var encoded;
    try {
      encoded = this.encode(value);
    } catch (error) {
      completion = 'rejected';
      encoded = this.encode(error);
    }
    this.send({ type: 'settle', promise: id, completion: completion, value: encoded });
  }

  refOf(value, type) {
    var id = this.localIds.get(value);
    if (id !== undefined) return { $: 'ref', id: id };
    id = this.prefix + this.nextHandle++;
    this.localIds.set(value, id);
    this.local.set(id, value);
    var out = { $: 'ref', id: id, type: type };
    if (type === 'object') {
      out['class'] = this.classOf(Object.getPrototypeOf(value));
      if (Object.isFrozen(value)) {
        var own = this.frozenMethods(value);
        if (own) out.own = own;
      }
    }
    return out;
  }

  /** A class id, with its description the first time the peer hears of it. */
  classOf(proto) {
    var known = this.classIds.get(proto);
    if (known !== undefined) return known;
    var id = this.prefix + 'c' + this.nextHandle++;
    this.classIds.set(proto, id);
    var methods = {};
    var other = [];
    var seen = Object.create(null);
    for (var p = proto; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
      var names = Object.getOwnPropertyNames(p);
      for (var i = 0; i < names.length; i++) {
        var name = names[i];
        if (seen[name]) continue;
        seen[name] = true;
        var d = Object.getOwnPropertyDescriptor(p, name);
        if (d && typeof d.value === 'function') methods[name] = this.refOf(d.value, 'function').id;
        else other.push(name);
      }
    }
    var ctor = proto && Object.getOwnPropertyDescriptor(proto, 'constructor');
    var className = ctor && typeof ctor.value === 'function' && ctor.value.name ? ctor.value.name : 'Object';
    var info = { id: id, name: className, methods: methods };
    if (other.length) info.properties = other;
    if (proto !== Object.prototype && !Object.prototype.isPrototypeOf(proto)) info.nullPrototype = true;
    return info;
  }

  /** Function-valued own data properties of a frozen object cannot change, so the peer may know them up front. */
  frozenMethods(value) {
    var own = null;
    var names = Object.getOwnPropertyNames(value);
    for (var i = 0; i < names.length; i++) {
      var d = Object.getOwnPropertyDescriptor(value, names[i]);
      if (d && typeof d.value === 'function') {
        own = own || {};
        own[names[i]] = this.refOf(d.value, 'function').id;
      }
    }
    return own;
  }

  decode(value) {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      var self = this;
      return value.map(function (v) {
        return self.decode(v);
      });
    }
    if (!hasOwn.call(value, '$')) return this.decodeRecord(value);
    switch (value.$) {
      case 'undefined':
        return undefined;
      case 'number':
        if (!hasOwn.call(SPECIAL_NUMBERS, value.v)) throw new AgentFailure('ProtocolError', 'unknown number ' + value.v);
        return SPECIAL_NUMBERS[value.v];
      case 'bigint':
        if (typeof BigInt !== 'function') throw unsupported('this JavaScript host has no BigInt');
        return BigInt(value.v);
      case 'record':
        return this.decodeRecord(value.v);
      case 'bytes':
        return this.decodeBytes(value);
      case 'date':
        return new Date(value.v === null ? NaN : value.v);
      case 'error':
        // Without an id (agents may leave it out) the error simply has no identity to keep.
        return value.id === undefined ? this.decodeError(value) : this.copyOf(value.id, this.decodeError.bind(this, value));
      case 'symbol':
        return this.decodeSymbol(value);
      case 'promise':
        return this.decodePromise(value.id);
      case 'ref':
        return this.decodeRef(value);
    }
    var web = webValues.decodeWeb(value, this);
    if (web !== undefined) return web;
    throw new AgentFailure('ProtocolError', 'unknown value tag ' + JSON.stringify(value.$));
  }

  decodeRecord(record) {
    var out = {};
    var keys = Object.keys(record);
    for (var i = 0; i < keys.length; i++) setOwn(out, keys[i], this.decode(record[keys[i]]));
    return out;
  }

  decodeBytes(value) {
    var buffer = Buffer.from(value.v, 'base64');
    if (value.kind === 'Buffer') return buffer;
    var copy = new ArrayBuffer(buffer.length);
    new Uint8Array(copy).set(buffer);
    if (value.kind === 'ArrayBuffer') return copy;
    if (value.kind === 'DataView') return new DataView(copy);
    var Kind = BYTE_KINDS[value.kind];
    if (!Kind) throw new AgentFailure('ProtocolError', 'unknown byte kind ' + value.kind);
    return new Kind(copy);
  }

  decodeError(value) {
    var Ctor = (value['class'] && BUILTIN_ERRORS[value['class']]) || Error;
    var error = new Ctor(value.message);
    if (error.name !== value.name) {
      Object.defineProperty(error, 'name', { value: value.name, configurable: true, writable: true });
    }
    if (value.props) {
      var keys = Object.keys(value.props);
      for (var i = 0; i < keys.length; i++) setOwn(error, keys[i], this.decode(value.props[keys[i]]));
    }
    if (value.stack) {
      var local = String(error.stack).split('\n').slice(1).join('\n');
      Object.defineProperty(error, 'stack', {
        value: value.stack + '\n    at <the other end of the agent protocol>\n' + local,
        configurable: true,
        writable: true,
      });
    }
    return error;
  }

  decodePromise(id) {
    var self = this;
    if (this.closed) return Promise.reject(this.closed);
    return new Promise(function (resolve, reject) {
      self.pending.set(id, { resolve: resolve, reject: reject });
    });
  }

  decodeRef(value) {
    var id = value.id;
    if (typeof id !== 'string') throw new AgentFailure('ProtocolError', 'a handle needs a string id');
    if (id.charAt(0) === this.prefix) {
      if (!this.local.has(id)) throw new AgentFailure('ProtocolError', 'unknown handle ' + id);
      return this.local.get(id);
    }
    if (value.type) {
      var info = { type: value.type, className: 'Object', methods: null, properties: [], inheritsObject: true, own: value.own || null };
      if (value['class'] !== undefined) {
        var cls = value['class'];
        if (typeof cls === 'object' && cls !== null) {
          this.remoteClasses.set(cls.id, cls);
          this.noteFunctions(cls.methods);
        } else {
          cls = this.remoteClasses.get(cls);
          if (!cls) throw new AgentFailure('ProtocolError', 'unknown class ' + value['class']);
        }
        info.className = cls.name;
        info.methods = cls.methods;
        info.properties = cls.properties || [];
        info.inheritsObject = !cls.nullPrototype;
      }
      this.noteFunctions(info.own);
      if (!this.remoteInfo.has(id)) this.remoteInfo.set(id, info);
    }
    return this.proxyFor(id);
  }

  noteFunctions(methods) {
    if (!methods) return;
    var names = Object.keys(methods);
    for (var i = 0; i < names.length; i++) {
      var fnId = methods[names[i]];
      if (!this.remoteInfo.has(fnId)) this.remoteInfo.set(fnId, { type: 'function', className: 'Function', methods: null, own: null });
    }
  }

  // ---- proxies of the other side's objects --------------------------------

  proxyFor(id) {
    var proxy = this.proxies.get(id);
    if (proxy) return proxy;
    var info = this.remoteInfo.get(id);
    if (!info) throw new AgentFailure('ProtocolError', 'unknown handle ' + id);
    proxy = info.type === 'function' ? this.functionProxy(id) : this.objectProxy(id, info);
    this.proxies.set(id, proxy);
    this.proxyIds.set(proxy, id);
    return proxy;
  }

  /** A method the handle's class or frozen own properties name: known without asking. */
  knownMethod(info, key) {
    if (info.own && hasOwn.call(info.own, key)) return info.own[key];
    if (info.methods && hasOwn.call(info.methods, key)) return info.methods[key];
    return undefined;
  }

  /**
   * The traps object and function handles share: reads served from the
   * snapshot when it has them, writes and descriptors asked of the other
   * side, and no local definitions. `extra` adds or overrides traps.
   */
  remoteHandle(id, target, extra) {
    var peer = this;
    var proxy;
    var handler = {
      get: function (t, key) {
        if (typeof key === 'symbol') return undefined;
        var local = extra.localGet ? extra.localGet(key) : undefined;
        if (local !== undefined) return local;
        // Awaiting a handle asks for `then`; only a class that has one is thenable.
        if (key === 'then') return undefined;
        var own = peer.snapshotEntry(id, key);
        if (own && own.length > 2) return own[2];
        return peer.request({ op: 'get', target: proxy, key: key });
      },
      set: function (t, key, value) {
        if (typeof key === 'symbol') return false;
        peer.request({ op: 'set', target: proxy, key: key, value: value });
        return true;
      },
      getOwnPropertyDescriptor: function (t, key) {
        return peer.remoteDescriptor(id, proxy, key);
      },
      defineProperty: function () {
        return false;
      },
    };
    var traps = extra.traps(function () {
      return proxy;
    });
    Object.keys(traps).forEach(function (name) {
      handler[name] = traps[name];
    });
    proxy = new Proxy(target, handler);
    return proxy;
  }

  objectProxy(id, info) {
    var peer = this;
    return this.remoteHandle(id, Object.create(namedStandIn(info.className).prototype), {
      localGet: function (key) {
        var method = peer.knownMethod(info, key);
        return method !== undefined ? peer.proxyFor(method) : undefined;
      },
      traps: function (proxyOf) {
        return {
          has: function (t, key) {
            if (typeof key === 'symbol') return false;
            if (peer.knownMethod(info, key) !== undefined) return true;
            if (info.methods === null) return peer.request({ op: 'has', target: proxyOf(), key: key });
            // The class's prototype chain is known: only own properties need asking,
            // and vitest probes many names in a row (asymmetricMatch, nodeType, ...).
            if (info.properties.indexOf(key) >= 0) return true;
            if (info.inheritsObject && key in Object.prototype) return true;
            return peer.snapshot(id, proxyOf()).byName.has(key);
          },
          deleteProperty: function (t, key) {
            if (typeof key === 'symbol') return true;
            return peer.request({ op: 'delete', target: proxyOf(), key: key });
          },
          ownKeys: function () {
            return peer.snapshot(id, proxyOf()).names;
          },
        };
      },
    });
  }

  functionProxy(id) {
    var peer = this;
    return this.remoteHandle(id, function () {}.bind(null), {
      // fn.call(...) and friends act on the proxy locally: one request, not two.
      localGet: function (key) {
        return key === 'call' || key === 'apply' || key === 'bind' ? Function.prototype[key] : undefined;
      },
      traps: function (proxyOf) {
        return {
          apply: function (t, self, args) {
            return peer.request({ op: 'apply', fn: proxyOf(), this: self, args: args });
          },
          construct: function (t, args) {
            return peer.request({ op: 'construct', fn: proxyOf(), args: args });
          },
          has: function (t, key) {
            if (typeof key === 'symbol') return false;
            return peer.request({ op: 'has', target: proxyOf(), key: key });
          },
          ownKeys: function () {
            var keys = peer.snapshot(id, proxyOf()).names.slice();
            // The local stand-in's own keys must be listed too (a Proxy invariant).
            ['length', 'name'].forEach(function (k) {
              if (keys.indexOf(k) < 0) keys.push(k);
            });
            return keys;
          },
        };
      },
    });
  }

  remoteDescriptor(id, proxy, key) {
    if (typeof key === 'symbol') return undefined;
    var entry;
    if (this.snapshots && this.snapshots.has(id)) {
      entry = this.snapshotEntry(id, key);
      if (!entry) return undefined;
    } else {
      var d = this.request({ op: 'describe', target: proxy, key: key });
      if (!d) return undefined;
      entry = [key, d.enumerable, d.value];
    }
    var value = entry.length > 2 ? entry[2] : this.request({ op: 'get', target: proxy, key: key });
    return { value: value, enumerable: entry[1], writable: true, configurable: true };
  }

  /**
   * The own properties of a handle, fetched in one request and kept until
   * anything else happens: vitest's equality and printing walk every key,
   * and in-process nothing can change an object within one synchronous run.
   */
  snapshot(id, proxy) {
    var known = this.snapshots && this.snapshots.get(id);
    if (known) return known;
    var entries = this.request({ op: 'keys', target: proxy });
    var snapshot = { names: [], byName: new Map() };
    for (var i = 0; i < entries.length; i++) {
      snapshot.names.push(entries[i][0]);
      snapshot.byName.set(entries[i][0], entries[i]);
    }
    if (!this.snapshots) {
      this.snapshots = new Map();
      var self = this;
      Promise.resolve().then(function () {
        self.snapshots = null;
      });
    }
    this.snapshots.set(id, snapshot);
    return snapshot;
  }

  snapshotEntry(id, key) {
    var snapshot = this.snapshots && this.snapshots.get(id);
    return snapshot ? snapshot.byName.get(key) : undefined;
  }

  // ---- requests -------------------------------------------------------------

  send(message) {
    // Anything sent while serving the other side's request belongs to that
    // conversation: the other side is blocked and reads it on its nested path.
    var nested = message.type === 'result' || this.serving.length > 0;
    this.transport.send(message, nested);
  }

  /** A synchronous request: returns the value, or throws what the other side threw. */
  request(fields) {
    if (this.closed) return this.requestAfterClose(fields);
    if (!INTROSPECTION[fields.op]) this.snapshots = null;
    var id = this.nextRequest++;
    var message = { type: 'request', id: id, op: fields.op };
    if (this.serving.length) message.during = this.serving[this.serving.length - 1];
    var keys = Object.keys(fields);
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key === 'op') continue;
      message[key] = RAW_FIELDS[key] ? fields[key] : this.encode(fields[key]);
    }
    this.send(message);
    this.waiting.push(id);
    try {
      return this.complete(this.awaitResult(id, fields));
    } finally {
      this.waiting.pop();
      if (this.waiting.length === 0 && this.deferred.length) this.scheduleDrain();
    }
  }

  /**
   * An object of a conversation that is over (its process exited, e.g. after
   * a restart) has no own properties left to show: equality checks and
   * printing still work on it. Using it any other way throws why it is gone.
   */
  requestAfterClose(fields) {
    if (fields.op === 'keys') return [];
    if (fields.op === 'has') return false;
    if (fields.op === 'describe') return null;
    throw this.closed;
  }

  awaitResult(id, fields) {
    var deadline = this.timeoutMs ? Date.now() + this.timeoutMs : 0;
    for (;;) {
      if (this.results.has(id)) {
        var result = this.results.get(id);
        this.results.delete(id);
        return result;
      }
      if (this.closed) throw this.closed;
      var message = this.transport.wait(deadline);
      if (message === null) {
        if (this.closed) throw this.closed;
        var timeout = new AgentFailure(
          'AgentTimeout',
          'the agent did not answer ' + this.describeRequest(fields) + ' within ' + this.timeoutMs + ' ms'
        );
        this.close(new AgentFailure('AgentCrashed', 'the agent died: it was stopped after it did not answer in time'));
        throw timeout;
      }
      this.accept(message);
    }
  }

  complete(result) {
    switch (result.completion) {
      case 'returned':
        return result.value;
      case 'thrown':
        throw result.value;
      case 'unsupported':
        if (this.onUnsupported) this.onUnsupported(result.reason || 'unsupported');
        throw unsupported(result.reason || 'unsupported');
      case 'errored':
        throw new AgentFailure('AgentError', 'the agent failed: ' + (result.reason || 'no reason given'));
    }
    throw new AgentFailure('ProtocolError', 'unknown completion ' + result.completion);
  }

  // ---- incoming ---------------------------------------------------------------

  /** Entry point for a message that arrived while this end was not blocked. */
  receive(message) {
    if (this.deferred.length) {
      this.deferred.push(message);
      this.drain();
      return;
    }
    this.accept(message);
  }

  accept(raw) {
    if (!raw || typeof raw !== 'object') throw new AgentFailure('ProtocolError', 'a message must be a JSON object');
    switch (raw.type) {
      case 'result': {
        var result = { completion: raw.completion, reason: raw.reason };
        if (hasOwn.call(raw, 'value')) result.value = this.decode(raw.value);
        if (this.waiting.indexOf(raw.id) < 0) {
          throw new AgentFailure('ProtocolError', 'a result for request ' + raw.id + ', which nobody is waiting for');
        }
        this.results.set(raw.id, result);
        return;
      }
      case 'settle':
        this.snapshots = null;
        return this.settle(raw);
      case 'request': {
        // The other side is running code: what was true of its objects may not be.
        this.snapshots = null;
        var request = this.decodeRequest(raw);
        if (this.waiting.length && this.deferUnrelated && raw.during === undefined) {
          this.deferred.push(request);
          return;
        }
        return this.serve(request);
      }
    }
    if (this.onControl) return this.onControl(raw);
    throw new AgentFailure('ProtocolError', 'unknown message type ' + JSON.stringify(raw.type));
  }

  /** Decoding happens on arrival, so a later message may rely on handles this one introduced. */
  decodeRequest(raw) {
    var request = { decoded: true, id: raw.id, op: raw.op, during: raw.during, raw: raw, error: null, fields: {} };
    // Decoding may itself ask the other side something (a followed AbortSignal
    // subscribes to the original): that belongs to this request's conversation,
    // or an agent blocked on a call into the runner would defer it forever.
    this.serving.push(raw.id);
    try {
      var keys = Object.keys(raw);
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (key === 'type' || key === 'id' || key === 'op' || key === 'during') continue;
        request.fields[key] = RAW_FIELDS[key] ? raw[key] : this.decode(raw[key]);
      }
    } catch (error) {
      request.error = error;
    } finally {
      this.serving.pop();
    }
    return request;
  }

  settle(raw) {
    var entry = this.pending.get(raw.promise);
    if (!entry) throw new AgentFailure('ProtocolError', 'a settlement of unknown promise ' + raw.promise);
    this.pending.delete(raw.promise);
    var value = this.decode(raw.value);
    if (raw.completion === 'resolved') entry.resolve(value);
    else entry.reject(value);
  }

  serve(request) {
    if (this.closed) return;
    var reply = { type: 'result', id: request.id, completion: 'returned' };
    this.serving.push(request.id);
    try {
      if (request.error) throw request.error;
      reply.value = this.encode(this.perform(request.op, request.fields, request.raw));
    } catch (error) {
      delete reply.value;
      if (error instanceof AgentFailure && error.name === 'AgentUnsupported') {
        reply.completion = 'unsupported';
        reply.reason = error.message;
      } else if (error instanceof AgentFailure) {
        reply.completion = 'errored';
        reply.reason = error.message;
      } else {
        reply.completion = 'thrown';
        try {
          reply.value = this.encode(error);
        } catch (unencodable) {
          reply.completion = 'unsupported';
          reply.reason = 'the thrown value cannot be sent: ' + unencodable.message;
        }
      }
    } finally {
      this.serving.pop();
    }
    if (!this.closed) this.send(reply);
  }

  perform(op, f, raw) {
    switch (op) {
      case 'get':
        return f.target[f.key];
      case 'set':
        f.target[f.key] = f.value;
        return undefined;
      case 'has':
        return f.key in f.target;
      case 'delete':
        return delete f.target[f.key];
      case 'keys':
        // [name, enumerable, value] for data properties, [name, enumerable] for accessors.
        return Object.getOwnPropertyNames(f.target).map(function (name) {
          var d = Object.getOwnPropertyDescriptor(f.target, name);
          return hasOwn.call(d, 'value') ? [name, d.enumerable, d.value] : [name, d.enumerable];
        });
      case 'describe': {
        var d = Object.getOwnPropertyDescriptor(f.target, f.key);
        if (!d) return null;
        return { enumerable: d.enumerable, value: hasOwn.call(d, 'value') ? d.value : f.target[f.key] };
      }
      case 'apply':
        if (typeof f.fn !== 'function') throw new TypeError('apply: not a function');
        return Reflect.apply(f.fn, f['this'], f.args || []);
      case 'construct':
        if (typeof f.fn !== 'function') throw new TypeError('construct: not a constructor');
        return Reflect.construct(f.fn, f.args || []);
      case 'echo':
        // The protocol's self-test: the value comes back with the completion asked for.
        if (f.completion === 'thrown') throw f.value;
        if (f.completion === 'resolved') return Promise.resolve(f.value);
        if (f.completion === 'rejected') return Promise.reject(f.value);
        return f.value;
    }
    if (this.serveOp) return this.serveOp(op, f, raw);
    throw unsupported('unknown op ' + op);
  }

  scheduleDrain() {
    var self = this;
    this.transport.schedule(function () {
      self.drain();
    });
  }

  /** Serves the requests deferred while this end was blocked, in arrival order. */
  drain() {
    if (this.draining || this.waiting.length) return;
    this.draining = true;
    try {
      while (this.deferred.length && !this.waiting.length && !this.closed) {
        var next = this.deferred.shift();
        if (next.decoded) this.serve(next);
        else this.accept(next);
      }
    } finally {
      this.draining = false;
    }
  }

  /** The link is gone: every pending promise rejects with `error`, and so does every later request. */
  close(error) {
    if (this.closed) return;
    this.closed = error;
    var pending = this.pending;
    this.pending = new Map();
    pending.forEach(function (entry) {
      entry.reject(error);
    });
  }
}

function describeRequest(fields) {
  if (fields.op === 'get' || fields.op === 'set' || fields.op === 'has') return fields.op + ' ' + JSON.stringify(fields.key);
  if (fields.op === 'driver') return 'driver command ' + fields.command;
  return fields.op;
}

module.exports = {
  PROTOCOL_VERSION: PROTOCOL_VERSION,
  Peer: Peer,
  AgentFailure: AgentFailure,
  LineSplitter: LineSplitter,
  byRef: byRef,
  unsupported: unsupported,
};
