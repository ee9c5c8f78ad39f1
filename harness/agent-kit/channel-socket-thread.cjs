'use strict';
// The attach: channel with an I/O thread, for platforms whose sockets give no
// descriptor to read blocking (Windows): a worker owns the sockets and the
// main thread waits on a shared counter while a conversation blocks. Needs
// worker_threads (Node >= 12.3). ES2015, Node's core only.

var Conversation = require('./conversation.cjs').Conversation;
var parseListenAddress = require('./listen-address.cjs').parseListenAddress;
var forwardOutput = require('./forward-output.cjs').forwardOutput;

/** The I/O thread: listens, and posts each connection's lines to the main thread. */
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

module.exports = { serveOnSocketThread: serveOnSocketThread };
