// base::MatchPattern, which hostname bypass rules and host resolver rules use: `*` matches any run of
// characters, `?` matches zero or one character, `\` escapes the next
// character, and the recursion gives up (no match) beyond 16 wildcards deep.

const MAX_DEPTH = 16;

function isWildcard(c: string | undefined): boolean {
  return c === '*' || c === '?';
}

/** Advances past characters both strings share, honouring escapes; returns the new positions. */
function eatSameChars(text: string, ti: number, pattern: string, pi: number): [number, number] {
  let escapeAt = -1;
  while (pi < pattern.length && ti < text.length) {
    if (escapeAt < 0 && isWildcard(pattern[pi])) return [ti, pi];
    if (escapeAt < 0 && pattern[pi] === '\\') {
      escapeAt = pi;
      pi++;
      continue;
    }
    if (pattern[pi] === text[ti]) {
      pi++;
      ti++;
      escapeAt = -1;
    } else {
      // An escapeAt that cannot be matched here cannot be matched anywhere.
      if (escapeAt >= 0) pi = escapeAt;
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
