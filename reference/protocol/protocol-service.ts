// The protocol handlers of one session, and the hook that answers its
// requests with them. One registry serves every era: handlers registered
// for a scheme of their own, and handlers intercepting an existing scheme
// (which win). `protocol.handle` of the current era is a registration of
// the `free` type (see protocol-handle.ts), as in Electron's own JS layer.
// Obtain it with `servicesOf(session).use(protocolService)`.

import type { EraId } from '../../contract/eras/eras.ts';
import type { ProtocolHook } from '../net/hooks.ts';
import { netError, NetError } from '../net/net-error.ts';
import { toResponse } from '../net/http/fetch-api.ts';
import { browserContextsOf } from '../partitions/browser-contexts.ts';
import { servicesOf } from '../session/binding.ts';
import type { SessionService, SessionServices } from '../session/session-services.ts';
import { responseFor, type HttpLoader, type ProtocolType } from './protocol-response.ts';
import { PROTOCOL_ERAS } from './protocol-era.ts';

/** What a handler is called with: `handler(request, callback)`. */
export type ProtocolHandler = (request: Record<string, unknown>, callback: (...response: unknown[]) => void) => unknown;

interface Registration {
  type: ProtocolType;
  handler: ProtocolHandler;
}

function schemeOf(url: URL): string {
  return url.protocol.slice(0, -1);
}

export class ProtocolService implements SessionService {
  readonly era: EraId;
  readonly #services: SessionServices;
  readonly #registered = new Map<string, Registration>();
  readonly #intercepted = new Map<string, Registration>();
  /** Electron 1.x's registerServiceWorkerSchemes list. */
  serviceWorkerSchemes: string[] = [];

  constructor(services: SessionServices) {
    this.era = services.era;
    this.#services = services;
  }

  /** False when the scheme already has a handler of its own. */
  register(type: ProtocolType, scheme: string, handler: ProtocolHandler): boolean {
    if (this.#registered.has(scheme)) return false;
    this.#registered.set(scheme, { type, handler });
    return true;
  }

  unregister(scheme: string): boolean {
    return this.#registered.delete(scheme);
  }

  isRegistered(scheme: string): boolean {
    return this.#registered.has(scheme);
  }

  /** False when the scheme is already intercepted. */
  intercept(type: ProtocolType, scheme: string, handler: ProtocolHandler): boolean {
    if (this.#intercepted.has(scheme)) return false;
    this.#intercepted.set(scheme, { type, handler });
    return true;
  }

  unintercept(scheme: string): boolean {
    return this.#intercepted.delete(scheme);
  }

  isIntercepted(scheme: string): boolean {
    return this.#intercepted.has(scheme);
  }

  /** On quit no handler runs again. */
  shutdown(): void {
    this.#registered.clear();
    this.#intercepted.clear();
  }

  #registrationFor(url: URL): Registration | undefined {
    const scheme = schemeOf(url);
    return this.#intercepted.get(scheme) ?? this.#registered.get(scheme);
  }

  /** The request object handlers get (ProtocolRequest; 1.x had no `type` in uploadData). */
  async #handlerRequest(request: Request): Promise<Record<string, unknown>> {
    const headers = Object.fromEntries(request.headers);
    const out: Record<string, unknown> = { method: request.method, url: request.url, referrer: '', headers };
    if (request.body) {
      const bytes = Buffer.from(await request.arrayBuffer());
      out.uploadData = [PROTOCOL_ERAS[this.era].typedUploadData ? { type: 'rawData', bytes } : { bytes }];
    }
    return out;
  }

  /** An http handler's load, through the session it names or this one. */
  readonly #loadHttp: HttpLoader = async ({ url, method, headers, body, session }) => {
    const services = this.#httpAnswerServices(session);
    const loaded = await services.network.load({
      url,
      method,
      headers,
      body,
      signal: null,
      redirect: 'follow',
      credentials: 'include',
      initiator: null,
    });
    return toResponse(loaded);
  };

  /** The session an HTTP answer loads through (see HttpLoader). */
  #httpAnswerServices(session: unknown): SessionServices {
    const own = this.#services;
    if (session === null) return servicesOf(browserContextsOf(own.app).independent());
    if (typeof session === 'object') {
      try {
        return servicesOf(session);
      } catch {
        // Not a Session: the era's default below.
      }
    }
    return PROTOCOL_ERAS[own.era].httpAnswerSession === 'own' ? own : servicesOf(browserContextsOf(own.app).defaultSession());
  }

  async #answer(registration: Registration, request: Request): Promise<Response> {
    const handlerRequest = await this.#handlerRequest(request);
    const args = await new Promise<unknown[]>((resolve, reject) => {
      let answered = false;
      // Only the first answer counts.
      const callback = (...response: unknown[]) => {
        if (answered) return;
        answered = true;
        resolve(response);
      };
      try {
        registration.handler(handlerRequest, callback);
      } catch (error) {
        // Electron leaves the request hanging; a test double fails it instead.
        process.emitWarning(
          `protocol handler threw: ${error instanceof Error ? error.message : String(error)}`,
          'ProtocolHandlerError',
        );
        reject(netError('ERR_FAILED', error));
      }
    });
    return responseFor(
      {
        era: this.era,
        type: registration.type,
        request: { url: request.url, method: request.method, headers: [...request.headers], referrer: '' },
        loadHttp: this.#loadHttp,
      },
      args,
    ).catch((error: unknown) => {
      throw error instanceof NetError ? error : netError('ERR_FAILED', error);
    });
  }

  /** The hook the session's network stack consults for every request. */
  readonly hook: ProtocolHook = {
    handles: (url) => this.#registered.size + this.#intercepted.size > 0 && this.#registrationFor(url) !== undefined,
    route: (url) =>
      this.#intercepted.has(schemeOf(url)) ? 'intercepted' : this.#registered.has(schemeOf(url)) ? 'registered' : undefined,
    handle: (request) => {
      const registration = this.#registrationFor(new URL(request.url));
      return registration ? this.#answer(registration, request) : undefined;
    },
  };
}

export const protocolService = (services: SessionServices): ProtocolService => new ProtocolService(services);
