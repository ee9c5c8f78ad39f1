// The public WebRequest class (`ses.webRequest`), bound to its session's
// WebRequestService through the generic public-object binding.

import type { PublicObjectKind } from '../session/public-object.ts';
import { WEB_REQUEST_MEMBERS } from './web-request-members.ts';

export const WEB_REQUEST_OBJECT: PublicObjectKind = {
  className: 'WebRequest',
  prefix: 'webRequest.',
  members: WEB_REQUEST_MEMBERS,
};
