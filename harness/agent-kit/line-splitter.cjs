'use strict';
// Newline-delimited JSON arrives in chunks that cut lines anywhere: the runner's
// I/O thread and the agent's channels both rebuild whole lines with this.
// ES2015, Node's core only.

/** Splits a byte stream into lines; one instance per channel. */
class LineSplitter {
  constructor() {
    this.rest = '';
  }
  push(chunk) {
    var text = this.rest + chunk;
    var lines = text.split('\n');
    this.rest = lines.pop();
    return lines.filter(function (l) {
      return l.trim() !== '';
    });
  }
}

module.exports = { LineSplitter: LineSplitter };
