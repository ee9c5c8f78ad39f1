// ses.allowNTLMCredentialsForDomains(domains): the servers integrated
// authentication (NTLM, Negotiate) may send the user's default credentials
// to. Chromium's HttpAuthFilterAllowlist: comma-separated patterns, `*`
// matching any run of characters (`*example.com`, `*`), compared without
// case. Electron sets it on the network service, so it is app-wide. This
// reference has no integrated authentication (no SSPI or Kerberos identity
// to offer), so the list decides nothing it can act on; it is kept and
// matched so the setting is observable to code that asks.

import type { App } from '../../app/app.ts';

export class ServerAllowlist {
  #patterns: string[] = [];

  set(domains: string): void {
    this.#patterns = domains
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
  }

  get patterns(): readonly string[] {
    return this.#patterns;
  }

  allows(host: string): boolean {
    const h = host.toLowerCase();
    return this.#patterns.some((pattern) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(h),
    );
  }
}

const byApp = new WeakMap<App, ServerAllowlist>();

/** The app-wide allowlist (one network service per app, as in Electron). */
export function serverAllowlistOf(app: App): ServerAllowlist {
  let list = byApp.get(app);
  if (!list) byApp.set(app, (list = new ServerAllowlist()));
  return list;
}
