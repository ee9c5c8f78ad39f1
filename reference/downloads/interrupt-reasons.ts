// Why a download stopped, as Chromium's download system names it
// (download_interrupt_reason_values.h), and what follows from a reason: which
// net errors and HTTP answers become which reason, whether the download may
// be resumed by the user or resumes on its own, and whether it is over
// ("done"). Ported in substance from components/download's
// download_interrupt_reasons_utils.cc and download_utils.cc
// (ConvertNetErrorToInterruptReason, HandleSuccessfulServerResponse,
// GetDownloadResumeMode, IsDownloadDone).

import { NetError, netErrorName, toNetError } from '../net/net-error.ts';

export type InterruptReason =
  | 'NONE'
  | 'FILE_FAILED'
  | 'FILE_ACCESS_DENIED'
  | 'FILE_NO_SPACE'
  | 'FILE_NAME_TOO_LONG'
  | 'FILE_TOO_LARGE'
  | 'FILE_TRANSIENT_ERROR'
  | 'FILE_BLOCKED'
  | 'FILE_TOO_SHORT'
  | 'NETWORK_FAILED'
  | 'NETWORK_TIMEOUT'
  | 'NETWORK_DISCONNECTED'
  | 'NETWORK_SERVER_DOWN'
  | 'NETWORK_INVALID_REQUEST'
  | 'SERVER_FAILED'
  | 'SERVER_NO_RANGE'
  | 'SERVER_BAD_CONTENT'
  | 'SERVER_UNAUTHORIZED'
  | 'SERVER_CERT_PROBLEM'
  | 'SERVER_FORBIDDEN'
  | 'SERVER_UNREACHABLE'
  | 'SERVER_CONTENT_LENGTH_MISMATCH'
  | 'USER_CANCELED'
  | 'USER_SHUTDOWN';

/** How an interrupted download may go on (Chromium's ResumeMode). */
export type ResumeMode = 'IMMEDIATE_CONTINUE' | 'IMMEDIATE_RESTART' | 'USER_CONTINUE' | 'USER_RESTART' | 'INVALID';

export function isCancellation(reason: InterruptReason): boolean {
  return reason === 'USER_CANCELED' || reason === 'USER_SHUTDOWN';
}

const NET_ERROR_REASONS: Readonly<Record<string, InterruptReason>> = {
  ERR_FILE_TOO_BIG: 'FILE_TOO_LARGE',
  ERR_ACCESS_DENIED: 'FILE_ACCESS_DENIED',
  ERR_INSUFFICIENT_RESOURCES: 'FILE_TRANSIENT_ERROR',
  ERR_OUT_OF_MEMORY: 'FILE_TRANSIENT_ERROR',
  ERR_FILE_PATH_TOO_LONG: 'FILE_NAME_TOO_LONG',
  ERR_FILE_NO_SPACE: 'FILE_NO_SPACE',
  ERR_BLOCKED_BY_CLIENT: 'FILE_BLOCKED',
  ERR_TIMED_OUT: 'NETWORK_TIMEOUT',
  ERR_NETWORK_CHANGED: 'NETWORK_DISCONNECTED',
  ERR_INTERNET_DISCONNECTED: 'NETWORK_DISCONNECTED',
  ERR_CONNECTION_FAILED: 'NETWORK_SERVER_DOWN',
  ERR_REQUEST_RANGE_NOT_SATISFIABLE: 'SERVER_NO_RANGE',
  ERR_CONTENT_LENGTH_MISMATCH: 'SERVER_CONTENT_LENGTH_MISMATCH',
};

/**
 * The reason a request's failure gives (HandleRequestCompletionStatus): an
 * abort from outside the network stack is a user cancellation, a
 * certificate error a certificate problem, a decoding failure of a range
 * request a refusal of the range, the rest by Chromium's table with
 * NETWORK_FAILED for anything it does not name.
 */
