// base::MatchPattern, which hostname bypass rules use: `*` matches any run of
// characters, `?` matches zero or one character, `\` escapes the next
// character, and the recursion gives up (no match) beyond 16 wildcards deep.

const MAX_DEPTH = 16;

function isWildcard(c: string | undefined): boolean {
  return c === '*' || c === '?';
}

/** Advances past characters both strings share, honouring escapes; returns the new positions. */
function eatSameChars(text: string, ti: number, pattern: string, pi: number): [number, number] {
  let escape = -1;
  while (pi < pattern.length && ti < text.length) {
    if (escape < 0 && isWildcard(pattern[pi])) return [ti, pi];
    if (escape < 0 && pattern[pi] === '\\') {
      escape = pi;
      pi++;
      continue;
    }
    if (pattern[pi] === text[ti]) {
      pi++;
      ti++;
      escape = -1;
    } else {
      // An escape that cannot be matched here cannot be matched anywhere.
      if (escape >= 0) pi = escape;
      return [ti, pi];
    }
  }
  return [ti, pi];
}

function eatWildcards(pattern: string, pi: number): number {
  while (pi < pattern.length && isWildcard(pattern[pi])) pi++;
  return pi;
}

function match(text: string, ti: number, pattern: string, pi: number, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  [ti, pi] = eatSameChars(text, ti, pattern, pi);
  if (ti === text.length) return eatWildcards(pattern, pi) === pattern.length;
  if (pi === pattern.length) return false;
  const next = pi + 1;
  if (pattern[pi] === '?') {
    if (match(text, ti, pattern, next, depth + 1)) return true;
    if (match(text, ti + 1, pattern, next, depth + 1)) return true;
  }
  if (pattern[pi] === '*') {
    const rest = eatWildcards(pattern, next);
    for (; ti < text.length; ti++) {
      if (match(text, ti, pattern, rest, depth + 1)) return true;
    }
    return eatWildcards(pattern, pi) === pattern.length;
  }
  return false;
}

export function matchPattern(text: string, pattern: string): boolean {
  return match(text, 0, pattern, 0, 0);
}
