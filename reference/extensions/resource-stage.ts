// chrome-extension://<id>/<file> for the session's pages, as Chromium's
// ExtensionURLLoaderFactory answers them: a page's request for a file of an
// extension loaded in the session is answered from the extension's folder
// when web_accessible_resources opens it (with Access-Control-Allow-Origin:
// * so the page can read it), fails with ERR_BLOCKED_BY_CLIENT otherwise
// (unknown extension included) and with ERR_FILE_NOT_FOUND when the file is
// not there. The path is checked as a manifest path is (no `..`, no encoded
// separator); links are followed as Electron's loading flags allow. The
// net module (ses.fetch) has no loader for the scheme: its requests go on
// to fail with ERR_UNKNOWN_URL_SCHEME.

import { readFile } from 'node:fs/promises';
import type { LoaderStage } from '../net/http/stages/stage.ts';
import { mimeTypeOfExtension } from '../net/mime-types.ts';
import { netError } from '../net/net-error.ts';
import type { ExtensionService } from './extension-service.ts';
import { resolveResource, safeRelativePath } from './resources.ts';
import { isWebAccessible, webAccessibleRules } from './web-accessible.ts';

function mimeTypeOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : mimeTypeOfExtension(path.slice(dot + 1));
}

/** The file a chrome-extension URL names (file_util::ExtensionURLToRelativeFilePath, then GetResource). */
function relativeFileOf(url: URL): string | null {
  if (/%2f|%5c/i.test(url.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return safeRelativePath(decoded.replace(/^[/\\]+/, ''));
}

export function extensionResourceStage(extensions: () => ExtensionService): LoaderStage {
  return {
    name: 'extension-resources',
    async run(exchange, next) {
      const { url } = exchange;
      if (
        url.protocol !== 'chrome-extension:' ||
        exchange.options.requester !== 'page' ||
        exchange.ctx.hooks.protocols.handles(url)
      ) {
        return next();
      }
      exchange.signal?.throwIfAborted();
      const extension = extensions().find(url.hostname);
      if (!extension || !isWebAccessible(webAccessibleRules(extension.manifest, extension.manifestVersion), url.pathname)) {
        throw netError('ERR_BLOCKED_BY_CLIENT');
      }
      const relative = relativeFileOf(url);
      const file = relative === null ? null : await resolveResource(extension.path, relative);
      const bytes = file === null ? null : await readFile(file).catch(() => null);
      if (!bytes) throw netError('ERR_FILE_NOT_FOUND');
      const type = mimeTypeOf(relative!);
      const lines: [string, string][] = [
        ...(type ? [['Content-Type', type] as [string, string]] : []),
        ['Access-Control-Allow-Origin', '*'],
      ];
      return {
        status: 200,
        statusText: 'OK',
        headers: Object.fromEntries(lines.map(([name, value]) => [name.toLowerCase(), value])),
        lines,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(bytes));
            controller.close();
          },
        }),
      };
    },
  };
}
