// The schemes an app registers before it is ready: what
// protocol.registerSchemesAsPrivileged (Electron 5+) and Electron 1.x's
// protocol.registerStandardSchemes add to Chromium's process-wide url_util
// lists (url::AddStandardScheme with SCHEME_WITH_HOST, url::AddSecureScheme,
// ...), and the rule that follows from them: a URL of a registered
// standard scheme is held the way GURL canonicalizes it (era/gurl.ts). The
// session's network stack and its cookies read URLs through `canonical`.

import { PRIVILEGE_NAMES, type PrivilegeName } from '../../contract/privileged-scheme.ts';
import { canonicalStandardUrl } from '../era/gurl.ts';

/** A scheme's privileges, as registerSchemesAsPrivileged reads them (absent ones are false). */
export type SchemePrivileges = Record<PrivilegeName, boolean>;

export function noPrivileges(): SchemePrivileges {
  return Object.fromEntries(PRIVILEGE_NAMES.map((name) => [name, false])) as SchemePrivileges;
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
    return this.#standard.has(scheme) ? canonicalStandardUrl(url) : url;
  }
}
