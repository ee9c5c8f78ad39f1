// The public members of DownloadItem: arguments converted as Electron's
// bindings convert them, then one question to the item's binding. Members
// that ask the download throw the era's error once it is gone; the save path
// and the save-dialog options live on the object itself (12+), so they
// answer for as long as the object does.

import { requireArgument, throwArgumentError } from '../era/arguments.ts';
import type { MemberTable } from '../era/shape.ts';
import { isGinDictionary } from '../era/gin-dictionary.ts';
import { serviceBehind } from '../session/public-object.ts';
import type { DownloadCore } from './download-core.ts';
import type { DownloadItemBinding } from './download-item-binding.ts';
import { readDialogSettings, reportDialogSettings } from './save-dialog.ts';

const bindingOf = (object: unknown): DownloadItemBinding => serviceBehind<DownloadItemBinding>('DownloadItem', object);

/** A method that asks the download. */
function asking(read: (core: DownloadCore) => unknown): MemberTable[string] {
  return {
    kind: 'method',
    call() {
      return read(bindingOf(this).alive());
    },
  };
}

/** base::FilePath's converter: a string, or null for the empty path. */
function filePath(binding: DownloadItemBinding, args: readonly unknown[]): string {
  requireArgument(args, 0);
  const [value] = args;
  if (value === null) return '';
  if (typeof value !== 'string') throwArgumentError(0, value, binding.era.argumentStyle);
  return value;
}

function setSavePath(binding: DownloadItemBinding, args: readonly unknown[]): void {
  binding.checkWrapper();
  binding.savePath = filePath(binding, args);
}

export const DOWNLOAD_ITEM_MEMBERS: MemberTable = {
  'downloadItem.pause': asking((core) => core.pause()),
  'downloadItem.isPaused': asking((core) => core.paused),
  'downloadItem.resume': asking((core) => core.resume()),
  'downloadItem.canResume': asking((core) => core.canResume()),
  'downloadItem.cancel': asking((core) => core.cancel(true)),
  'downloadItem.getReceivedBytes': asking((core) => core.receivedBytes),
  'downloadItem.getTotalBytes': asking((core) => core.totalBytes),
  'downloadItem.getPercentComplete': asking((core) => core.percentComplete()),
  'downloadItem.getCurrentBytesPerSecond': asking((core) => core.currentSpeed()),
  'downloadItem.getMimeType': asking((core) => core.mimeType),
  'downloadItem.hasUserGesture': asking((core) => core.hasUserGesture),
  'downloadItem.getFilename': asking((core) => core.filename),
  'downloadItem.getContentDisposition': asking((core) => core.contentDisposition),
  'downloadItem.getURL': asking((core) => core.url),
  'downloadItem.getURLChain': asking((core) => [...core.urlChain]),
  'downloadItem.getState': asking((core) => core.publicState),
  'downloadItem.isDone': asking((core) => core.isDone()),
  'downloadItem.getLastModifiedTime': asking((core) => core.lastModified),
  'downloadItem.getETag': asking((core) => core.etag),
  'downloadItem.getStartTime': asking((core) => core.startTime),
  'downloadItem.getEndTime': asking((core) => core.endTime),
  'downloadItem.setSavePath': {
    kind: 'method',
    call(...args: unknown[]) {
      setSavePath(bindingOf(this), args);
    },
  },
  'downloadItem.getSavePath': {
    kind: 'method',
    call() {
      const binding = bindingOf(this);
      binding.checkWrapper();
      return binding.savePath;
    },
  },
  'downloadItem.savePath': {
    kind: 'property',
    get() {
      const binding = bindingOf(this);
      binding.checkWrapper();
      return binding.savePath;
    },
    set(value: never) {
      setSavePath(bindingOf(this), [value]);
    },
  },
  'downloadItem.setSaveDialogOptions': {
    kind: 'method',
    call(...args: unknown[]) {
      const binding = bindingOf(this);
      binding.checkWrapper();
      requireArgument(args, 0);
      const [options] = args;
      if (!isGinDictionary(options)) throwArgumentError(0, options, binding.era.argumentStyle);
      binding.dialogOptions = readDialogSettings(options);
    },
  },
  'downloadItem.getSaveDialogOptions': {
    kind: 'method',
    call() {
      const binding = bindingOf(this);
      binding.checkWrapper();
      return reportDialogSettings(binding.dialogOptions);
    },
  },
};
