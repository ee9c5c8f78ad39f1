'use strict';
// The agent library: serves an Electron-shaped implementation (an object with
// `app` and `session`) to the session-conformance runner over the agent
// protocol. A host (the reference's Node agent, the Electron agent) supplies
// how to create a target, its capabilities and driver commands; this file
// does the channels, the handshake and the target/driver operations.
// ES2015 and Node's core only: it runs inside the Node of old Electrons.
//
// Channels, from the environment:
//   SESSION_CONFORMANCE_AGENT_CHANNEL=fd:3,4  (set by the runner's remote: adapter)
//     fd 3: messages for an idle agent, read on the event loop;
//     fd 4: messages for an agent blocked in a synchronous callback (read with
//     blocking reads), and everything the agent sends. Works on any Node.
//   SESSION_CONFORMANCE_AGENT_LISTEN=host:port | /socket/path  (for attach:)
//     one connection per runner worker; needs worker_threads (Node >= 12.3).

var fs = require('fs');
var net = require('net');
var StringDecoder = require('string_decoder').StringDecoder;
var peerModule = require('./peer.cjs');

var Peer = peerModule.Peer;
var LineSplitter = peerModule.LineSplitter;
var byRef = peerModule.byRef;
var unsupported = peerModule.unsupported;

/** Target options the runner gave at launch (hosts that must configure before ready need them). */
function launchOptions() {
  var text = process.env.SESSION_CONFORMANCE_TARGET;
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error('SESSION_CONFORMANCE_TARGET is not JSON: ' + error.message);
  }
}

function sleepBriefly() {
  // Only reached if a channel fd is non-blocking; a millisecond keeps the
  // wait from spinning a core.
  if (typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && Atomics.wait) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
  }
}

function writeAllSync(fd, text) {
  var buffer = Buffer.from(text, 'utf8');
  var offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      sleepBriefly();
    }
  }
}

function readSomeSync(fd, buffer) {
  for (;;) {
    try {
      return fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if (error.code === 'EOF') return 0;
      if (error.code !== 'EAGAIN') throw error;
      sleepBriefly();
    }
  }
}

/** A failed read or write on a connection that went away ends it like an EOF. */
function gone(error) {
  return error.code === 'EPIPE' || error.code === 'ECONNRESET' || error.code === 'EBADF';
}

// ---- one conversation --------------------------------------------------------

/**
 * One runner's conversation: handshake, then requests. `channel` is
 * { send(line), wait() -> line | null (blocking), schedule(fn) }.
 */
class Conversation {
  constructor(host, channel) {
    this.host = host;
    this.channel = channel;
    this.targets = new Map();
    this.nextTarget = 1;
    this.welcomed = false;
    var self = this;
    this.peer = new Peer({
      side: 'agent',
      deferUnrelated: true,
      transport: {
        send: function (message) {
          self.channel.send(JSON.stringify(message) + '\n');
        },
        wait: function () {
          for (;;) {
            var line = self.channel.wait();
            if (line === null) {
              // The runner is gone: the callback being waited for throws this.
              self.peer.close(new Error('the runner closed the connection'));
              return null;
            }
            var message = self.parse(line);
            if (message) return message;
          }
        },
        schedule: function (fn) {
          setImmediate(fn);
        },
      },
      serveOp: function (op, fields) {
        return self.serveOp(op, fields);
      },
      onControl: function (message) {
        self.control(message);
      },
    });
  }

  hello() {
    var host = this.host;
    this.channel.send(
      JSON.stringify({
        type: 'hello',
        protocol: peerModule.PROTOCOL_VERSION,
        implementation: host.implementation,
        capabilities: host.capabilities || [],
        driverCommands: Object.keys(host.driver || {}),
        restart: host.restart || 'relaunch',
        targets: host.targets || 'one',
      }) + '\n'
    );
  }

  parse(line) {
    try {
      var message = JSON.parse(line);
      if (!message || typeof message !== 'object' || typeof message.type !== 'string') throw new Error('not a protocol message');
      return message;
    } catch (error) {
      this.fault('malformed line (' + error.message + ')', line);
      return null;
    }
  }

  fault(reason, line) {
    var message = { type: 'fault', reason: reason };
    if (line !== undefined) message.line = line.length > 200 ? line.slice(0, 200) : line;
    this.channel.send(JSON.stringify(message) + '\n');
  }

  /** A line that arrived while the agent was idle. */
  receive(line) {
    var message = this.parse(line);
    if (!message) return;
    if (!this.welcomed && message.type !== 'welcome' && message.type !== 'goodbye') {
      this.fault('the first message must be welcome', line);
      return;
    }
    try {
      this.peer.receive(message);
    } catch (error) {
      this.fault(error.message, line);
    }
  }

