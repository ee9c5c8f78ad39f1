// The webRequest area: `ses.webRequest` and its listeners, which observe and
// may change each stage of every request of the session.

import type { Area } from '../area.ts';
import { SESSION_WEB_REQUEST_MEMBERS } from './session-web-request-members.ts';
import { webRequestService } from './web-request-service.ts';
import { WEB_REQUEST_OBJECT } from './web-request-object.ts';

export const webRequestArea: Area = {
  id: 'web-request',
  summary: 'ses.webRequest: blocking and observing listeners on every stage of a request',
  sessionMembers: SESSION_WEB_REQUEST_MEMBERS,
  objects: [WEB_REQUEST_OBJECT],
  network(hooks, services) {
    hooks.webRequest = services.use(webRequestService).hook;
  },
};
