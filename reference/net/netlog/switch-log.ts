// --log-net-log=<file>: Chromium's network service logs the traffic of
// every session from launch until the app exits into that one file, in the
// capture mode --net-log-capture-mode names (Default, IncludeSensitive,
// Everything). The file is finished when the app quits gracefully, after
// the sessions have closed, so it is valid JSON whatever ses.netLog did
// meanwhile; a file that cannot be opened only means no log, as in Chromium.

import type { App } from '../../app/app.ts';
import { TICK_OFFSET, type CaptureMode } from './net-log-bus.ts';
import { netLogConstants } from './net-log-constants.ts';
import { NetLogFile } from './net-log-file.ts';

const MODES: Record<string, CaptureMode> = { default: 'default', includesensitive: 'includeSensitive', everything: 'everything' };

const byApp = new WeakMap<App, NetLogFile | null>();

/** The app's --log-net-log file, opened on first use; null without the switch. */
export function switchNetLogOf(app: App, client: { name: string; version: string }): NetLogFile | null {
  if (byApp.has(app)) return byApp.get(app)!;
  const file = app.commandLine.getSwitchValue('log-net-log');
  let log: NetLogFile | null = null;
  if (file) {
    const mode = MODES[app.commandLine.getSwitchValue('net-log-capture-mode').toLowerCase()] ?? 'default';
    try {
      log = new NetLogFile(
        file,
        mode,
        Number.MAX_SAFE_INTEGER,
        netLogConstants({ ...client, commandLine: 'electron' }, TICK_OFFSET),
      );
    } catch {
      log = null;
    }
    const opened = log;
    if (opened) app.quitSequence.onShutdown(async (crash) => (crash ? opened.abandon() : opened.finish()));
  }
  byApp.set(app, log);
  return log;
}
