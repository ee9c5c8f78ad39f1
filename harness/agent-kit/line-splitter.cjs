'use strict';
// Newline-delimited JSON arrives in chunks that cut lines anywhere: the runner's
// I/O thread and the agent's channels both rebuild whole lines with this.
// ES2015, Node's core only. An unfinished line is kept as the chunks it came
// in and joined once it ends, so a long line costs time in proportion to its
// length (re-scanning the whole unfinished line on every chunk was
// quadratic). With a maximum length, a longer line (finished or not) stops
// the splitter: `over` is set and nothing more is returned.

/** Splits a byte stream into lines; one instance per channel. */
class LineSplitter {
  constructor(maxLength) {
    this.maxLength = maxLength === undefined ? Infinity : maxLength;
    this.pieces = [];
    this.pending = 0;
    this.over = false;
  }
  push(chunk) {
    if (this.over) return [];
    var lines = [];
    var start = 0;
    var end;
    while ((end = chunk.indexOf('\n', start)) !== -1) {
      var part = chunk.slice(start, end);
      var line = this.pieces.length ? this.pieces.join('') + part : part;
      this.pieces = [];
      this.pending = 0;
      if (line.length > this.maxLength) return this.stop();
      if (line.trim() !== '') lines.push(line);
      start = end + 1;
    }
    if (start < chunk.length) {
      this.pieces.push(chunk.slice(start));
      this.pending += chunk.length - start;
      if (this.pending > this.maxLength) return this.stop();
    }
    return lines;
  }
  stop() {
    this.over = true;
    this.pieces = [];
    this.pending = 0;
    return [];
  }
}

module.exports = { LineSplitter: LineSplitter };
