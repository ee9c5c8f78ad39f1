'use strict';
// The peer's incoming values: tagged JSON back to values of this side's own
// classes, the other side's handles as proxies (peer-handles.cjs), its errors
// and symbols as copies made once, its promises as local promises that its
// settle messages complete. Methods of Peer: peer.cjs installs them on its
// prototype. ES2015, Node's core only.

var webValues = require('./web-values.cjs');
var common = require('./peer-common.cjs');
var failures = require('./failures.cjs');

var AgentFailure = failures.AgentFailure;
var unsupported = failures.unsupported;
var BUILTIN_ERRORS = common.BUILTIN_ERRORS;
var SPECIAL_NUMBERS = common.SPECIAL_NUMBERS;
var setOwn = common.setOwn;
var hasOwn = Object.prototype.hasOwnProperty;

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

class PeerDecode {
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
      case 'array':
        return this.decodeHoles(value);
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

  /** An array with holes: its length, and the elements it has by index. */
  decodeHoles(value) {
    var length = value.length;
    if (typeof length !== 'number' || length !== length >>> 0 || !value.v || typeof value.v !== 'object') {
      throw new AgentFailure('ProtocolError', 'an array tag needs a length (0 to 2^32-1) and v');
    }
    var out = [];
    var keys = Object.keys(value.v);
    for (var i = 0; i < keys.length; i++) {
      var index = Number(keys[i]);
      if (String(index >>> 0) !== keys[i] || index >= length)
        throw new AgentFailure('ProtocolError', 'array index out of range: ' + keys[i]);
      out[index] = this.decode(value.v[keys[i]]);
    }
    out.length = length;
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
      var info = {
        type: value.type,
        className: 'Object',
        methods: null,
        properties: [],
        inheritsObject: true,
        own: value.own || null,
      };
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
      if (!this.remoteInfo.has(fnId))
        this.remoteInfo.set(fnId, { type: 'function', className: 'Function', methods: null, own: null });
    }
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
}

module.exports = PeerDecode;
