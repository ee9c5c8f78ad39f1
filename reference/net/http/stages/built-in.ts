// The loader's own stages, top (outermost) first: the order stage.ts
// draws. An area's stage joins this list (stage-list.ts).

import { auth, authorization } from './auth.ts';
import { contentDecoding } from './content-decoding.ts';
import { cookies } from './cookies.ts';
import { hop } from './hop.ts';
import { proxyAuth } from './proxy-auth.ts';
import { redirects } from './redirects.ts';
import { contentLength, requestDefaults } from './request-defaults.ts';
import type { LoaderStage } from './stage.ts';
import { webRequestBefore, webRequestEnd, webRequestHeaders } from './web-request-stages.ts';

export const BUILT_IN_STAGES: readonly LoaderStage[] = [
  webRequestEnd,
  contentDecoding,
  auth,
  proxyAuth,
  redirects,
  hop,
  webRequestBefore,
  requestDefaults,
  cookies,
  authorization,
  contentLength,
  webRequestHeaders,
];
