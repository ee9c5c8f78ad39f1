'use strict';
// Handles of the other side's objects and functions: Proxies whose reads,
// writes, calls and key listings become requests. Methods the handle's class
// named are known without asking, and a snapshot of own properties serves a
// run of reads (equality checks and printing walk every key) until anything
// else happens. Methods of Peer: peer.cjs installs them on its prototype.
// ES2015, Node's core only.

var AgentFailure = require('./failures.cjs').AgentFailure;
var hasOwn = Object.prototype.hasOwnProperty;

function namedStandIn(name) {
  var holder = {};
  holder[name] = function () {};
  return holder[name];
}

class PeerHandles {
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
}

module.exports = PeerHandles;
