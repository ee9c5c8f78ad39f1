'use strict';
// Messages from the other side: results for the requests this end waits on,
// settlements of its promises, and its requests, served at once or (an agent
// blocked in a callback) deferred until this end is idle again. Closing the
// link rejects whatever still waits. Methods of Peer: peer.cjs installs them
// on its prototype. ES2015, Node's core only.

var failures = require('./failures.cjs');
var common = require('./peer-common.cjs');

var AgentFailure = failures.AgentFailure;
var unsupported = failures.unsupported;
var RAW_FIELDS = common.RAW_FIELDS;
var hasOwn = Object.prototype.hasOwnProperty;

class PeerIncoming {
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

module.exports = PeerIncoming;
