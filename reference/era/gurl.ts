// gin's GURL conversion of a string: the URL in GURL's canonical spelling,
// or nothing when GURL holds it invalid. (WHATWG's URL parser stands in for
// GURL's canonicalizer.) A scheme an app registered as standard, which
// WHATWG parses as an opaque one, is canonicalized as GURL does for
// SCHEME_WITH_HOST: like an http URL without user info and port
// (`app://Foo:1234/a/../b` is `app://foo/b`, `app:///foo` is `app://foo/`,
// `app://` is invalid).

/** GURL's canonical spelling of `input`, or null when GURL would hold it invalid. */
export function canonicalUrl(input: string): string | null {
  try {
    return new URL(input).href;
  } catch {
    return null;
  }
}

/**
 * The canonical form of `url`, whose scheme is registered as standard, with a host and no
 * port (GURL's DoCanonicalizeStandardURL for SCHEME_WITH_HOST): any number
 * of slashes or backslashes before the authority, user info and port
 * dropped, the host and path canonicalized as for http; null when the host
 * is empty or does not canonicalize.
 */
export function canonicalStandardUrl(url: URL): URL | null {
  const scheme = url.protocol.slice(0, -1);
  const afterScheme = url.href.slice(url.protocol.length);
  const [, rawAuthority = '', rest = ''] = /^[/\\]*([^/\\?#]*)(.*)$/s.exec(afterScheme) ?? [];
  let host = rawAuthority.slice(rawAuthority.lastIndexOf('@') + 1);
  const bracket = host.lastIndexOf(']');
  const colon = host.indexOf(':', bracket + 1);
  if (colon >= 0) host = host.slice(0, colon);
  if (host === '') return null;
  let asHttp: URL;
  try {
    asHttp = new URL(`http://${host}${rest}`);
  } catch {
    return null;
  }
  if (asHttp.hostname === '') return null;
  return new URL(`${scheme}://${asHttp.hostname}${asHttp.pathname}${asHttp.search}${asHttp.hash}`);
}