  control(message) {
    if (message.type === 'welcome') {
      if (message.protocol !== peerModule.PROTOCOL_VERSION) {
        this.channel.send(
          JSON.stringify({
            type: 'goodbye',
            reason:
              'protocol version mismatch: the runner speaks version ' +
              message.protocol +
              ', this agent speaks version ' +
              peerModule.PROTOCOL_VERSION,
          }) + '\n'
        );
        this.channel.end();
        return;
      }
      this.welcomed = true;
      return;
    }
    if (message.type === 'goodbye') {
      this.channel.end();
      return;
    }
    throw new Error('unexpected ' + JSON.stringify(message.type) + ' message');
  }

  target(id) {
    var target = this.targets.get(id);
    if (!target) throw new TypeError('unknown target ' + id);
    return target;
  }

  created(options, target) {
    var id = 't' + this.nextTarget++;
    target.options = options;
    this.targets.set(id, target);
    return { target: id, session: byRef(target.session), app: byRef(target.app) };
  }

  serveOp(op, f) {
    var self = this;
    var host = this.host;
    switch (op) {
      case 'target.create':
        return Promise.resolve(host.createTarget(f.options)).then(function (target) {
          return self.created(f.options, target);
        });
      case 'target.restart': {
        if (host.restart !== 'in-process') throw unsupported('this agent restarts by relaunching its process');
        var old = this.target(f.target);
        this.targets['delete'](f.target);
        return Promise.resolve(old.quit({ crash: Boolean(f.crash) }))
          .then(function () {
            return host.createTarget(old.options);
          })
          .then(function (target) {
            return self.created(old.options, target);
          });
      }
      case 'target.dispose': {
        var target = this.target(f.target);
        this.targets['delete'](f.target);
        return Promise.resolve(target.quit({ crash: false })).then(function () {
          return undefined;
        });
      }
      case 'driver': {
        var command = host.driver && host.driver[f.command];
        if (typeof command !== 'function') throw unsupported('driver command ' + f.command + ' is not implemented by this agent');
        return command((f.args || [])[0], this.target(f.target));
      }
    }
    throw unsupported('unknown op ' + op);
  }
}

// ---- channels ----------------------------------------------------------------

/**
 * The lines of one conversation, in arrival order. A blocking read may bring
 * more than the line waited for (the runner's settlement right behind a
 * result); what is left is handled on the event loop once the agent is idle,
 * before anything that arrives later.
 */
class Inbox {
  constructor() {
    this.lines = [];
    this.blocked = 0;
    this.draining = false;
    this.idle = null;
  }

  /** Lines read on the event loop. */
  arrived(lines) {
    this.lines.push.apply(this.lines, lines);
    this.drain();
  }

  /** The next line, blocking: `read()` returns more lines, or null at the end. */
  wait(read) {
    this.blocked++;
    try {
      while (!this.lines.length) {
        var more = read();
        if (more === null) return null;
        this.lines.push.apply(this.lines, more);
      }
      return this.lines.shift();
    } finally {
      this.blocked--;
      if (!this.blocked && this.lines.length) {
        var self = this;
        setImmediate(function () {
          self.drain();
        });
      }
    }
  }

  drain() {
    if (this.draining || this.blocked) return;
    this.draining = true;
    try {
      while (this.lines.length && !this.blocked) this.idle(this.lines.shift());
    } finally {
      this.draining = false;
    }
  }
}

function serveOnFds(host, idleFd, syncFd) {
  var syncLines = new LineSplitter();
  var syncDecoder = new StringDecoder('utf8');
  var inbox = new Inbox();
  var buffer = Buffer.alloc ? Buffer.alloc(65536) : new Buffer(65536);
  var ended = false;
  var finish = function () {
    if (ended) return;
    ended = true;
    (host.exit || defaultExit)();
  };
  var channel = {
    send: function (line) {
      writeAllSync(syncFd, line);
    },
    wait: function () {
      return inbox.wait(function () {
        var n = readSomeSync(syncFd, buffer);
        if (n === 0) {
          finish();
          return null;
        }
        return syncLines.push(syncDecoder.write(buffer.slice(0, n)));
      });
    },
    end: finish,
  };
  var conversation = new Conversation(host, channel);
  inbox.idle = function (line) {
    conversation.receive(line);
  };
  var idle = new net.Socket({ fd: idleFd, readable: true, writable: false });
  var idleLines = new LineSplitter();
  idle.setEncoding('utf8');
  idle.on('data', function (chunk) {
    inbox.arrived(idleLines.push(chunk));
  });
  idle.on('end', finish);
  idle.on('error', finish);
  conversation.hello();
  return conversation;
}

