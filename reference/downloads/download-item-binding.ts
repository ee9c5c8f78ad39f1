// What stands behind one public DownloadItem (Electron's api::DownloadItem):
// the save path and save-dialog options it holds itself, a link to the
// download (gone once the download is removed), and the turning of every
// change into 'updated' or, once the download is over, 'done'.
//
// In 1.x and 9 the object destroys itself a task after 'done' (and at once
// when the download is removed), taking the download with it; from 12 it
// lives on, and only members that ask the download throw once it is gone.

import type { EventEmitter } from 'node:events';
import type { EraId } from '../../contract/eras/eras.ts';
import { createElectronEvent } from '../events/electron-event.ts';
import { createPublicObject } from '../session/public-object.ts';
import type { DownloadCore, DownloadObserver } from './download-core.ts';
import { DOWNLOAD_ERAS, type DownloadEra } from './download-era.ts';
import { DOWNLOAD_ITEM_OBJECT } from './download-item-object.ts';
import { defaultDialogSettings, type DialogSettings } from './save-dialog.ts';

export class DownloadItemBinding implements DownloadObserver {
  readonly object: EventEmitter;
  readonly era: DownloadEra;
  core: DownloadCore | null;
  wrapperDestroyed = false;
  savePath = '';
  dialogOptions: DialogSettings = defaultDialogSettings();

  constructor(core: DownloadCore, era: EraId) {
    this.era = DOWNLOAD_ERAS[era];
    this.core = core;
    this.object = createPublicObject(DOWNLOAD_ITEM_OBJECT, era, this) as EventEmitter;
    core.observe(this);
  }

  /** The download, for members that ask it; throws the era's error once it is gone. */
  alive(): DownloadCore {
    if (this.wrapperDestroyed || !this.core) throw this.era.destroyedError();
    return this.core;
  }

  /** For members the object answers itself (save path, dialog options). */
  checkWrapper(): void {
    if (this.wrapperDestroyed) throw this.era.destroyedError();
  }

  #emit(name: 'updated' | 'done', state: string): void {
    try {
      this.object.emit(name, createElectronEvent(), state);
    } catch (error) {
      // A listener's exception is uncaught, as when native code emits; the download goes on.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  updated(core: DownloadCore): void {
    if (this.wrapperDestroyed) return;
    if (core.isDone()) {
      this.#emit('done', core.publicState);
      if (this.era.lifetime === 'wrapper-destroyed') setImmediate(() => this.destroy());
    } else {
      this.#emit('updated', core.publicState);
    }
  }

  destroyed(): void {
    this.core = null;
    if (this.era.lifetime === 'wrapper-destroyed') this.wrapperDestroyed = true;
  }

  /** The 1.x-9 object's destruction: it stops observing and removes the download. */
  destroy(): void {
    if (this.wrapperDestroyed) return;
    this.wrapperDestroyed = true;
    const core = this.core;
    this.core = null;
    if (core) {
      core.unobserve(this);
      core.remove();
    }
  }
}
