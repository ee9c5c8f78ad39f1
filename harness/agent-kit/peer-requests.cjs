'use strict';
// This end's synchronous requests: one is sent, then the other side's
// messages are served until its result arrives (or the deadline passes), and
// the result's completion becomes a value, a throw, or an agent failure.
// Methods of Peer: peer.cjs installs them on its prototype. ES2015, Node's
// core only.

var failures = require('./failures.cjs');
var RAW_FIELDS = require('./peer-common.cjs').RAW_FIELDS;

var AgentFailure = failures.AgentFailure;
var unsupported = failures.unsupported;

/** Requests that only read: they do not end a snapshot of own properties. */
var INTROSPECTION = { get: true, has: true, keys: true, describe: true };

class PeerRequests {
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
}

module.exports = PeerRequests;
