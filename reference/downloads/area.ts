// The downloads area: will-download, DownloadItem, downloadURL,
// createInterruptedDownload and setDownloadPath, downloading for real over
// the session's own network stack to files on disk. Its driver commands
// stand in for a page whose navigation becomes a download and for the user
// answering a save dialog.

import type { Area } from '../area.ts';
import { downloadChainStage } from './download-chain-stage.ts';
import { DOWNLOAD_DRIVER_COMMANDS } from './driver-commands.ts';
import { DOWNLOAD_ITEM_OBJECT } from './download-item-object.ts';
import { SESSION_DOWNLOAD_MEMBERS } from './session-download-members.ts';

export const downloadsArea: Area = {
  id: 'downloads',
  summary:
    "will-download, DownloadItem, downloadURL, createInterruptedDownload, setDownloadPath; real files over the session's network",
  sessionMembers: SESSION_DOWNLOAD_MEMBERS,
  objects: [DOWNLOAD_ITEM_OBJECT],
  driver: { capabilities: ['downloads', 'downloads.dialog'], commands: DOWNLOAD_DRIVER_COMMANDS },
  network(_hooks, _services, network) {
    // Outermost: it sees each request's chain after every redirect.
    network.stages.join(downloadChainStage, 'outermost');
  },
};
