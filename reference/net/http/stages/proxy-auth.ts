// Authentication to HTTP proxies, as Chromium's HttpNetworkTransaction does
// it with its proxy HttpAuthController. A proxy asks with 407 and
// Proxy-Authenticate, either on a request it forwards (http:// URLs) or on
// the CONNECT of a tunnel (https://, ws://...). The strongest supported
// challenge is answered by the page's `login` step (isProxy: true, the
// proxy's host and port), never by ses.fetch, which has no one to ask. The
// identity goes into the session's auth cache before the request is sent
// again (Chromium's ResetAuth), so every later request through that proxy
// presents it first, credentials mode or not; one the proxy refuses is
// forgotten first. A challenge nobody answers is the caller's 407: the page
// an HTTP proxy sent, or for a tunnel the 407's head with a body that is
// never read (ERR_TUNNEL_CONNECTION_FAILED); a tunnel whose challenges are
// all unsupported fails with ERR_PROXY_AUTH_UNSUPPORTED. A 407 from anyone
// but a forwarding proxy is ERR_UNEXPECTED_PROXY_AUTH.

import type { AuthCache } from '../../auth/auth-cache.ts';
import { parseChallenges, preferredChallenge, realmOf } from '../../auth/challenge.ts';
import type { LoginBroker } from '../../auth/login-broker.ts';
import { proxyAuthKey, proxyEntry, type ProxyIdentityTarget } from '../../auth/proxy-credentials.ts';
import { netError } from '../../net-error.ts';
import { discard, drain } from '../body-streams.ts';
import { headerValues, rawHeadersOf } from '../header-lines.ts';
import type { HopResponse, LoaderStage } from './stage.ts';

const MAX_AUTH_ROUNDS = 10;

/** What a tunnel's 407 carries (the proxy area's ProxyAuthRequired, seen structurally). */
interface TunnelAuthRequired {
  netError: 'ERR_PROXY_AUTH_REQUESTED';
  proxy: ProxyIdentityTarget;
  statusText: string;
  headerLines: [string, string][];
}

function tunnelAuthRequired(error: unknown): TunnelAuthRequired | undefined {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const candidate = e as Partial<TunnelAuthRequired>;
    if (candidate.netError === 'ERR_PROXY_AUTH_REQUESTED' && candidate.proxy && Array.isArray(candidate.headerLines)) {
      return candidate as TunnelAuthRequired;
    }
  }
  return undefined;
}

type Outcome = 'retry' | 'unanswered' | 'unsupported';

/** Answers one 407 of `proxy`: refused identities go, the login step may give a new one. */
function answerChallenge(
  cache: AuthCache,
  login: LoginBroker | undefined,
  proxy: ProxyIdentityTarget,
  values: string[],
): Outcome {
  const key = proxyAuthKey(proxy);
  const challenge = preferredChallenge(parseChallenges(values));
  const held = proxyEntry(cache, proxy);
  if (held) {
    const stale = challenge?.scheme === 'digest' && held.scheme === 'digest' && challenge.params.stale?.toLowerCase() === 'true';
    if (stale && challenge) {
      held.digest = { challenge, nonceCount: 0 };
      return 'retry';
    }
    cache.remove(held.origin, held.scheme, held.realm);
  }
  if (!challenge) return 'unsupported';
  if (!login) return 'unanswered';
  const realm = realmOf(challenge);
  const answer = login.take({ isProxy: true, scheme: challenge.scheme, host: proxy.host, port: proxy.port, realm });
  if (answer.cancel) return 'unanswered';
  cache.add(
    {
      origin: key,
      scheme: challenge.scheme,
      realm,
      credentials: { username: answer.username, password: answer.password },
      ...(challenge.scheme === 'digest' ? { digest: { challenge, nonceCount: 0 } } : {}),
    },
    '/',
  );
  return 'retry';
}

/** A tunnel's 407 handed to the caller: its head, and a body Chromium never reads. */
function blockedTunnelResponse(required: TunnelAuthRequired): HopResponse {
  return {
    status: 407,
    statusText: required.statusText,
    headers: rawHeadersOf(required.headerLines),
    lines: required.headerLines,
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(netError('ERR_TUNNEL_CONNECTION_FAILED'));
      },
    }),
  };
}

export const proxyAuth: LoaderStage = {
  name: 'proxy-auth',
  async run(exchange, next) {
    const { ctx, options } = exchange;
    for (let rounds = 0; ; rounds++) {
      let response: HopResponse;
      try {
        response = await next();
      } catch (error) {
        const required = tunnelAuthRequired(error);
        if (!required) throw error;
        const challenges = required.headerLines
          .filter(([name]) => name.toLowerCase() === 'proxy-authenticate')
          .map(([, value]) => value);
        const outcome =
          rounds < MAX_AUTH_ROUNDS ? answerChallenge(ctx.authCache, options.login, required.proxy, challenges) : 'unanswered';
        if (outcome === 'retry') continue;
        if (outcome === 'unsupported') throw netError('ERR_PROXY_AUTH_UNSUPPORTED', error);
        return blockedTunnelResponse(required);
      }
      if (response.status !== 407 || exchange.loadedBy !== 'network') return response;
      if (!response.viaProxy) {
        discard(response.body);
        throw netError('ERR_UNEXPECTED_PROXY_AUTH');
      }
      const outcome =
        rounds < MAX_AUTH_ROUNDS
          ? answerChallenge(ctx.authCache, options.login, response.viaProxy, headerValues(response.headers, 'proxy-authenticate'))
          : 'unanswered';
      if (outcome !== 'retry') return response;
      await drain(response.body);
    }
  },
};
