// base::MatchPattern, which hostname bypass rules and host resolver rules use.
// The pattern is read as literal pieces between runs of wildcards: `*` lets
// the next piece start anywhere further on, each `?` lets it start one
// character further (so `?` is zero or one character, `??` zero to two), and
// `\` makes the next character literal (a trailing `\` is ignored). Each
// piece is taken at the first place it fits and never reconsidered, so
// `*a?` does not match `aab` (the `a` is taken at the start, leaving `ab`
// for a single `?`). There is no depth limit. Characters are code points.

function isWildcard(c: string | undefined): boolean {
  return c === '*' || c === '?';
}

interface Cursor {
  /** Position in the pattern. */
  p: number;
  /** Position in the text. */
  t: number;
}

/**
 * Finds the literal piece that starts at `at.p` in the text, starting at
 * `at.t` and moving on at most `distance` characters (-1: without limit).
 * On success `at` is past the piece in both; the piece reaching the
 * pattern's end only fits at the text's end.
 */
function searchPiece(text: string[], pattern: string[], at: Cursor, distance: number): boolean {
  const pieceStart = at.p;
  let textStart = at.t;
  let escaped = false;
  for (;;) {
    const p = pattern[at.p];
    if (at.p === pattern.length) {
      if (at.t === text.length) return true;
    } else if (!escaped && isWildcard(p)) {
      return true;
    } else if (!escaped && p === '\\') {
      escaped = true;
      at.p++;
      continue;
    } else {
      escaped = false;
      if (at.t === text.length) return false;
      if (p === text[at.t]) {
        at.p++;
        at.t++;
        continue;
      }
    }
    // No fit here: try one character further on, if the wildcards allow.
    // (Chromium keeps the escape state across this restart.)
    if (distance === 0) return false;
    distance--;
    at.p = pieceStart;
    if (textStart < text.length) textStart++;
    at.t = textStart;
  }
}

export function matchPattern(textInput: string, patternInput: string): boolean {
  const text = Array.from(textInput);
  const pattern = Array.from(patternInput);
  const at: Cursor = { p: 0, t: 0 };
  do {
    let questions = 0;
    let star = false;
    for (; at.p < pattern.length && isWildcard(pattern[at.p]); at.p++) {
      if (pattern[at.p] === '*') star = true;
      else questions++;
    }
    if (!searchPiece(text, pattern, at, star ? -1 : questions)) return false;
  } while (at.p !== pattern.length);
  return true;
}