var LISTEN_WORKER = [
  "'use strict';",
  "var threads = require('worker_threads');",
  "var net = require('net');",
  'var data = threads.workerData;',
  'var signal = new Int32Array(data.signal);',
  'var port = data.port;',
  'var sockets = new Map();',
  'var next = 1;',
  'function post(m) { port.postMessage(m); Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); }',
  'var server = net.createServer(function (socket) {',
  '  var id = next++; var rest = "";',
  '  sockets.set(id, socket); socket.setEncoding("utf8");',
  '  post({ conn: id, opened: true });',
  '  socket.on("data", function (chunk) {',
  '    var lines = (rest + chunk).split("\\n"); rest = lines.pop();',
  '    lines.forEach(function (line) { if (line.trim()) post({ conn: id, line: line }); });',
  '  });',
  '  socket.on("error", function () {});',
  '  socket.on("close", function () { sockets.delete(id); post({ conn: id, closed: true }); });',
  '});',
  'server.listen(data.address, function () { post({ listening: server.address() }); });',
  'server.on("error", function (e) { post({ error: e.message }); });',
  'port.on("message", function (m) {',
  '  var socket = sockets.get(m.conn); if (!socket) return;',
  '  if (m.line) socket.write(m.line); if (m.end) socket.end();',
  '});',
].join('\n');

function parseListenAddress(text) {
  if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) return { path: text };
  var match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(text);
  if (!match) throw new Error('cannot parse the listen address ' + text + ' (use host:port or a socket path)');
  return { host: match[1] || '127.0.0.1', port: Number(match[2]) };
}

/**
 * Listens for runners (attach:, and the runner's agent pool). Each connection
 * is its own conversation, served on the main thread: read on the event loop
 * while the agent is idle, and straight from the socket's descriptor while it
 * waits for a callback's result (the event loop is not running then).
 */
function serveOnSocket(host, addressText, onListening) {
  var address = parseListenAddress(addressText);
  var conversations = new Set();
  forwardOutput(function (stream, text) {
    var line = JSON.stringify({ type: 'output', stream: stream, text: text }) + '\n';
    conversations.forEach(function (conversation) {
      if (conversation.welcomed) conversation.channel.send(line);
    });
  });
  var server = net.createServer(function (socket) {
    var fd = socket._handle && socket._handle.fd;
    if (!(fd >= 0)) {
      process.stderr.write('session-conformance agent: this platform gives no descriptor for the connection\n');
      socket.destroy();
      return;
    }
    var lines = new LineSplitter();
    var decoder = new StringDecoder('utf8');
    var inbox = new Inbox();
    var buffer = Buffer.alloc(65536);
    var closed = false;
    var channel = {
      send: function (line) {
        if (closed) return;
        try {
          writeAllSync(fd, line);
        } catch (error) {
          if (!gone(error)) throw error;
          closed = true;
        }
      },
      wait: function () {
        return inbox.wait(function () {
          for (;;) {
            if (closed) return null;
            try {
              var n = fs.readSync(fd, buffer, 0, buffer.length, null);
              if (n === 0) closed = true;
              return n === 0 ? null : lines.push(decoder.write(buffer.slice(0, n)));
            } catch (error) {
              if (error.code === 'EAGAIN') {
                sleepBriefly();
                continue;
              }
              if (!gone(error)) throw error;
              closed = true;
            }
          }
        });
      },
      end: function () {
        socket.end();
      },
    };
    var conversation = new Conversation(host, channel);
    inbox.idle = function (line) {
      conversation.receive(line);
    };
    conversations.add(conversation);
    socket.on('data', function (chunk) {
      inbox.arrived(lines.push(decoder.write(chunk)));
    });
    socket.on('error', function () {});
    socket.on('close', function () {
      closed = true;
      conversations['delete'](conversation);
      conversation.targets.forEach(function (target) {
        target.quit({ crash: false });
      });
    });
    conversation.hello();
  });
  server.on('error', function (error) {
    throw new Error('the agent cannot listen: ' + error.message);
  });
  server.listen(address.path ? address.path : address, function () {
    onListening(server.address());
  });
  return server;
}

