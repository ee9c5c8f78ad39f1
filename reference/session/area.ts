// The session area itself: identity, user agent and preloads,
// and what any reference app can do (quit and relaunch over the same
// userData, gracefully or as if killed).

import type { Area } from '../area.ts';
import { CORE_MEMBERS } from './core-members.ts';

export const sessionArea: Area = {
  id: 'session',
  summary: 'partitions and the core members of Session',
  sessionMembers: CORE_MEMBERS,
  driver: { capabilities: ['restart', 'crash-restart'] },
};
