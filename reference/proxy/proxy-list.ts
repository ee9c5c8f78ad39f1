// An ordered fallback list of proxies (net::ProxyList): what a resolution
// yields, serialised the way resolveProxy reports it and parsed from a PAC
// script's answer.

import { DIRECT, formatPacElement, parsePacElement, type ProxyParseOptions, type ProxyServer } from './proxy-server.ts';

export class ProxyList {
  readonly entries: readonly ProxyServer[];
  #pacString: string | undefined;

  constructor(entries: readonly ProxyServer[]) {
    this.entries = Object.freeze([...entries]);
  }

  static direct(): ProxyList {
    return DIRECT_LIST;
  }

  /**
   * ProxyList::SetFromPacString: `;`-separated elements, invalid ones dropped;
   * DIRECT when nothing valid remains (a broken script answer means direct).
   */
  static fromPacString(text: string, options: ProxyParseOptions): ProxyList {
    const entries: ProxyServer[] = [];
    for (const element of text.split(';')) {
      if (element.length === 0) continue;
      const server = parsePacElement(element, options);
      if (server) entries.push(server);
    }
    return entries.length ? new ProxyList(entries) : DIRECT_LIST;
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  get isDirect(): boolean {
    return this.entries.length === 1 && this.entries[0]!.scheme === 'direct';
  }

  /** ProxyList::ToPacString: `PROXY h:p;SOCKS5 h:p;DIRECT`, '' for an empty list. */
  toPacString(): string {
    this.#pacString ??= this.entries.map(formatPacElement).join(';');
    return this.#pacString;
  }

  toString(): string {
    return this.toPacString();
  }
}

const DIRECT_LIST = new ProxyList([DIRECT]);
