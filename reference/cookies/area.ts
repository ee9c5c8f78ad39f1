// The cookies area: `ses.cookies` (a Cookies object over the session's
// durable cookie store) and the network seam that sends and stores cookies
// on every request of the session.

import type { Area } from '../area.ts';
import { cookieService } from './cookie-service.ts';
import { COOKIES_OBJECT } from './cookies-object.ts';
import { sameSiteContext } from './same-site-context.ts';
import { SESSION_COOKIE_MEMBERS } from './session-cookie-members.ts';

export const cookiesArea: Area = {
  id: 'cookies',
  summary: 'ses.cookies: get, set, remove, flushStore, the changed event, and cookies on the wire',
  sessionMembers: SESSION_COOKIE_MEMBERS,
  objects: [COOKIES_OBJECT],
  network(hooks, services) {
    const cookies = () => services.use(cookieService);
    hooks.cookies = {
      cookieHeader: async (url, context) => {
        if (context.credentials === 'omit') return null;
        const header = await cookies().cookieHeaderFor(url.href, { sameSiteContext: sameSiteContext(url, context) });
        return header || null;
      },
      storeResponseCookies: async (url, setCookies, context) => {
        if (context.credentials === 'omit' || !setCookies.length) return;
        await cookies().storeFromResponse(url.href, setCookies, { sameSiteContext: sameSiteContext(url, context) });
      },
    };
  },
};
