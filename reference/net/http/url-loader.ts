// One request through a session's stack, as Chromium's URL loader runs it:
// down the list of stages (stages/stage.ts draws it: webRequest, redirects,
// auth, the session's defaults, cookies, decoding, and whatever areas join)
// to the transport, which hands the hop to a protocol handler, the file
// loader or the network on the route the proxy hook picks. The loader keeps
// the net log's REQUEST_ALIVE open until the body is done, and tells
// webRequest of a request that fails.

import { NO_WEB_REQUEST } from '../hooks.ts';
import { NetError, toNetError } from '../net-error.ts';
import type { LoadedResponse, LoaderContext, LoadOptions } from './loader-types.ts';
import { BUILT_IN_STAGES } from './stages/built-in.ts';
import type { Exchange } from './stages/stage.ts';
import { LoaderStages } from './stages/stage-list.ts';
import { reportError } from './stages/web-request-events.ts';
import { transport } from './transport.ts';

export type { LoadedResponse, LoaderContext, LoadOptions, Route, SkippedRoute } from './loader-types.ts';

let nextRequestId = 1;

export class UrlLoader {
  readonly #ctx: LoaderContext;
  /** The stages every request passes; areas join it (stages/stage-list.ts). */
  readonly stages = new LoaderStages(BUILT_IN_STAGES);

  constructor(ctx: LoaderContext) {
    this.#ctx = ctx;
  }

  async load(options: LoadOptions): Promise<LoadedResponse> {
    const ctx = this.#ctx;
    const exchange: Exchange = {
      id: nextRequestId++,
      options,
      ctx,
      source: ctx.netLog.source('URL_REQUEST'),
      // The caller's abort or the session's shutdown ends the request, whatever it waits for.
      signal: options.signal ? AbortSignal.any([options.signal, ctx.closing]) : ctx.closing,
      url: options.url,
      method: options.method,
      body: options.body,
      headers: options.headers,
      redirects: 0,
      urlChain: [options.url],
      identity: undefined,
      sent: [],
      webRequest: { hook: NO_WEB_REQUEST },
    };
    const { source } = exchange;
    ctx.netLog.begin('REQUEST_ALIVE', source, () => ({
      url: options.url.href,
      method: options.method,
      initiator: options.initiator ?? 'not an origin',
      load_flags: options.credentials === 'omit' ? (1 << 6) | (1 << 7) | (1 << 8) : 0,
    }));
    try {
      const response = await this.stages.run(exchange, transport);
      if (!response.whenDone) ctx.netLog.end('REQUEST_ALIVE', source);
      else
        response.whenDone((error) => {
          if (error === undefined) ctx.netLog.end('REQUEST_ALIVE', source);
          else ctx.netLog.end('REQUEST_ALIVE', source, () => ({ net_error: toNetError(error).code }));
        });
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body: response.body,
        url: exchange.url.href,
        redirected: exchange.redirects > 0,
        ...(response.socket ? { upgraded: response.socket } : {}),
      };
    } catch (error) {
      const failure = error instanceof NetError ? error : error instanceof Error ? error : toNetError(error);
      ctx.netLog.end('REQUEST_ALIVE', source, () => ({ net_error: failure instanceof NetError ? failure.code : -3 }));
      reportError(exchange, error);
      throw failure;
    }
  }
}
