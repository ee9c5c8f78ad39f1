// What Chromium adds to a request on the way out: the session's User-Agent
// and Accept-Language (with q-values, net::HttpUtil::GenerateAcceptLanguageHeader)
// when the request has none, and the encodings it can decode. It also
// refuses ports browsers never talk to (net/base/port_util.cc).

/** `en-US,fr,de` -> `en-US,fr;q=0.9,de;q=0.8`; q never drops below 0.1. */
export function acceptLanguageHeader(languages: string): string {
  let q10 = 10;
  let out = '';
  for (const language of languages.split(',')) {
    if (q10 === 10) out = language;
    else out += `,${language};q=0.${q10}`;
    if (q10 > 1) q10 -= 1;
  }
  return out;
}

export const ACCEPT_ENCODING = 'gzip, deflate, br';

const RESTRICTED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113,
  115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556,
  563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667,
  6668, 6669, 6679, 6697, 10080,
]);

/** net::IsPortAllowedForScheme for http and https. */
export function isPortAllowed(url: URL): boolean {
  if (url.port === '') return true;
  return !RESTRICTED_PORTS.has(Number(url.port));
}
