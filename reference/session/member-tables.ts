// Every area's public Session members, composed into the one table that
// era/shape.ts builds each era's Session class from. An area adds its table
// here and nowhere else.

import type { MemberTable } from '../era/shape.ts';
import { SESSION_COOKIE_MEMBERS } from '../cookies/session-cookie-members.ts';
import { NET_MEMBERS } from '../net/net-members.ts';
import { PROXY_MEMBERS } from '../proxy/proxy-members.ts';
import { SESSION_PROTOCOL_MEMBERS } from '../protocol/session-protocol-members.ts';
import { SESSION_WEB_REQUEST_MEMBERS } from '../web-request/session-web-request-members.ts';
import { CORE_MEMBERS } from './core-members.ts';

export const SESSION_MEMBER_TABLES: readonly MemberTable[] = [
  CORE_MEMBERS,
  NET_MEMBERS,
  SESSION_COOKIE_MEMBERS,
  SESSION_WEB_REQUEST_MEMBERS,
  SESSION_PROTOCOL_MEMBERS,
  PROXY_MEMBERS,
];

export function sessionMembers(): MemberTable {
  const merged: Record<string, MemberTable[string]> = {};
  for (const table of SESSION_MEMBER_TABLES) {
    for (const [name, impl] of Object.entries(table)) {
      if (merged[name]) throw new Error(`session member ${name} is defined by two areas`);
      merged[name] = impl;
    }
  }
  return merged;
}
