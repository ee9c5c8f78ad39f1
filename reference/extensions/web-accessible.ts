// Which files of an extension a web page may load
// (WebAccessibleResourcesInfo): Manifest V2 lists path patterns; Manifest V3
// lists { resources, matches } entries, a resource being accessible to pages
// whose origin one of `matches` covers. The driver's page requests carry no
// origin of their own (their initiator is null), so a V3 entry opens its
// resources to them only when it matches every web origin ("<all_urls>",
// "*://*/*"). Patterns use '*' for any run of characters, paths included.

export interface WebAccessibleRule {
  readonly resources: readonly RegExp[];
  readonly anyOrigin: boolean;
}

const UNIVERSAL_MATCHES = new Set(['<all_urls>', '*://*/*', '*://*/']);

/** A resource pattern as URLPattern matches it against the extension URL's path. */
function pathPattern(entry: string): RegExp {
  const path = entry.startsWith('/') ? entry : `/${entry}`;
  return new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** The rules of a manifest's web_accessible_resources (entries Chromium would refuse are skipped here). */
export function webAccessibleRules(manifest: Record<string, unknown>, manifestVersion: number): WebAccessibleRule[] {
  const entries = manifest.web_accessible_resources;
  if (!Array.isArray(entries)) return [];
  if (manifestVersion < 3) {
    const paths = entries.filter((e): e is string => typeof e === 'string');
    return paths.length ? [{ resources: paths.map(pathPattern), anyOrigin: true }] : [];
  }
  const rules: WebAccessibleRule[] = [];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const { resources, matches } = entry as { resources?: unknown; matches?: unknown };
    if (!Array.isArray(resources)) continue;
    rules.push({
      resources: resources.filter((r): r is string => typeof r === 'string').map(pathPattern),
      anyOrigin: Array.isArray(matches) && matches.some((m) => typeof m === 'string' && UNIVERSAL_MATCHES.has(m)),
    });
  }
  return rules;
}

/** Whether a page without an origin of its own may load `path` (the URL's path, starting with '/'). */
export function isWebAccessible(rules: readonly WebAccessibleRule[], path: string): boolean {
  return rules.some((rule) => rule.anyOrigin && rule.resources.some((pattern) => pattern.test(path)));
}
