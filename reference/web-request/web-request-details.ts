// The `details` object each era's webRequest passes to a listener, built
// from what the network stack reports for one stage. From Electron 9 the
// fields come from WebRequestInfo (id, url, method, timestamp,
// resourceType, then the response's fromCache, statusLine, statusCode,
// responseHeaders once there is one), the request (referrer, uploadData)
// and the stage (requestHeaders, redirectURL, error); Electron 1.x's
// network delegate added the response fields per event instead.

import { parseContentDisposition } from '../net/http/content-disposition.ts';
import { holdBlob } from '../storage/blob-registry.ts';
import type { EraId } from '../../contract/eras/eras.ts';
import type { WebRequestDetails, WebRequestResponseDetails } from '../net/hooks.ts';
import { WEB_REQUEST_ERAS } from './web-request-era.ts';

export type WebRequestEvent =
  | 'onBeforeRequest'
  | 'onBeforeSendHeaders'
  | 'onSendHeaders'
  | 'onHeadersReceived'
  | 'onResponseStarted'
  | 'onBeforeRedirect'
  | 'onCompleted'
  | 'onErrorOccurred';

export const WEB_REQUEST_EVENTS: readonly WebRequestEvent[] = [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
];

/** What a stage reports: the request, maybe its response, and the stage's own field. */
export type StageDetails = (WebRequestDetails | WebRequestResponseDetails) & { redirectURL?: string; error?: string };

function hasResponse(details: StageDetails): details is WebRequestResponseDetails & { redirectURL?: string; error?: string } {
  return typeof (details as WebRequestResponseDetails).statusCode === 'number';
}

/** The binding's Content-Disposition: the type and the file name HttpContentDisposition decodes, in the era's form. */
function decodedDisposition(value: string, style: 'unquoted' | 'quoted'): string {
  const parsed = parseContentDisposition(value);
  if (style === 'unquoted') return `${parsed.type === 'attachment' ? ' attachement' : ' inline'}; filename=${parsed.filename}`;
  return `${parsed.type === 'attachment' ? ' attachment' : ' inline'}; filename="${parsed.filename}"`;
}

/**
 * A header value as the binding hands it to JavaScript: the header's bytes
 * (one character each here) read as UTF-8, as gin and native_mate convert a
 * std::string, with U+FFFD for what is not UTF-8.
 */
function asBindingString(value: string): string {
  if (!/[\x80-\xff]/.test(value) || /[^\x00-\xff]/.test(value)) return value;
  return Buffer.from(value, 'latin1').toString('utf8');
}

/** A copy the listener may change freely. */
function copyHeaders(era: EraId, headers: Record<string, string[]>): Record<string, string[]> {
  const style = WEB_REQUEST_ERAS[era].decodedContentDisposition;
  const copy: Record<string, string[]> = {};
  for (const name in headers) {
    const values = headers[name]!;
    copy[name] =
      style !== 'as-sent' && name.toLowerCase() === 'content-disposition'
        ? values.map((v) => (v ? decodedDisposition(v, style) : v))
        : values.map(asBindingString);
  }
  return copy;
}

/** base::Time::Now() in milliseconds, fraction included. */
function timestamp(): number {
  return performance.timeOrigin + performance.now();
}

function uploadData(era: EraId, details: StageDetails): object[] | undefined {
  if (!details.uploadData) return undefined;
  const typed = WEB_REQUEST_ERAS[era].typedUploadData;
  return details.uploadData.map((element) => {
    if ('blob' in element) {
      // Each description of a blob gets a holder that ses.getBlobData reads
      // (storage/blob-registry.ts); 1.x named blobs by their storage UUID.
      const out: Record<string, unknown> = typed ? { type: 'blob' } : {};
      out.blobUUID = holdBlob(out, element.blob, typed ? 'counter' : 'uuid');
      return out;
    }
    const copy = Buffer.from(element.bytes);
    return typed ? { type: 'rawData', bytes: copy } : { bytes: copy };
  });
}

function ginDetails(era: EraId, event: WebRequestEvent, details: StageDetails): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: details.id,
    url: details.url,
    method: details.method,
    timestamp: timestamp(),
    resourceType: details.resourceType,
  };
  if (hasResponse(details)) {
    out.fromCache = details.fromCache ?? false;
    out.statusLine = details.statusLine;
    out.statusCode = details.statusCode;
    out.responseHeaders = copyHeaders(era, details.responseHeaders);
  }
  out.referrer = details.referrer ?? '';
  const upload = uploadData(era, details);
  if (upload) out.uploadData = upload;
  switch (event) {
    case 'onBeforeRequest':
      // The current binding also passes the (still empty) redirect target.
      if (WEB_REQUEST_ERAS[era].redirectUrlInBeforeRequest) out.redirectURL = '';
      break;
    case 'onBeforeSendHeaders':
    case 'onSendHeaders':
      out.requestHeaders = { ...details.requestHeaders };
      break;
    case 'onBeforeRedirect':
      out.redirectURL = details.redirectURL;
      break;
    case 'onCompleted':
      out.error = details.error ?? 'net::OK';
      break;
    case 'onErrorOccurred':
      out.error = details.error;
      break;
    default:
      break;
  }
  return out;
}

function legacyDetails(event: WebRequestEvent, details: StageDetails): Record<string, unknown> {
  const out: Record<string, unknown> = { method: details.method, url: details.url, referrer: details.referrer ?? '' };
  const upload = uploadData('legacy', details);
  if (upload) out.uploadData = upload;
  out.id = details.id;
  out.timestamp = timestamp();
  out.resourceType = details.resourceType;
  const response = hasResponse(details) ? details : undefined;
  const responseFields = () => {
    if (!response) return;
    out.responseHeaders = copyHeaders('legacy', response.responseHeaders);
    out.statusLine = response.statusLine;
    out.statusCode = response.statusCode;
  };
  switch (event) {
    case 'onBeforeSendHeaders':
    case 'onSendHeaders':
      out.requestHeaders = { ...details.requestHeaders };
      break;
    case 'onHeadersReceived':
      responseFields();
      break;
    case 'onBeforeRedirect':
      out.redirectURL = details.redirectURL;
      responseFields();
      out.fromCache = response?.fromCache ?? false;
      break;
    case 'onResponseStarted':
    case 'onCompleted':
      responseFields();
      // URLRequest::was_cached().
      out.fromCache = response?.fromCache ?? false;
      break;
    case 'onErrorOccurred':
      out.fromCache = response?.fromCache ?? false;
      out.error = details.error;
      break;
    default:
      break;
  }
  return out;
}

export function listenerDetails(era: EraId, event: WebRequestEvent, details: StageDetails): Record<string, unknown> {
  return WEB_REQUEST_ERAS[era].nativeMateBinding ? legacyDetails(event, details) : ginDetails(era, event, details);
}
