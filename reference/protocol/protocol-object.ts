// The public Protocol class (`ses.protocol`), bound to its session's
// ProtocolService through the generic public-object binding.

import type { PublicObjectKind } from '../session/public-object.ts';
import { PROTOCOL_MEMBERS } from './protocol-members.ts';

export const PROTOCOL_OBJECT: PublicObjectKind = { className: 'Protocol', prefix: 'protocol.', members: PROTOCOL_MEMBERS };
