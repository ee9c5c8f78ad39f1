// The protocol area: `ses.protocol` (custom schemes and interception), which
// answers matching URLs before the network is touched.

import type { Area } from '../area.ts';
import { PROTOCOL_OBJECT } from './protocol-object.ts';
import { protocolService } from './protocol-service.ts';
import { SESSION_PROTOCOL_MEMBERS } from './session-protocol-members.ts';

export const protocolArea: Area = {
  id: 'protocol',
  summary: 'ses.protocol: registered, intercepted and handled schemes',
  sessionMembers: SESSION_PROTOCOL_MEMBERS,
  objects: [PROTOCOL_OBJECT],
  network(hooks, services) {
    hooks.protocols = services.use(protocolService).hook;
  },
};