/** The same with an I/O thread, for platforms whose sockets have no descriptor to read (Windows). */
function serveOnSocketThread(host, addressText, onListening) {
  var threads;
  try {
    threads = require('worker_threads');
  } catch (error) {
    threads = null;
  }
  if (!threads || typeof threads.receiveMessageOnPort !== 'function') {
    throw new Error('listening for attach: needs worker_threads.receiveMessageOnPort (Node >= 12.3); use remote: on older Nodes');
  }
  var shared = new SharedArrayBuffer(4);
  var signal = new Int32Array(shared);
  var channelPair = new threads.MessageChannel();
  var port = channelPair.port1;
  var address = parseListenAddress(addressText);
  var worker = new threads.Worker(LISTEN_WORKER, {
    eval: true,
    workerData: { signal: shared, port: channelPair.port2, address: address.path ? address.path : address },
    transferList: [channelPair.port2],
  });
  var conversations = new Map();
  var blockedOn = null;
  var later = [];
  forwardOutput(function (stream, text) {
    // The runner attaches what the agent writes to the test that was running.
    var line = JSON.stringify({ type: 'output', stream: stream, text: text }) + '\n';
    conversations.forEach(function (conversation, conn) {
      if (conversation.welcomed) port.postMessage({ conn: conn, line: line });
    });
  });

  function dispatch(m) {
    if (m.listening) {
      onListening(m.listening);
      return;
    }
    if (m.error) throw new Error('the agent cannot listen: ' + m.error);
    if (m.opened) {
      var inbox = [];
      var conversation = new Conversation(host, {
        send: function (line) {
          port.postMessage({ conn: m.conn, line: line });
        },
        wait: function () {
          var previous = blockedOn;
          blockedOn = m.conn;
          try {
            for (;;) {
              if (inbox.length) return inbox.shift();
              var seen = Atomics.load(signal, 0);
              var got = threads.receiveMessageOnPort(port);
              if (!got) {
                Atomics.wait(signal, 0, seen);
                continue;
              }
              var message = got.message;
              if (message.conn === m.conn && message.line) return message.line;
              if (message.conn === m.conn && message.closed) return null;
              // Another runner's message waits until this conversation is idle.
              later.push(message);
            }
          } finally {
            blockedOn = previous;
            if (blockedOn === null && later.length) setImmediate(drainLater);
          }
        },
        end: function () {
          port.postMessage({ conn: m.conn, end: true });
        },
      });
      conversations.set(m.conn, conversation);
      conversation.hello();
      return;
    }
    var target = conversations.get(m.conn);
    if (!target) return;
    if (m.closed) {
      conversations['delete'](m.conn);
      target.targets.forEach(function (t) {
        t.quit({ crash: false });
      });
      return;
    }
    target.receive(m.line);
  }

  function drainLater() {
    while (later.length && blockedOn === null) dispatch(later.shift());
  }

  port.on('message', function (m) {
    if (later.length) {
      later.push(m);
      drainLater();
    } else dispatch(m);
  });
  return worker;
}

/** Tees process.stdout/stderr writes to `send` (a listening agent's output has no pipe to the runner). */
function forwardOutput(send) {
  ['stdout', 'stderr'].forEach(function (name) {
    var stream = process[name];
    var write = stream.write;
    stream.write = function (chunk, encoding, callback) {
      try {
        send(name, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      } catch (ignored) {
        // Output must never break the agent.
      }
      return write.apply(stream, arguments);
    };
  });
}

function defaultExit() {
  process.exit(0);
}

/**
 * Starts serving. host:
 *   implementation: { name, version, language, eras, platform }
 *   capabilities: [capability names]
 *   driver: { 'namespace.command': function (args, target) -> value | Promise }
 *   restart: 'in-process' (target.restart is served) | 'relaunch' (the runner relaunches the process)
 *   targets: 'many' (one process can host many targets, one after another or at once) | 'one'
 *   createTarget(options) -> target | Promise<target>, target = { session, app, quit({ crash }) -> Promise | undefined }
 *   exit(): called when the runner closes the channel (default: process.exit(0))
 */
function runAgent(host) {
  var listen = process.env.SESSION_CONFORMANCE_AGENT_LISTEN;
  if (listen) {
    var serve = process.platform === 'win32' || process.env.SESSION_CONFORMANCE_AGENT_IO_THREAD ? serveOnSocketThread : serveOnSocket;
    return serve(host, listen, function (address) {
      var where = typeof address === 'string' ? address : address.address + ':' + address.port;
      process.stdout.write('session-conformance agent listening on ' + where + '\n');
    });
  }
  var channel = process.env.SESSION_CONFORMANCE_AGENT_CHANNEL || '';
  var match = /^fd:(\d+),(\d+)$/.exec(channel);
  if (!match) {
    throw new Error(
      'no channel to the runner: start this agent through `--adapter remote:<command>` ' +
        '(SESSION_CONFORMANCE_AGENT_CHANNEL=fd:3,4) or give SESSION_CONFORMANCE_AGENT_LISTEN=host:port for attach:'
    );
  }
  return serveOnFds(host, Number(match[1]), Number(match[2]));
}

module.exports = {
  runAgent: runAgent,
  launchOptions: launchOptions,
  byRef: byRef,
  unsupported: unsupported,
  PROTOCOL_VERSION: peerModule.PROTOCOL_VERSION,
};
