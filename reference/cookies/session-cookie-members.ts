// The Session member of the cookies area: `ses.cookies`, the session's one
// Cookies object (the same object on every read).

import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { cookieService } from './cookie-service.ts';
import { COOKIES_OBJECT } from './cookies-object.ts';

export const SESSION_COOKIE_MEMBERS: MemberTable = {
  'ses.cookies': {
    kind: 'property',
    get() {
      return servicesOf(this).publicObject(COOKIES_OBJECT, cookieService);
    },
  },
};
