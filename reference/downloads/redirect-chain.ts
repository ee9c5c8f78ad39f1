// Every URL a download's request went through (DownloadItem.getURLChain),
// read from the session's net log: the request's own source is the one whose
// REQUEST_ALIVE begins while load() starts (synchronously, before anything
// else can run), and each URL_REQUEST_REDIRECTED of that source names the
// next URL. The observer is attached only until the answer's headers are in
// (no redirect can follow), so the body is never logged on its account.
// This stands in for a stage of the loader until the network area offers
// one a download can join.

import type { LoadedResponse } from '../net/http/url-loader.ts';
import { EVENT_TYPE_IDS, PHASES } from '../net/netlog/net-log-constants.ts';
import type { NetLogBus, NetLogEntry, NetLogObserver } from '../net/netlog/net-log-bus.ts';

export async function loadWithChain(
  bus: NetLogBus,
  start: URL,
  load: () => Promise<LoadedResponse>,
): Promise<{ response: LoadedResponse; chain: string[] } | { error: unknown; chain: string[] }> {
  const chain = [start.href];
  let source: number | undefined;
  const observer: NetLogObserver = {
    mode: 'default',
    onEntry(entry: NetLogEntry) {
      if (source === undefined) {
        if (entry.type === EVENT_TYPE_IDS.REQUEST_ALIVE && entry.phase === PHASES.PHASE_BEGIN) source = entry.source.id;
        return;
      }
      if (entry.source.id !== source || entry.type !== EVENT_TYPE_IDS.URL_REQUEST_REDIRECTED) return;
      const location = entry.params?.location;
      if (typeof location === 'string') chain.push(location);
    },
  };
  bus.attach(observer);
  try {
    const response = await load();
    return { response, chain };
  } catch (error) {
    return { error, chain };
  } finally {
    bus.detach(observer);
  }
}
