// The public members of WebRequest: `onXxx([filter, ]listener)` for each of
// the eight events, each one call into the session's WebRequestService.

import type { MemberTable } from '../era/shape.ts';
import { serviceBehind } from '../session/public-object.ts';
import type { WebRequestService } from './web-request-service.ts';
import { WEB_REQUEST_EVENTS } from './web-request-details.ts';

export const WEB_REQUEST_MEMBERS: MemberTable = Object.fromEntries(
  WEB_REQUEST_EVENTS.map((event) => [
    `webRequest.${event}`,
    {
      kind: 'method',
      call(this: object, ...args: unknown[]) {
        serviceBehind<WebRequestService>('WebRequest', this).setListener(event, args);
      },
    },
  ]),
);
