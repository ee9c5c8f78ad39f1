// The public Cookies class (`ses.cookies`): its members per era come from the
// inventory; the generic public-object binding ties each object to its
// session's CookieService.

import type { PublicObjectKind } from '../session/public-object.ts';
import { COOKIES_MEMBERS } from './cookies-members.ts';

export const COOKIES_OBJECT: PublicObjectKind = { className: 'Cookies', prefix: 'cookies.', members: COOKIES_MEMBERS };
