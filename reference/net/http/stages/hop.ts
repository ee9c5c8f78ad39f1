// Where each hop starts (the first and every one after a redirect or an
// auth round): a caller's abort ends the request here, and the URL decides
// which loader answers it. A custom protocol handler comes first (unless the
// request bypasses them), then file: URLs; anything else but http(s) fails
// with ERR_UNKNOWN_URL_SCHEME, and ports browsers never talk to with
// ERR_UNSAFE_PORT, before any other stage of the hop. The hop's wire headers
// start as the request's own.

import type { LoadedBy } from '../../hooks.ts';
import { netError } from '../../net-error.ts';
import { isPortAllowed } from '../request-defaults.ts';
import type { Exchange, LoaderStage } from './stage.ts';

function loadedBy({ ctx, options, url }: Exchange): LoadedBy {
  const protocols = ctx.hooks.protocols;
  if (!options.bypassCustomProtocolHandlers && protocols.handles(url)) {
    return protocols.route?.(url) === 'intercepted' ? 'intercepted-protocol' : 'registered-protocol';
  }
  if (url.protocol === 'file:') return 'file';
  // ws: and wss: are the network's for a WebSocket handshake only.
  const webSocket = options.upgrade === 'websocket' && (url.protocol === 'ws:' || url.protocol === 'wss:');
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && !webSocket) throw netError('ERR_UNKNOWN_URL_SCHEME');
  if (!isPortAllowed(url)) throw netError('ERR_UNSAFE_PORT');
  return 'network';
}

export const hop: LoaderStage = {
  name: 'hop',
  async run(exchange, next) {
    exchange.signal?.throwIfAborted();
    exchange.loadedBy = loadedBy(exchange);
    exchange.sent = [...exchange.headers];
    return next();
  },
};
