// What a network hop carries that the caller need not write: the session's
// User-Agent and Accept-Language and the encodings the loader decodes, where
// the request brought none ('request-defaults'), and the length of its body
// ('content-length', after the cookies and credentials).

import { hasHeader } from '../header-lines.ts';
import { ACCEPT_ENCODING, acceptLanguageHeader } from '../request-defaults.ts';
import type { LoaderStage } from './stage.ts';

export const requestDefaults: LoaderStage = {
  name: 'request-defaults',
  async run(exchange, next) {
    const { ctx, sent } = exchange;
    if (exchange.loadedBy === 'network') {
      if (!hasHeader(sent, 'user-agent')) sent.push(['User-Agent', ctx.userAgent()]);
      if (!hasHeader(sent, 'accept-encoding')) sent.push(['Accept-Encoding', ACCEPT_ENCODING]);
      if (!hasHeader(sent, 'accept-language') && ctx.acceptLanguages()) {
        sent.push(['Accept-Language', acceptLanguageHeader(ctx.acceptLanguages())]);
      }
    }
    return next();
  },
};

export const contentLength: LoaderStage = {
  name: 'content-length',
  async run(exchange, next) {
    const { body, sent } = exchange;
    if (exchange.loadedBy === 'network' && body && !hasHeader(sent, 'content-length'))
      sent.push(['Content-Length', String(body.byteLength)]);
    return next();
  },
};
