// What changed about downloads between the API eras, as one typed table the
// rest of the area reads instead of comparing era names. Each row says where
// the behaviour was read.

import type { EraId } from '../../contract/eras/eras.ts';
import { conversionStyle, type ConversionStyle } from '../era/arguments.ts';

export interface DownloadEra {
  /** How DownloadItem and Session members describe a value they cannot convert. */
  readonly argumentStyle: ConversionStyle;
  /**
   * What a DownloadItem is after Chromium's item is gone (after 'done' on the
   * next tick, or at once after preventDefault):
   * - 'wrapper-destroyed': the JS object itself is destroyed (1.x-9's
   *   TrackableObject deletes itself in OnDownloadDestroyed and destroys itself
   *   a task after 'done'); every member throws.
   * - 'item-gone': the object lives on (12+ keep a weak link); members that ask
   *   Chromium's item throw, the save path and dialog options still answer.
   */
  readonly lifetime: 'wrapper-destroyed' | 'item-gone';
  /** The error a member of a destroyed item throws. */
  readonly destroyedError: () => Error;
  /**
   * Where the directory chosen in a save dialog is remembered: 1.x-9 write it
   * over the session's download directory (the pref setDownloadPath sets);
   * 12+ keep it apart as the last saved directory, which the next dialog
   * starts in as long as it exists, whatever setDownloadPath says later.
   */
  readonly dialogDirectory: 'download-path' | 'last-saved-directory';
  /**
   * A body that ends before its Content-Length: Chromium 59 (1.x) treats it as
   * complete; later lines complete it only when the response had no strong
   * validators to resume with; Electron 30+'s Chromium interrupts it
   * (SERVER_CONTENT_LENGTH_MISMATCH, resumed at once with a range request).
   */
  readonly truncatedBody: 'completes' | 'completes-without-validators' | 'interrupts';
  /** downloadURL takes an options object with `headers` (Electron 30+). */
  readonly downloadUrlOptions: boolean;
}

const DESTROYED_WRAPPER_LEGACY = () => new Error('Object has been destroyed');
const DESTROYED_WRAPPER_E9 = () => new TypeError('Object has been destroyed');
const ITEM_GONE = () => new Error('DownloadItem used after being destroyed');

/**
 * Sources: atom_api_download_item.cc (v1.8.8, native_mate's ThrowError is an
 * Error), electron_api_download_item.cc (v9.4.4: gin_helper's TypeError;
 * v12.2.3 on: CheckAlive), atom/electron_download_manager_delegate.cc at each
 * tag, electron_api_session.cc DownloadURL at each tag, Chromium's
 * download_utils.cc HandleRequestCompletionStatus.
 */
export const DOWNLOAD_ERAS: Readonly<Record<EraId, DownloadEra>> = {
  legacy: {
    argumentStyle: conversionStyle('legacy'),
    lifetime: 'wrapper-destroyed',
    destroyedError: DESTROYED_WRAPPER_LEGACY,
    dialogDirectory: 'download-path',
    truncatedBody: 'completes',
    downloadUrlOptions: false,
  },
  e9: {
    argumentStyle: conversionStyle('e9'),
    lifetime: 'wrapper-destroyed',
    destroyedError: DESTROYED_WRAPPER_E9,
    dialogDirectory: 'download-path',
    truncatedBody: 'completes-without-validators',
    downloadUrlOptions: false,
  },
  e12: {
    argumentStyle: conversionStyle('e12'),
    lifetime: 'item-gone',
    destroyedError: ITEM_GONE,
    dialogDirectory: 'last-saved-directory',
    truncatedBody: 'completes-without-validators',
    downloadUrlOptions: false,
  },
  e17: {
    argumentStyle: conversionStyle('e17'),
    lifetime: 'item-gone',
    destroyedError: ITEM_GONE,
    dialogDirectory: 'last-saved-directory',
    truncatedBody: 'completes-without-validators',
    downloadUrlOptions: false,
  },
  current: {
    argumentStyle: conversionStyle('current'),
    lifetime: 'item-gone',
    destroyedError: ITEM_GONE,
    dialogDirectory: 'last-saved-directory',
    truncatedBody: 'interrupts',
    downloadUrlOptions: true,
  },
};
