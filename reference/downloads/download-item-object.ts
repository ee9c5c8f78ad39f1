// The public DownloadItem class: its members per era come from the second
// inventory level (Electron's download-item.md at each era's tag); the
// generic public-object binding ties each item to its DownloadItemBinding.
// `isDone` is bound by Electron in every era although no document lists it.

import type { PublicObjectKind } from '../session/public-object.ts';
import { DOWNLOAD_ITEM_MEMBERS } from './download-item-members.ts';

export const DOWNLOAD_ITEM_OBJECT: PublicObjectKind = {
  className: 'DownloadItem',
  prefix: 'downloadItem.',
  members: DOWNLOAD_ITEM_MEMBERS,
  extraNames: ['downloadItem.isDone'],
};
