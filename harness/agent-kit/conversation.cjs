'use strict';
// One runner's conversation with an agent over any channel: the hello and
// welcome handshake, malformed lines answered with faults, and the agent's
// own operations (target.create/restart/dispose, driver commands) on top of
// the peer's get/set/apply/... ES2015, Node's core only.

var peerModule = require('./peer.cjs');

var Peer = peerModule.Peer;
var byRef = peerModule.byRef;
var unsupported = peerModule.unsupported;

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

module.exports = { Conversation: Conversation };
