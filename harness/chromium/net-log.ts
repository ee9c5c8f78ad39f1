// Reads what a Chromium NetLog (--log-net-log) says about proxy resolution:
// for each URL request, the proxy list its PROXY_RESOLUTION_SERVICE resolved
// (before any bad-proxy reordering) or the error, and every proxy
// configuration the service was given (PROXY_CONFIG_CHANGED).

import { readFileSync } from 'node:fs';

interface NetLogEvent {
  type: number;
  phase: number;
  source: { id: number; type: number };
  params?: Record<string, unknown>;
}

interface NetLogFile {
  constants: { logEventTypes: Record<string, number>; logSourceType: Record<string, number> };
  events: NetLogEvent[];
}

export interface ProxyResolutionRecord {
  /** The request's URL as the NetLog shows it. */
  url: string;
  /** The PAC-style list, or null when resolution failed. */
  proxyInfo: string | null;
  netError?: number;
}

export interface ProxyNetLog {
  resolutions: ProxyResolutionRecord[];
  /** `new_config` of every PROXY_CONFIG_CHANGED, in order. */
  configs: Record<string, unknown>[];
}

/** Parses a NetLog file; a log cut short by a crash is closed before parsing. */
export function readProxyNetLog(file: string): ProxyNetLog {
  let text = readFileSync(file, 'utf8').trimEnd();
  if (!text.endsWith('}')) text = `${text.replace(/,\s*$/, '')}]}`;
  const log = JSON.parse(text) as NetLogFile;
  const type = log.constants.logEventTypes;
  const controllerSource = log.constants.logSourceType.HTTP_STREAM_JOB_CONTROLLER;
  const urlOfRequest = new Map<number, string>();
  const requestOfController = new Map<number, number>();
  for (const event of log.events) {
    if (event.type === type.REQUEST_ALIVE && event.phase === 1 && typeof event.params?.url === 'string') {
      urlOfRequest.set(event.source.id, event.params.url);
    } else if (event.type === type.HTTP_STREAM_JOB_CONTROLLER_BOUND && event.source.type === controllerSource) {
      requestOfController.set(event.source.id, (event.params?.source_dependency as { id: number } | undefined)?.id as number);
    }
  }
  const resolutions: ProxyResolutionRecord[] = [];
  const configs: Record<string, unknown>[] = [];
  for (const event of log.events) {
    if (event.type === type.PROXY_CONFIG_CHANGED) {
      configs.push((event.params?.new_config ?? {}) as Record<string, unknown>);
      continue;
    }
    if (event.type !== type.PROXY_RESOLUTION_SERVICE_RESOLVED_PROXY_LIST) continue;
    const request = requestOfController.get(event.source.id);
    const url = request === undefined ? undefined : urlOfRequest.get(request);
    if (url === undefined) continue;
    const info = event.params?.proxy_info;
    const netError = event.params?.net_error;
    resolutions.push(
      typeof info === 'string'
        ? { url, proxyInfo: info }
        : { url, proxyInfo: null, ...(typeof netError === 'number' ? { netError } : {}) },
    );
  }
  return { resolutions, configs };
}
