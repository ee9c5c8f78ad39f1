// ses.netLog: the NetLog object of a session (startLogging, stopLogging,
// currentlyLogging), validated as Electron's native NetLog validates. In
// Electron 9 a JS wrapper made stopLogging() resolve with the log's path
// (and kept the deprecated currentlyLoggingPath); from Electron 10 it
// resolves with nothing, and misuse throws TypeError instead of Error.

import type { EraId } from '../../../contract/eras/eras.ts';
import { argumentError, conversionStyle, insufficientArguments } from '../../era/arguments.ts';
import { netLogConstants } from './net-log-constants.ts';
import { TICK_OFFSET, type CaptureMode, type NetLogBus } from './net-log-bus.ts';
import { NetLogFile } from './net-log-file.ts';
import { NET_ERAS } from '../net-era.ts';

const CAPTURE_MODES: readonly CaptureMode[] = ['default', 'includeSensitive', 'everything'];

export interface NetLogHost {
  era: EraId;
  bus: NetLogBus;
  clientName: string;
  clientVersion: string;
  commandLine(): string;
}

/** The capture behind one session's NetLog object. */
export class NetLogCapture {
  readonly #host: NetLogHost;
  #file: NetLogFile | undefined;
  #starting: Promise<void> | undefined;

  constructor(host: NetLogHost) {
    this.#host = host;
  }

  get logging(): boolean {
    return !!this.#file || !!this.#starting;
  }

  get path(): string | null {
    return this.#file?.path ?? null;
  }

  start(file: string, mode: CaptureMode, maxBytes: number): Promise<void> {
    const constants = netLogConstants(
      { name: this.#host.clientName, version: this.#host.clientVersion, commandLine: this.#host.commandLine() },
      TICK_OFFSET,
    );
    const starting = (async () => {
      // Opening the file is the only step that can fail; it settles the promise.
      await Promise.resolve();
      const log = new NetLogFile(file, mode, maxBytes, constants);
      this.#file = log;
      this.#host.bus.attach(log);
    })();
    this.#starting = starting;
    return starting.finally(() => {
      if (this.#starting === starting) this.#starting = undefined;
    });
  }

  async stop(): Promise<string> {
    if (this.#starting) await this.#starting.catch(() => undefined);
    const log = this.#file;
    if (!log) throw new Error('No net log in progress');
    this.#file = undefined;
    this.#host.bus.detach(log);
    await log.finish();
    return log.path;
  }

  /** On quit: a graceful quit finishes the log, a crash loses it. */
  async shutdown(crash: boolean): Promise<void> {
    const log = this.#file;
    if (!log) return;
    this.#file = undefined;
    this.#host.bus.detach(log);
    if (crash) log.abandon();
    else await log.finish();
  }
}

const CONSTRUCT = Symbol('construct');
const captures = new WeakMap<object, NetLogCapture>();

function captureOf(self: object): NetLogCapture {
  const capture = captures.get(self);
  if (!capture) throw new TypeError('Illegal invocation');
  return capture;
}

function eraError(era: EraId, message: string): Error {
  return NET_ERAS[era].netLogJsWrapper ? new Error(message) : new TypeError(message);
}

function netLogClass(era: EraId) {
  const style = conversionStyle(era);
  class NetLog {
    constructor(token?: unknown) {
      if (token !== CONSTRUCT) throw new TypeError('NetLog cannot be created with new');
    }

    startLogging(...args: unknown[]): Promise<void> {
      const capture = captureOf(this);
      if (args.length < 1) throw insufficientArguments();
      const [file, options] = args;
      if (file !== null && (typeof file !== 'string' || /[\u0000-\u001f]/.test(file))) throw argumentError(0, file, style);
      if (!file) throw eraError(era, 'The first parameter must be a valid string');
      let mode: CaptureMode = 'default';
      let maxBytes = Number.MAX_SAFE_INTEGER;
      if (options !== null && typeof options === 'object') {
        const dict = options as Record<string, unknown>;
        if ('captureMode' in dict) {
          if (typeof dict.captureMode !== 'string' || !CAPTURE_MODES.includes(dict.captureMode as CaptureMode)) {
            throw eraError(era, 'Invalid value for captureMode');
          }
          mode = dict.captureMode as CaptureMode;
        }
        if ('maxFileSize' in dict) {
          const size = dict.maxFileSize;
          if (typeof size !== 'number' && typeof size !== 'bigint') throw eraError(era, 'Invalid value for maxFileSize');
          maxBytes = Math.max(0, Number(size));
        }
      }
      if (capture.logging) throw eraError(era, 'There is already a net log running');
      return capture.start(file, mode, maxBytes);
    }

    stopLogging(): Promise<string | void> {
      const capture = captureOf(this);
      const stopped = capture.stop();
      return NET_ERAS[era].netLogJsWrapper ? stopped : stopped.then(() => undefined);
    }

    get currentlyLogging(): boolean {
      return captureOf(this).logging;
    }
  }
  if (NET_ERAS[era].netLogJsWrapper) {
    Object.defineProperty(NetLog.prototype, 'currentlyLoggingPath', {
      get(this: object) {
        return captureOf(this).path ?? '';
      },
      enumerable: true,
      configurable: true,
    });
  }
  Object.defineProperty(NetLog.prototype, 'currentlyLogging', {
    ...Object.getOwnPropertyDescriptor(NetLog.prototype, 'currentlyLogging'),
    enumerable: true,
  });
  return NetLog;
}

const classes = new Map<EraId, ReturnType<typeof netLogClass>>();

export function createNetLogObject(era: EraId, capture: NetLogCapture): object {
  let NetLog = classes.get(era);
  if (!NetLog) classes.set(era, (NetLog = netLogClass(era)));
  const object = new NetLog(CONSTRUCT);
  captures.set(object, capture);
  return object;
}
