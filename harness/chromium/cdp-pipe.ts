// A headless Chromium driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on fd 3, replies on fd 4, NUL-separated
// JSON), so no port is opened and the browser can live in its own network
// namespace. Only what the oracles need: commands, events (listeners by
// method name), browser contexts, pages with flat sessions, close.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** An event's parameters and the flat session it came from (undefined: the browser target). */
export type CdpEventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

interface Pending {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
}

export interface LaunchOptions {
  executable: string;
  userDataDir: string;
  args: string[];
  /** Run inside a fresh network namespace with only loopback (needs root). */
  isolateNetwork: boolean;
  /**
   * A file bind-mounted over /etc/resolv.conf for the browser alone (a
   * private mount namespace; needs root), e.g. to keep its DNS on loopback.
   */
  resolvConf?: string;
  /** The browser's environment (proxy variables for its system configuration); a minimal one by default. */
  env?: Record<string, string>;
}

/** The command that starts the browser: itself, or under unshare for a private network or resolv.conf. */
function wrapped(options: LaunchOptions, chromiumArgs: string[]): [string, string[]] {
  const namespaces = [...(options.isolateNetwork ? ['-n'] : []), ...(options.resolvConf ? ['-m'] : [])];
  if (!namespaces.length) return [options.executable, chromiumArgs];
  if (!options.resolvConf) return ['unshare', [...namespaces, options.executable, ...chromiumArgs]];
  // The mount stays private to the namespace; the shell then becomes the browser.
  const script = 'mount --bind "$0" /etc/resolv.conf && exec "$@"';
  return ['unshare', [...namespaces, 'sh', '-c', script, options.resolvConf, options.executable, ...chromiumArgs]];
}

export class CdpBrowser {
  readonly #child: ChildProcess;
  readonly #out: Writable;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<CdpEventListener>>();
  readonly #exited: Promise<void>;
  #nextId = 0;
  #buffer = '';
  #stderr = '';

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.#out = child.stdio[3] as Writable;
    const input = child.stdio[4] as Readable;
    input.on('data', (chunk: Buffer) => this.#receive(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exited.then(() => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`chromium exited: ${this.#stderr.slice(-500)}`));
      this.#pending.clear();
    });
  }

  static async launch(options: LaunchOptions): Promise<CdpBrowser> {
    const chromiumArgs = [
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-pipe',
      `--user-data-dir=${options.userDataDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...options.args,
      'about:blank',
    ];
    const [command, args] = wrapped(options, chromiumArgs);
    // Only what Chromium needs: no desktop session (so system proxy settings come
    // from the environment) and no proxy variables unless the caller gives them.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.userDataDir, ...(options.env ?? {}) };
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], env });
    const browser = new CdpBrowser(child);
    await browser.send('Browser.getVersion');
    return browser;
  }

  #receive(text: string): void {
    this.#buffer += text;
    let end: number;
    while ((end = this.#buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.#buffer.slice(0, end)) as {
        id?: number;
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      this.#buffer = this.#buffer.slice(end + 1);
      if (message.id === undefined && message.method) {
        for (const listener of this.#listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
        continue;
      }
      const pending = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!pending) continue;
      this.#pending.delete(message.id!);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result ?? {});
    }
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = ++this.#nextId;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      this.#out.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Calls `listener` for every `method` event until the returned function is called. */
  on(method: string, listener: CdpEventListener): () => void {
    const listeners = this.#listeners.get(method) ?? new Set<CdpEventListener>();
    listeners.add(listener);
    this.#listeners.set(method, listeners);
    return () => listeners.delete(listener);
  }

  /** A new browser context (an empty, off-the-record profile), disposed with its last page; `options` as Target.createBrowserContext takes them. */
  async newContext(options: Record<string, unknown> = {}): Promise<string> {
    const { browserContextId } = await this.send<{ browserContextId: string }>('Target.createBrowserContext', {
      disposeOnDetach: true,
      ...options,
    });
    return browserContextId;
  }

  /** Disposes a browser context; one already gone is no error. */
  async disposeContext(browserContextId: string): Promise<void> {
    await this.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
  }

  /** Opens `url` in a new page (in `browserContextId`, else the default context) and attaches a flat session to it. */
  async openPage(url = 'about:blank', browserContextId?: string): Promise<{ targetId: string; sessionId: string }> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', {
      url,
      ...(browserContextId ? { browserContextId } : {}),
    });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return { targetId, sessionId };
  }

  /** Asks the browser to close and waits for the process to exit (killing it after a grace period). */
  async close(): Promise<void> {
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5000);
    await this.send('Browser.close').catch(() => undefined);
    await this.#exited;
    clearTimeout(timer);
  }
}
