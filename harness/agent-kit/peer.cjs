'use strict';
// One end of the session-conformance agent protocol (docs/IMPLEMENTERS.md):
// handles for objects that cannot travel, tagged values, get/set/apply/...
// requests whose replies keep the completion kinds apart, promises settled
// later, and synchronous requests that serve the other side's nested
// requests while they wait. The runner and every JavaScript agent share this
// peer, so it is ES2015 and needs only Node's core: it runs inside the Node of
// old Electrons (down to Node 6).
//
// The Peer class is assembled from its sections: peer-encode.cjs and
// peer-decode.cjs (values), peer-handles.cjs (the other side's objects),
// peer-requests.cjs (this end's requests) and peer-incoming.cjs (the other
// side's messages).

var failures = require('./failures.cjs');
var byRef = require('./peer-common.cjs').byRef;
var LineSplitter = require('./line-splitter.cjs').LineSplitter;

var PROTOCOL_VERSION = 1;

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
}

/** Copies a section's methods onto Peer's prototype, as class methods are (not enumerable). */
function install(section) {
  var proto = section.prototype;
  Object.getOwnPropertyNames(proto).forEach(function (name) {
    if (name === 'constructor') return;
    if (Object.prototype.hasOwnProperty.call(Peer.prototype, name)) throw new Error('Peer.' + name + ' is defined twice');
    Object.defineProperty(Peer.prototype, name, Object.getOwnPropertyDescriptor(proto, name));
  });
}

install(require('./peer-encode.cjs'));
install(require('./peer-decode.cjs'));
install(require('./peer-handles.cjs'));
install(require('./peer-requests.cjs'));
install(require('./peer-incoming.cjs'));

function describeRequest(fields) {
  if (fields.op === 'get' || fields.op === 'set' || fields.op === 'has') return fields.op + ' ' + JSON.stringify(fields.key);
  if (fields.op === 'driver') return 'driver command ' + fields.command;
  return fields.op;
}

module.exports = {
  PROTOCOL_VERSION: PROTOCOL_VERSION,
  Peer: Peer,
  AgentFailure: failures.AgentFailure,
  LineSplitter: LineSplitter,
  byRef: byRef,
  unsupported: failures.unsupported,
};
