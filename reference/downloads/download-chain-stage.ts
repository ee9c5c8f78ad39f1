// The URL chain of each request a download makes (DownloadItem.getURLChain),
// read from the session's URL loader: a stage joined above every other sees
// a request's chain once its redirects are followed, or once it failed.
// The download layer tells its requests apart by the AbortSignal it makes
// for each; every other request passes untouched.

import type { LoadedResponse } from '../net/http/url-loader.ts';
import type { LoaderStage } from '../net/http/stages/stage.ts';

const chains = new WeakMap<AbortSignal, (chain: string[]) => void>();

export const downloadChainStage: LoaderStage = {
  name: 'download-url-chain',
  async run(exchange, next) {
    try {
      return await next();
    } finally {
      // The caller's own signal: the loader combines it with the session's shutdown signal.
      const signal = exchange.options.signal;
      if (signal) chains.get(signal)?.(exchange.urlChain.map((url) => url.href));
    }
  },
};

/** Runs `load` (a request made with `signal`) and gives its answer or failure with the URLs it went through. */
export async function loadWithChain(
  start: URL,
  signal: AbortSignal,
  load: () => Promise<LoadedResponse>,
): Promise<{ response: LoadedResponse; chain: string[] } | { error: unknown; chain: string[] }> {
  let chain = [start.href];
  chains.set(signal, (seen) => (chain = seen));
  try {
    return { response: await load(), chain };
  } catch (error) {
    return { error, chain };
  } finally {
    chains.delete(signal);
  }
}
