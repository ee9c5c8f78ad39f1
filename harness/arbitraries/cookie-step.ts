// The shape of generated Set-Cookie traffic: a scenario is a sequence of
// responses, each to one request on one origin, carrying raw Set-Cookie
// header values (an empty list is a plain request: it sends the cookies that
// apply and sets none).

export type CookieScheme = 'http' | 'https';

export interface CookieStep {
  scheme: CookieScheme;
  host: string;
  path: string;
  /** Raw Set-Cookie header values, sent as UTF-8 bytes. */
  setCookies: string[];
}

export type CookieScenario = CookieStep[];
