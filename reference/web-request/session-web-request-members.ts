// The Session member of the webRequest area: `ses.webRequest`, the session's
// one WebRequest object (the same object on every read).

import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { webRequestService } from './web-request-service.ts';
import { WEB_REQUEST_OBJECT } from './web-request-object.ts';

export const SESSION_WEB_REQUEST_MEMBERS: MemberTable = {
  'ses.webRequest': {
    kind: 'property',
    get() {
      return servicesOf(this).publicObject(WEB_REQUEST_OBJECT, webRequestService);
    },
  },
};
