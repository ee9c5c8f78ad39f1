// The driver's stimuli for the storage area: what a page of the session does
// with its storages (localStorage, IndexedDB, Cache Storage), a <script> it
// loads (which the code cache sees), a fetch() whose body holds blobs, and
// service worker registration. Requests go through the session's own stack.

import { randomBytes } from 'node:crypto';
import type { DriverImplementation, FetchedResponse } from '../../contract/driver-commands.ts';
import type { UploadElement } from '../net/http/loader-types.ts';
import type { LoadedResponse } from '../net/http/loader-types.ts';
import { servicesOf } from '../session/binding.ts';
import type { SessionServices } from '../session/session-services.ts';
import { codeCache } from './code-cache.ts';
import { serviceWorkerContext } from './service-workers/sw-context.ts';
import { webStorages } from './web-storages.ts';

const services = (session: unknown): SessionServices => servicesOf(session as object);

async function text(loaded: LoadedResponse): Promise<string> {
  return loaded.body ? Buffer.from(await new Response(loaded.body).arrayBuffer()).toString('utf8') : '';
}

function fetched(loaded: LoadedResponse, body: string): FetchedResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(loaded.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: loaded.status, headers, body };
}

/**
 * A fetch() body from blob and text parts, as Blink encodes it: one Blob is
 * the body itself; otherwise a multipart FormData (WebKitFormBoundary), whose
 * byte runs between blobs are merged into one element each.
 */
function encodeBody(parts: ({ text: string } | { blob: string })[]): { elements: UploadElement[]; contentType: string | null } {
  if (parts.length === 1 && 'blob' in parts[0]!) return { elements: [{ blob: Buffer.from(parts[0].blob) }], contentType: null };
  const boundary = `----WebKitFormBoundary${randomBytes(12).toString('base64').replace(/[+/=]/g, 'x').slice(0, 16)}`;
  const elements: UploadElement[] = [];
  let pending = '';
  parts.forEach((part, i) => {
    if ('text' in part) {
      pending += `--${boundary}\r\nContent-Disposition: form-data; name="field${i}"\r\n\r\n${part.text}\r\n`;
    } else {
      pending += `--${boundary}\r\nContent-Disposition: form-data; name="field${i}"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      elements.push({ bytes: Buffer.from(pending) }, { blob: Buffer.from(part.blob) });
      pending = '\r\n';
    }
  });
  pending += `--${boundary}--\r\n`;
  elements.push({ bytes: Buffer.from(pending) });
  return { elements, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const STORAGE_DRIVER_COMMANDS: DriverImplementation = {
  'storage.setLocalStorage': ({ session, origin, key, value }) => {
    services(session).domStorage.setItem(origin, key, value);
  },
  'storage.getLocalStorage': ({ session, origin, key }) => services(session).domStorage.getItem(origin, key),
  'storage.indexedDBPut': async ({ session, origin, database, store, key, value }) => {
    await services(session).use(webStorages).idbPut(new URL(origin).origin, database, store, key, value);
  },
  'storage.indexedDBGet': ({ session, origin, database, store, key }) =>
    services(session).use(webStorages).idbGet(new URL(origin).origin, database, store, key),
  'storage.cachePut': async ({ session, origin, cacheName, url, body }) => {
    await services(session)
      .use(webStorages)
      .cachePut(new URL(origin).origin, cacheName, new URL(url).href, {
        status: 200,
        headers: [],
        body: Buffer.from(body).toString('base64'),
      });
  },
  'storage.cacheMatch': ({ session, origin, cacheName, url }) => {
    const found = services(session).use(webStorages).cacheMatch(new URL(origin).origin, cacheName, new URL(url).href);
    return found ? Buffer.from(found.body, 'base64').toString('utf8') : null;
  },
  'storage.loadScript': async ({ session, origin, url }) => {
    const s = services(session);
    const page = new URL(origin).origin;
    const loaded = await s.network.load({
      url: new URL(url),
      method: 'GET',
      headers: [],
      body: null,
      signal: null,
      redirect: 'follow',
      credentials: 'include',
      initiator: page,
      requester: 'page',
      resourceType: 'script',
      referrer: `${page}/`,
    });
    const source = await text(loaded);
    if (loaded.status >= 200 && loaded.status < 300) await s.use(codeCache).recordScript(loaded.url, page, source);
    return { status: loaded.status };
  },
  'storage.fetchWithBlob': async ({ session, url, parts, method }) => {
    const s = services(session);
    const { elements, contentType } = encodeBody(parts);
    const body = Buffer.concat(elements.map((e) => ('bytes' in e ? e.bytes : e.blob)));
    const loaded = await s.network.load({
      url: new URL(url),
      method: (method ?? 'POST').toUpperCase(),
      headers: contentType ? [['Content-Type', contentType]] : [],
      body,
      upload: elements,
      signal: null,
      redirect: 'follow',
      credentials: 'include',
      initiator: null,
      login: s.network.login,
      requester: 'page',
      resourceType: 'xhr',
    });
    return fetched(loaded, await text(loaded));
  },
  'serviceWorkers.register': ({ session, scriptURL, scope }) =>
    services(session).use(serviceWorkerContext).register(scriptURL, scope),
  'serviceWorkers.getRegistrations': ({ session, origin }) =>
    services(session).use(serviceWorkerContext).scopesOf(new URL(origin).origin),
  'serviceWorkers.stopAll': ({ session }) => {
    services(session).use(serviceWorkerContext).stopAll();
  },
};
