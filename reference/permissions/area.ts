// The permissions area: the app's permission request, permission check and
// display-media handlers of a session, and the driver's stand-ins for pages
// that ask. Other areas consult the same permission service (see
// permission-service.ts) before their own prompts, as device APIs do.

import type { Area } from '../area.ts';
import { PERMISSION_DRIVER_COMMANDS } from './driver-commands.ts';
import { PERMISSION_MEMBERS } from './permission-members.ts';

export const permissionsArea: Area = {
  id: 'permissions',
  summary: 'permission request and check handlers, display-media requests',
  sessionMembers: PERMISSION_MEMBERS,
  driver: { capabilities: ['permissions', 'display-media'], commands: PERMISSION_DRIVER_COMMANDS },
};
