'use strict';
// The order of an agent's incoming lines when some are read blocking (inside a
// callback) and some on the event loop. ES2015, Node's core only.

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

module.exports = { Inbox: Inbox };
