// The schemes an app registers before it is ready: what
// protocol.registerSchemesAsPrivileged (Electron 5+) and Electron 1.x's
// protocol.registerStandardSchemes add to Chromium's process-wide url_util
// lists (url::AddStandardScheme with SCHEME_WITH_HOST, url::AddSecureScheme,
// ...). The one rule that follows from them lives here too: a URL of a
// registered standard scheme is canonicalized as GURL canonicalizes it, like
// an http URL without user info and port (`app://Foo:1234/a/../b` is
// `app://foo/b`, `app:///foo` is `app://foo/`, `app://` is invalid). The
// session's network stack and its cookies read URLs through it.

/** A scheme's privileges, as registerSchemesAsPrivileged reads them (absent ones are false). */
export interface SchemePrivileges {
  standard: boolean;
  secure: boolean;
  bypassCSP: boolean;
  allowServiceWorkers: boolean;
  supportFetchAPI: boolean;
  corsEnabled: boolean;
  stream: boolean;
  codeCache: boolean;
}

export const PRIVILEGE_NAMES: readonly (keyof SchemePrivileges)[] = [
  'standard',
  'secure',
  'bypassCSP',
  'allowServiceWorkers',
  'supportFetchAPI',
  'corsEnabled',
  'stream',
  'codeCache',
];

export function noPrivileges(): SchemePrivileges {
  return Object.fromEntries(PRIVILEGE_NAMES.map((name) => [name, false])) as unknown as SchemePrivileges;
}

/**
 * The canonical form of `href` for a standard scheme with a host and no
 * port (GURL's DoCanonicalizeStandardURL for SCHEME_WITH_HOST): any number
 * of slashes or backslashes before the authority, user info and port
 * dropped, the host and path canonicalized as for http; null when the host
 * is empty or does not canonicalize.
 */
function canonicalStandard(scheme: string, href: string): URL | null {
  const afterScheme = href.slice(scheme.length + 1);
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

export class UrlSchemes {
  /** url::AddStandardScheme: only ever grows. */
  readonly #standard = new Set<string>();
  /** url::AddSecureScheme. */
  readonly #secure = new Set<string>();
  /** What getStandardSchemes answers: the last registerStandardSchemes list (1.x), every standard registration since. */
  #standardList: string[] = [];
  /** Every registration's privileges, latest last. */
  readonly #privileges = new Map<string, SchemePrivileges>();

  /** registerSchemesAsPrivileged's effect for one scheme. */
  addPrivileged(scheme: string, privileges: SchemePrivileges): void {
    this.#privileges.set(scheme, { ...privileges });
    if (privileges.standard) {
      this.#standard.add(scheme);
      this.#standardList.push(scheme);
    }
    if (privileges.secure) this.#secure.add(scheme);
  }

  /** Electron 1.x's registerStandardSchemes: the list replaces the previous one; the schemes stay standard. */
  replaceStandard(schemes: readonly string[], secure: boolean): void {
    for (const scheme of schemes) {
      this.#standard.add(scheme);
      if (secure) this.#secure.add(scheme);
      this.#privileges.set(scheme, { ...noPrivileges(), standard: true, secure });
    }
    this.#standardList = [...schemes];
  }

  isStandard(scheme: string): boolean {
    return this.#standard.has(scheme);
  }

  isSecure(scheme: string): boolean {
    return this.#secure.has(scheme);
  }

  /** The custom standard schemes, as Electron's GetStandardSchemes lists them. */
  standardSchemes(): readonly string[] {
    return this.#standardList;
  }

  privilegesOf(scheme: string): SchemePrivileges | undefined {
    return this.#privileges.get(scheme);
  }

  /**
   * `url` as Chromium holds it: unchanged unless its scheme is a registered
   * standard one, then canonicalized as such; null when that makes it invalid.
   */
  canonical(url: URL): URL | null {
    const scheme = url.protocol.slice(0, -1);
    return this.#standard.has(scheme) ? canonicalStandard(scheme, url.href) : url;
  }
}
