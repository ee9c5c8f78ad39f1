// gin's GURL conversion of a string: the URL in GURL's canonical spelling,
// or nothing when GURL holds it invalid. (WHATWG's URL parser stands in for
// GURL's canonicalizer.)

/** GURL's canonical spelling of `input`, or null when GURL would hold it invalid. */
export function canonicalUrl(input: string): string | null {
  try {
    return new URL(input).href;
  } catch {
    return null;
  }
}
