// The Session members of the downloads area: setDownloadPath, downloadURL
// and createInterruptedDownload, with Electron's argument checks
// (electron_api_session.cc at each era's tag), then one call into the
// session's DownloadService.

import { requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { stringVector } from '../era/gin-array.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { canonicalUrl } from '../era/gurl.ts';
import { servicesOf } from '../session/binding.ts';
import { downloadService, type DownloadService } from './download-service.ts';

const serviceOf = (session: object): DownloadService => servicesOf(session).use(downloadService);

/** std::map<std::string, std::string>: an object whose own enumerable values are all strings. */
function stringMap(value: unknown): [string, string][] | undefined {
  if (!isGinDictionary(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, v]) => typeof v === 'string') ? (entries as [string, string][]) : undefined;
}

/** int64_t's converter: a number, truncated; anything else leaves the default. */
function int64(value: unknown, fallback: number): number {
  if (typeof value !== 'number') return fallback;
  return Number.isFinite(value) ? Math.trunc(value) : Number.isNaN(value) ? 0 : value;
}

export const SESSION_DOWNLOAD_MEMBERS: MemberTable = {
  'ses.setDownloadPath': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceOf(this);
      requireArgument(args, 0);
      const [directory] = args;
      if (directory !== null && typeof directory !== 'string') throwArgumentError(0, directory, service.era.argumentStyle);
      service.setDownloadPath(directory ?? '');
    },
  },
  'ses.downloadURL': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceOf(this);
      requireArgument(args, 0);
      const [url, options] = args;
      if (typeof url !== 'string') throwArgumentError(0, url, service.era.argumentStyle);
      let headers: [string, string][] = [];
      // A second argument that is no object is ignored; a `headers` key must hold strings.
      if (service.era.downloadUrlOptions && isGinDictionary(options) && 'headers' in options) {
        const read = stringMap(options.headers);
        if (!read) throw new TypeError('Invalid value for headers - must be an object');
        headers = read;
      }
      service.downloadUrl(url, headers);
    },
  },
  'ses.createInterruptedDownload': {
    kind: 'method',
    call(...args: unknown[]) {
      const service = serviceOf(this);
      requireArgument(args, 0);
      const [options] = args;
      if (!isGinDictionary(options)) throwArgumentError(0, options, service.era.argumentStyle);
      const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : '');
      const chain = options.urlChain;
      const urlChain = stringVector(chain)?.map((url) => canonicalUrl(url) ?? '') ?? [];
      const offset = int64(options.offset, 0);
      const length = int64(options.length, 0);
      const path = text('path');
      if (!path || urlChain.length === 0 || length === 0) throw new Error('Must pass non-empty path, urlChain and length.');
      if (offset >= length) throw new Error('Must pass an offset value less than length.');
      const startTime = typeof options.startTime === 'number' ? options.startTime : Date.now() / 1000;
      service.createInterrupted({
        path,
        urlChain,
        mimeType: text('mimeType'),
        offset,
        length,
        lastModified: text('lastModified'),
        eTag: text('eTag'),
        startTime,
      });
    },
  },
};
