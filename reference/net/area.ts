// The network area: ses.fetch, host resolution, TLS and certificate
// verification, connections, emulation, auth and net logs, over a real
// stack of sockets. Its driver commands stand in for a page of the session.

import type { Area } from '../area.ts';
import { NET_DRIVER_COMMANDS } from './driver-commands.ts';
import { NET_MEMBERS } from './net-members.ts';

export const netArea: Area = {
  id: 'net',
  summary: 'ses.fetch, DNS, TLS, connections, network emulation, auth and net logs',
  sessionMembers: NET_MEMBERS,
  driver: { capabilities: ['network', 'tls', 'dns', 'net-log'], commands: NET_DRIVER_COMMANDS },
};