export function reasonForRequestFailure(error: unknown, partialRequest: boolean): InterruptReason {
  const failure = error instanceof NetError ? error : toNetError(error);
  const name = netErrorName(failure.code) ?? 'ERR_FAILED';
  if (name.startsWith('ERR_CERT_') || name === 'ERR_SSL_PROTOCOL_ERROR') return 'SERVER_CERT_PROBLEM';
  if (name === 'ERR_ABORTED') return 'USER_CANCELED';
  if (partialRequest && name === 'ERR_CONTENT_DECODING_FAILED') return 'SERVER_NO_RANGE';
  return NET_ERROR_REASONS[name] ?? 'NETWORK_FAILED';
}

/** The reason a file-system error gives (ConvertFileErrorToInterruptReason). */
export function reasonForFileError(error: unknown): InterruptReason {
  const code = (error as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'FILE_ACCESS_DENIED';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'FILE_NO_SPACE';
  if (code === 'ENAMETOOLONG') return 'FILE_NAME_TOO_LONG';
  if (code === 'EMFILE' || code === 'ENFILE' || code === 'EBUSY') return 'FILE_TRANSIENT_ERROR';
  if (code === 'EFBIG') return 'FILE_TOO_LARGE';
  return 'FILE_FAILED';
}

/**
 * The reason an HTTP answer gives before any byte is kept
 * (HandleSuccessfulServerResponse): 2xx downloads, 204/205/404 have nothing
 * to download, 401/407 and 403 are refusals, 416 refuses the range, anything
 * else is the server failing. A resumption (`offset` > 0) that gets a 206
 * starting elsewhere refuses the range; a fresh download given a 206 got
 * bad content.
 */
export function reasonForResponse(status: number, offset: number, firstByte: number | undefined): InterruptReason {
  switch (status) {
    case 200:
    case 201:
    case 202:
    case 203:
    case 206:
      break;
    case 204:
    case 205:
    case 404:
      return 'SERVER_BAD_CONTENT';
    case 416:
      return 'SERVER_NO_RANGE';
    case 401:
    case 407:
      return 'SERVER_UNAUTHORIZED';
    case 403:
      return 'SERVER_FORBIDDEN';
    default:
      return 'SERVER_FAILED';
  }
  if (offset > 0) {
    if (status !== 206) return 'NONE';
    if (firstByte === undefined) return 'SERVER_BAD_CONTENT';
    return firstByte === offset ? 'NONE' : 'SERVER_NO_RANGE';
  }
  return status === 206 ? 'SERVER_BAD_CONTENT' : 'NONE';
}

/** GetDownloadResumeMode: only HTTP(S) downloads resume at all. */
export function resumeModeFor(
  url: string,
  reason: InterruptReason,
  restartRequired: boolean,
  userActionRequired: boolean,
): ResumeMode {
  if (!/^https?:/i.test(url)) return 'INVALID';
  let restart = restartRequired;
  let userAction = userActionRequired;
  switch (reason) {
    case 'NETWORK_TIMEOUT':
    case 'FILE_TRANSIENT_ERROR':
    case 'SERVER_CONTENT_LENGTH_MISMATCH':
      break;
    case 'SERVER_NO_RANGE':
    case 'FILE_TOO_SHORT':
      restart = true;
      break;
    case 'NETWORK_FAILED':
    case 'NETWORK_DISCONNECTED':
    case 'NETWORK_SERVER_DOWN':
    case 'SERVER_FAILED':
    case 'SERVER_UNREACHABLE':
    case 'FILE_NO_SPACE':
      userAction = true;
      break;
    case 'FILE_FAILED':
    case 'FILE_ACCESS_DENIED':
    case 'FILE_NAME_TOO_LONG':
    case 'FILE_TOO_LARGE':
      userAction = true;
      restart = true;
      break;
    default:
      return 'INVALID';
  }
  if (userAction && restart) return 'USER_RESTART';
  if (restart) return 'IMMEDIATE_RESTART';
  if (userAction) return 'USER_CONTINUE';
  return 'IMMEDIATE_CONTINUE';
}

/** IsDownloadDone: an interrupted download is over only when nothing could resume it. */
export function interruptedIsDone(url: string, reason: InterruptReason): boolean {
  return resumeModeFor(url, reason, false, false) === 'INVALID';
}
