// The webRequest listeners of one session and the hook that runs them on its
// traffic: one listener per event (a new one replaces the old, null
// removes it), each with its filter. Blocking events (onBeforeRequest,
// onBeforeSendHeaders, onHeadersReceived) hold the request until the
// listener calls back; the response is read the way the era's binding reads
// it. Obtain it with `servicesOf(session).use(webRequestService)`.
//
// From Electron 9, requests to intercepted schemes never reach webRequest
// (ProxyingURLLoaderFactory hands them to the handler first); Electron 1.x's
// network delegate saw every request. Filters read the app's registered
// standard schemes (app.urlSchemes) the way url::IsStandard does.

import type { EraId } from '../../contract/eras/eras.ts';
import type { UrlSchemes } from '../app/url-schemes.ts';
import type {
  BeforeRequestResult,
  BeforeSendHeadersResult,
  HeadersReceivedResult,
  WebRequestDetails,
  WebRequestHook,
} from '../net/hooks.ts';
import { NetError } from '../net/net-error.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { filterMatches, readListenerArguments, type Listener, type RequestFilter } from './listener-arguments.ts';
import { convertResponseHeaders } from './response-headers.ts';
import { listenerDetails, type StageDetails, type WebRequestEvent } from './web-request-details.ts';
import { WEB_REQUEST_ERAS } from './web-request-era.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';

interface Registration {
  filter: RequestFilter;
  listener: Listener;
}

/** A listener that throws never answers in Electron; here the request goes on unchanged and the error is reported. */
function reportListenerError(event: WebRequestEvent, error: unknown): void {
  process.emitWarning(
    `webRequest.${event} listener threw: ${error instanceof Error ? error.message : String(error)}`,
    'WebRequestListenerError',
  );
}

/**
 * Reads a listener's answer: a getter or proxy trap that throws while it is
 * read leaves the request unchanged (in Electron the exception goes back to
 * whoever called the callback); a net error the conversion names fails it.
 */
function readAnswer<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof NetError) throw error;
    return undefined;
  }
}

export class WebRequestService implements SessionService {
  readonly era: EraId;
  readonly #listeners = new Map<WebRequestEvent, Registration>();
  readonly #schemes: UrlSchemes;

  constructor(services: SessionServices) {
    this.era = services.era;
    this.#schemes = services.app.urlSchemes;
  }

  /** On quit no listener runs again. */
  shutdown(): void {
    this.#listeners.clear();
  }

  /** `webRequest.<event>([filter, ]listener)`. */
  setListener(event: WebRequestEvent, args: readonly unknown[]): void {
    const { filter, listener } = readListenerArguments(this.era, args, this.#schemes);
    if (listener) this.#listeners.set(event, { filter, listener });
    else this.#listeners.delete(event);
  }

  /** The listener for `event` if it wants this request. */
  #listenerFor(event: WebRequestEvent, details: WebRequestDetails): Registration | undefined {
    const registration = this.#listeners.get(event);
    if (!registration) return undefined;
    if (!WEB_REQUEST_ERAS[this.era].seesInterceptedRequests && details.loadedBy === 'intercepted-protocol') return undefined;
    const { filter } = registration;
    // A filter without patterns needs no parsed URL.
    if (!filter.include.length && !filter.exclude.length)
      return filterMatches(filter, null, details.resourceType) ? registration : undefined;
    let url: URL;
    try {
      url = new URL(details.url);
    } catch {
      return undefined;
    }
    return filterMatches(filter, url, details.resourceType) ? registration : undefined;
  }

  #notify(event: WebRequestEvent, details: StageDetails): void {
    const registration = this.#listenerFor(event, details);
    if (!registration) return;
    try {
      (registration.listener as (details: unknown) => unknown)(listenerDetails(this.era, event, details));
    } catch (error) {
      reportListenerError(event, error);
    }
  }

  /**
   * Calls a blocking listener and resolves with what it calls back with
   * (undefined: go on unchanged), boxed: a promise resolved with the answer
   * itself would read its `then` (a thenable, or a proxy trap that throws).
   */
  #ask(event: WebRequestEvent, details: StageDetails): Promise<{ response: unknown }> | undefined {
    const registration = this.#listenerFor(event, details);
    if (!registration) return undefined;
    return new Promise<{ response: unknown }>((resolve) => {
      let answered = false;
      // Only the first answer counts, as the binding forgets the request once answered.
      const callback = (response?: unknown) => {
        if (answered) return;
        answered = true;
        resolve({ response });
      };
      try {
        (registration.listener as (details: unknown, callback: (response?: unknown) => void) => unknown)(
          listenerDetails(this.era, event, details),
          callback,
        );
      } catch (error) {
        reportListenerError(event, error);
        callback(undefined);
      }
    });
  }

  #beforeRequest(response: unknown): BeforeRequestResult {
    if (!isGinDictionary(response)) return undefined;
    if (response.cancel === true) return { cancel: true };
    return typeof response.redirectURL === 'string' && response.redirectURL !== ''
      ? { redirectURL: response.redirectURL }
      : undefined;
  }

  #beforeSendHeaders(response: unknown): BeforeSendHeadersResult {
    if (!isGinDictionary(response)) return undefined;
    if (response.cancel === true) return { cancel: true };
    const given = response.requestHeaders;
    if (!isGinDictionary(given) || typeof given === 'function') return undefined;
    // Only string values become headers.
    const requestHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(given)) if (typeof value === 'string') requestHeaders[name] = value;
    return { requestHeaders };
  }

  #headersReceived(response: unknown): HeadersReceivedResult {
    if (!isGinDictionary(response)) return undefined;
    if (response.cancel === true) return { cancel: true };
    const given = response.responseHeaders;
    if (!isGinDictionary(given)) return undefined;
    const responseHeaders = convertResponseHeaders(WEB_REQUEST_ERAS[this.era].headerValues, given);
    const statusLine = typeof response.statusLine === 'string' ? response.statusLine : undefined;
    return { responseHeaders, ...(statusLine !== undefined ? { statusLine } : {}) };
  }

  /** The hook the session's network stack runs. */
  readonly hook: WebRequestHook = {
    active: () => this.#listeners.size > 0,
    onBeforeRequest: (details) =>
      this.#ask('onBeforeRequest', details)?.then(({ response }) => readAnswer(() => this.#beforeRequest(response))),
    onBeforeSendHeaders: (details) =>
      this.#ask('onBeforeSendHeaders', details)?.then(({ response }) => readAnswer(() => this.#beforeSendHeaders(response))),
    onSendHeaders: (details) => this.#notify('onSendHeaders', details),
    onHeadersReceived: (details) =>
      this.#ask('onHeadersReceived', details)?.then(({ response }) => readAnswer(() => this.#headersReceived(response))),
    onResponseStarted: (details) => this.#notify('onResponseStarted', details),
    onBeforeRedirect: (details) => this.#notify('onBeforeRedirect', details),
    onCompleted: (details) => this.#notify('onCompleted', details),
    onErrorOccurred: (details) => this.#notify('onErrorOccurred', details),
  };
}

export const webRequestService = (services: SessionServices): WebRequestService => new WebRequestService(services);
