// The Session member of the protocol area: `ses.protocol`, the session's one
// Protocol object (the same object on every read).

import type { MemberTable } from '../era/shape.ts';
import { servicesOf } from '../session/binding.ts';
import { PROTOCOL_OBJECT } from './protocol-object.ts';
import { protocolService } from './protocol-service.ts';

export const SESSION_PROTOCOL_MEMBERS: MemberTable = {
  'ses.protocol': {
    kind: 'property',
    get() {
      return servicesOf(this).publicObject(PROTOCOL_OBJECT, protocolService);
    },
  },
};
