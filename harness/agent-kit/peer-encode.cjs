'use strict';
// The peer's outgoing values: each local value as the protocol's tagged JSON
// (docs/IMPLEMENTERS.md, "Values"). What cannot travel by value becomes a
// handle (with its class's methods the first time), errors and symbols keep
// their identity, promises settle later. Methods of Peer: peer.cjs installs
// them on its prototype. ES2015, Node's core only.

var webValues = require('./web-values.cjs');
var common = require('./peer-common.cjs');
var unsupported = require('./failures.cjs').unsupported;

var BUILTIN_ERRORS = common.BUILTIN_ERRORS;
var WELL_KNOWN_SYMBOLS = common.WELL_KNOWN_SYMBOLS;
var ByRef = common.ByRef;
var setOwn = common.setOwn;
var specialNumber = common.specialNumber;
var hasOwn = Object.prototype.hasOwnProperty;

function isPlainObject(value) {
  var proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The array's own element indices, ascending (Object.keys lists integer keys first, in order). */
function ownIndices(array) {
  var keys = Object.keys(array);
  var out = [];
  for (var i = 0; i < keys.length; i++) {
    var n = Number(keys[i]);
    if (String(n >>> 0) === keys[i] && n < array.length) out.push(n);
  }
  return out;
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

function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

class PeerEncode {
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
          // An array with holes keeps them (APIs convert a hole and an undefined
          // differently) and travels by its own indices: a length of 2^32-1
          // with one element is one entry, not four billion.
          var indices = ownIndices(value);
          if (indices.length < value.length) {
            var present = {};
            for (var j = 0; j < indices.length; j++) present[indices[j]] = this.encodeValue(value[indices[j]], stack);
            return { $: 'array', length: value.length, v: present };
          }
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
}

module.exports = PeerEncode;
