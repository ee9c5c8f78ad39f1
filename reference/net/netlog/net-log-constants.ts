// The `constants` object a NetLog JSON file starts with: the dictionaries
// Chromium's netlog viewer needs to read the events (event and source type
// names by number, phases, net errors, load flags, address families, client
// info, the tick offset and the format version). Numbers for event and
// source types are this reference's own; the file carries the mapping, as
// Chromium's does.

import { NET_ERRORS } from '../net-error.ts';

export const EVENT_TYPES = [
  'CANCELLED',
  'FAILED',
  'REQUEST_ALIVE',
  'HOST_RESOLVER_MANAGER_REQUEST',
  'HOST_RESOLVER_MANAGER_CACHE_HIT',
  'URL_REQUEST_START_JOB',
  'URL_REQUEST_REDIRECTED',
  'URL_REQUEST_JOB_BYTES_READ',
  'HTTP_STREAM_REQUEST',
  'HTTP_TRANSACTION_SEND_REQUEST',
  'HTTP_TRANSACTION_SEND_REQUEST_HEADERS',
  'HTTP_TRANSACTION_HTTP2_SEND_REQUEST_HEADERS',
  'HTTP_TRANSACTION_READ_HEADERS',
  'HTTP_TRANSACTION_READ_RESPONSE_HEADERS',
  'HTTP_TRANSACTION_READ_BODY',
  'AUTH_CHALLENGE',
  'SOCKET_ALIVE',
  'TCP_CONNECT',
  'TCP_CONNECT_ATTEMPT',
  'SSL_CONNECT',
  'SSL_CERTIFICATES_RECEIVED',
  'CERT_VERIFIER_REQUEST',
  'SOCKET_BYTES_SENT',
  'SOCKET_BYTES_RECEIVED',
  'SOCKET_CLOSED',
  'SOCKET_POOL_BOUND_TO_SOCKET',
  'PRECONNECT',
  'NETWORK_EMULATION_CONDITIONS',
] as const;

export type NetLogEventType = (typeof EVENT_TYPES)[number];

export const SOURCE_TYPES = [
  'NONE',
  'URL_REQUEST',
  'HOST_RESOLVER_IMPL_JOB',
  'SOCKET',
  'HTTP_STREAM_JOB',
  'CERT_VERIFIER_JOB',
] as const;

export type NetLogSourceType = (typeof SOURCE_TYPES)[number];

export const PHASES = { PHASE_NONE: 0, PHASE_BEGIN: 1, PHASE_END: 2 } as const;

export type NetLogPhase = keyof typeof PHASES;

export const EVENT_TYPE_IDS: Readonly<Record<NetLogEventType, number>> = Object.fromEntries(
  EVENT_TYPES.map((name, i) => [name, i]),
) as Record<NetLogEventType, number>;

export const SOURCE_TYPE_IDS: Readonly<Record<NetLogSourceType, number>> = Object.fromEntries(
  SOURCE_TYPES.map((name, i) => [name, i]),
) as Record<NetLogSourceType, number>;

export interface ClientInfo {
  name: string;
  version: string;
  commandLine: string;
}

export function netLogConstants(client: ClientInfo, timeTickOffset: number): Record<string, unknown> {
  return {
    logFormatVersion: 1,
    clientInfo: {
      name: client.name,
      version: client.version,
      cl: client.version,
      version_mod: '',
      official: 'unofficial',
      os_type: `${process.platform}: ${process.arch}`,
      command_line: client.commandLine,
    },
    logEventTypes: EVENT_TYPE_IDS,
    logSourceType: SOURCE_TYPE_IDS,
    logEventPhase: PHASES,
    logLevelType: { LOG_NONE: 0, LOG_ALL: 1, LOG_ALL_BUT_BYTES: 2 },
    netError: Object.fromEntries(Object.entries(NET_ERRORS).filter(([name]) => name !== 'OK')),
    loadFlag: {
      NORMAL: 0,
      VALIDATE_CACHE: 1 << 0,
      BYPASS_CACHE: 1 << 1,
      SKIP_CACHE_VALIDATION: 1 << 2,
      ONLY_FROM_CACHE: 1 << 3,
      DISABLE_CACHE: 1 << 4,
      DISABLE_CERT_NETWORK_FETCHES: 1 << 5,
      DO_NOT_SAVE_COOKIES: 1 << 6,
      DO_NOT_SEND_COOKIES: 1 << 7,
      DO_NOT_SEND_AUTH_DATA: 1 << 8,
    },
    loadState: {
      IDLE: 0,
      WAITING_FOR_AVAILABLE_SOCKET: 3,
      RESOLVING_HOST: 8,
      CONNECTING: 10,
      SSL_HANDSHAKE: 11,
      SENDING_REQUEST: 12,
      WAITING_FOR_RESPONSE: 13,
      READING_RESPONSE: 14,
    },
    addressFamily: { ADDRESS_FAMILY_UNSPECIFIED: 0, ADDRESS_FAMILY_IPV4: 1, ADDRESS_FAMILY_IPV6: 2 },
    certStatusFlag: {},
    certVerifierFlags: {},
    certVerifyFlags: {},
    certPathBuilderDigestPolicy: {},
    dnsQueryType: { UNSPECIFIED: 0, A: 1, AAAA: 2 },
    secureDnsMode: { OFF: 0, AUTOMATIC: 1, SECURE: 2 },
    quicError: {},
    quicRstStreamError: {},
    timeTickOffset: String(Math.round(timeTickOffset)),
    activeFieldTrialGroups: [],
  };
}
