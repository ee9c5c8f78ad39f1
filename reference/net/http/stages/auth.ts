// HTTP authentication to servers, in two stages. 'authorization' (low, on
// every network hop) puts the request's identity on the wire, after looking
// for one in the auth cache by path when the request has none (Chromium's
// preemptive auth: Basic, or Digest with a challenge on record). 'auth'
// (above 'redirects') answers a final 401 the way Chromium's
// HttpAuthController does: the strongest challenge offered is answered with
// the cache's identity for its realm (once), else with the page's `login`
// answer; a refused identity is forgotten first; Digest's stale=true retries
// the same credentials with the new nonce. At most 10 rounds; a challenge
// nobody answers is the caller's 401. An identity that got a non-401 answer
// is stored in the cache for the path. Requests with credentials 'omit'
// send none and answer no challenge.

import { parseChallenges, preferredChallenge, realmOf } from '../../auth/challenge.ts';
import { authorizationFor, type Identity } from '../../auth/identity.ts';
import { drain } from '../body-streams.ts';
import { hasHeader, headerValues, originOf } from '../header-lines.ts';
import type { LoaderStage } from './stage.ts';

const MAX_AUTH_ROUNDS = 10;

export const authorization: LoaderStage = {
  name: 'authorization',
  async run(exchange, next) {
    if (exchange.loadedBy === 'network' && exchange.options.credentials !== 'omit') {
      const { url, sent } = exchange;
      if (!exchange.identity && !hasHeader(sent, 'authorization')) {
        const entry = exchange.ctx.authCache.lookupPath(originOf(url), url.pathname);
        if (entry && (entry.scheme === 'basic' || entry.digest)) exchange.identity = { ...entry, source: 'preemptive' };
      }
      if (exchange.identity) sent.push(['Authorization', authorizationFor(exchange.identity, exchange.method, url)]);
    }
    return next();
  },
};

export const auth: LoaderStage = {
  name: 'auth',
  async run(exchange, next) {
    const { ctx, options } = exchange;
    const sendCredentials = options.credentials !== 'omit';
    const triedFromCache = new Set<string>();
    let rounds = 0;
    for (;;) {
      const response = await next();
      const { url } = exchange;
      if (exchange.loadedBy === 'network' && response.status === 401 && sendCredentials && rounds < MAX_AUTH_ROUNDS) {
        const challenge = preferredChallenge(parseChallenges(headerValues(response.headers, 'www-authenticate')));
        const held = exchange.identity;
        if (held) {
          const stale = challenge?.scheme === 'digest' && challenge.params.stale?.toLowerCase() === 'true';
          if (stale && challenge && held.scheme === 'digest') {
            exchange.identity = { ...held, digest: { challenge, nonceCount: 0 } };
            rounds++;
            await drain(response.body);
            continue;
          }
          // The identity was refused: Chromium forgets it before asking again.
          ctx.authCache.remove(held.origin, held.scheme, held.realm);
          exchange.identity = undefined;
        }
        if (challenge) {
          const origin = originOf(url);
          const realm = realmOf(challenge);
          const realmKey = `${origin}|${challenge.scheme}|${realm}`;
          const cached = triedFromCache.has(realmKey) ? undefined : ctx.authCache.lookupRealm(origin, challenge.scheme, realm);
          let chosen: Identity | undefined;
          if (cached) {
            triedFromCache.add(realmKey);
            chosen = { origin, scheme: challenge.scheme, realm, credentials: cached.credentials, source: 'cache' };
          } else if (options.login) {
            const answer = options.login.take({
              isProxy: false,
              scheme: challenge.scheme,
              host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
              port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
              realm,
            });
            if (!answer.cancel) {
              chosen = {
                origin,
                scheme: challenge.scheme,
                realm,
                credentials: { username: answer.username, password: answer.password },
                source: 'login',
              };
            }
          }
          if (chosen) {
            if (chosen.scheme === 'digest') chosen.digest = { challenge, nonceCount: 0 };
            ctx.netLog.event('AUTH_CHALLENGE', exchange.source, () => ({ scheme: challenge.scheme, realm }));
            exchange.identity = chosen;
            rounds++;
            await drain(response.body);
            continue;
          }
        }
      } else if (exchange.loadedBy === 'network' && exchange.identity && response.status !== 401) {
        const { identity } = exchange;
        ctx.authCache.add(
          {
            origin: identity.origin,
            scheme: identity.scheme,
            realm: identity.realm,
            credentials: identity.credentials,
            ...(identity.digest ? { digest: identity.digest } : {}),
          },
          url.pathname,
        );
      }
      return response;
    }
  },
};
