// Fetching a service worker's script for registration, with the checks
// Chromium's ServiceWorkerRegisterJob and script loader make first: http(s)
// only, scope and script of one origin, the scope under the script's
// directory (or what Service-Worker-Allowed allows), a 2xx answer and a
// JavaScript MIME type. Failures carry Chromium's DOMException messages.
// The fetch goes through the session's network stack, webRequest included.

import type { NetworkService } from '../../net/network-service.ts';

const JS_MIME =
  /^(?:text|application)\/(?:javascript|ecmascript|x-javascript|x-ecmascript|jscript|livescript|javascript1\.[0-5])$/i;

export class RegistrationError extends Error {
  constructor(message: string, name = 'TypeError') {
    super(message);
    this.name = name;
  }
}

function directoryOf(url: URL): string {
  return url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
}

export interface FetchedScript {
  scope: URL;
  script: URL;
  source: string;
}

export async function fetchWorkerScript(
  network: NetworkService,
  scriptURL: string,
  scopeURL: string | undefined,
  resourceType: string,
): Promise<FetchedScript> {
  let script: URL;
  let scope: URL;
  try {
    script = new URL(scriptURL);
    scope = scopeURL === undefined ? new URL(directoryOf(script), script) : new URL(scopeURL, script);
  } catch {
    throw new RegistrationError(`Failed to register a ServiceWorker: An invalid URL was provided ('${scriptURL}').`);
  }
  script.hash = '';
  scope.hash = '';
  const prefix = `Failed to register a ServiceWorker for scope ('${scope.href}') with script ('${script.href}'): `;
  if (
    (script.protocol !== 'http:' && script.protocol !== 'https:') ||
    (scope.protocol !== 'http:' && scope.protocol !== 'https:')
  ) {
    throw new RegistrationError(
      `Failed to register a ServiceWorker: The URL protocol of the script ('${script.href}') is not supported.`,
    );
  }
  if (scope.origin !== script.origin) {
    throw new RegistrationError(
      `Failed to register a ServiceWorker: The origin of the provided scope ('${scope.origin}') does not match the script's origin ('${script.origin}').`,
      'SecurityError',
    );
  }
  let loaded: Awaited<ReturnType<NetworkService['load']>>;
  try {
    loaded = await network.load({
      url: script,
      method: 'GET',
      headers: [['Service-Worker', 'script']],
      body: null,
      signal: null,
      redirect: 'error',
      credentials: 'include',
      initiator: scope.origin,
      requester: 'page',
      resourceType,
    });
  } catch {
    throw new RegistrationError(`${prefix}An unknown error occurred when fetching the script.`);
  }
  const source = loaded.body ? Buffer.from(await new Response(loaded.body).arrayBuffer()).toString('utf8') : '';
  if (loaded.status < 200 || loaded.status > 299) {
    throw new RegistrationError(`${prefix}A bad HTTP response code (${loaded.status}) was received when fetching the script.`);
  }
  const contentType = loaded.headers['content-type'];
  const mime = (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim() ?? '';
  if (!mime) throw new RegistrationError(`${prefix}The script does not have a MIME type.`, 'SecurityError');
  if (!JS_MIME.test(mime))
    throw new RegistrationError(`${prefix}The script has an unsupported MIME type ('${mime}').`, 'SecurityError');
  const allowedHeader = loaded.headers['service-worker-allowed'];
  const allowed = Array.isArray(allowedHeader) ? allowedHeader[0] : allowedHeader;
  const maxScope = allowed ? new URL(allowed, script).pathname : directoryOf(script);
  if (!scope.pathname.startsWith(maxScope)) {
    throw new RegistrationError(
      `${prefix}The path of the provided scope ('${scope.pathname}') is not under the max scope allowed ('${maxScope}'). Adjust the scope, move the Service Worker script, or use the Service-Worker-Allowed HTTP header to allow the scope.`,
      'SecurityError',
    );
  }
  return { scope, script, source };
}
