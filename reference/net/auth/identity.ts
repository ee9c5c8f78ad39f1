// The credentials one request authenticates with to a server: where they
// came from (sent before any challenge from the auth cache, taken from the
// cache after a challenge, or given by the page's `login` step), and for
// Digest the challenge state they answer with.

import { basicAuthorization, digestAuthorization, type Credentials, type DigestState } from './challenge.ts';

export interface Identity {
  origin: string;
  scheme: string;
  realm: string;
  credentials: Credentials;
  source: 'preemptive' | 'cache' | 'login';
  digest?: DigestState;
}

/** The Authorization header value that presents `identity` for `method` on `url`. */
export function authorizationFor(identity: Identity, method: string, url: URL): string {
  if (identity.scheme === 'digest' && identity.digest) {
    return digestAuthorization(identity.digest, identity.credentials, method, `${url.pathname}${url.search}`);
  }
  return basicAuthorization(identity.credentials);
}
