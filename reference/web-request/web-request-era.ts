// How webRequest differs per era, as one typed table: Electron 1.x's
// native_mate binding against the gin binding of later lines, and what the
// current binding added.

import type { EraId } from '../../contract/eras/eras.ts';

export interface WebRequestEra {
  /** 1.x's native_mate binding: its own listener arguments and details shapes. */
  readonly nativeMateBinding: boolean;
  /** uploadData entries carry `type: 'rawData'` (the network-service era). */
  readonly typedUploadData: boolean;
  /** onBeforeRequest details include the (still empty) `redirectURL`. */
  readonly redirectUrlInBeforeRequest: boolean;
  /** A filter may name `excludeUrls` and resource `types`. */
  readonly filterExcludesAndTypes: boolean;
  /** Requests a protocol handler intercepted are seen by listeners (before the network service). */
  readonly seesInterceptedRequests: boolean;
  /** onHeadersReceived header values: lists of strings only (1.x) or any value converted to strings. */
  readonly headerValues: 'string-lists-only' | 'converted';
  /**
   * Listeners see a Content-Disposition value re-made from Chromium's parse
   * of it, so non-UTF-8 file names reach JavaScript decoded: from Electron 12
   * as ` attachement; filename=<name>` (its spelling), from 17 as
   * ` attachment; filename="<name>"`; before 12 as it came.
   */
  readonly decodedContentDisposition: 'as-sent' | 'unquoted' | 'quoted';
}

const GIN: WebRequestEra = {
  nativeMateBinding: false,
  typedUploadData: true,
  redirectUrlInBeforeRequest: false,
  filterExcludesAndTypes: false,
  seesInterceptedRequests: false,
  headerValues: 'converted',
  decodedContentDisposition: 'quoted',
};

export const WEB_REQUEST_ERAS: Readonly<Record<EraId, WebRequestEra>> = {
  legacy: {
    nativeMateBinding: true,
    typedUploadData: false,
    redirectUrlInBeforeRequest: false,
    filterExcludesAndTypes: false,
    seesInterceptedRequests: true,
    headerValues: 'string-lists-only',
    decodedContentDisposition: 'as-sent',
  },
  e9: { ...GIN, decodedContentDisposition: 'as-sent' },
  e12: { ...GIN, decodedContentDisposition: 'unquoted' },
  e17: GIN,
  current: { ...GIN, redirectUrlInBeforeRequest: true, filterExcludesAndTypes: true },
};
