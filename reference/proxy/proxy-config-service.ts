// One session's proxy resolution (Chromium's ConfiguredProxyResolutionService
// fed by the session's proxy preference): the current configuration, the PAC
// script loaded for it, the bad-proxy list, and `resolve(url)`. The network
// stack asks it for every request; ses.resolveProxy asks it on the app's
// behalf. Configuration changes and forceReload() clear the bad-proxy list
// and load the PAC script again; a failed PAC fetch is retried on Chromium's
// poll schedule (8 s, then on activity after 32 s, 2 min, 4 h).

import { BadProxyList, ProxyAttempt } from './bad-proxies.ts';
import { matchesImplicitRules } from './bypass-rules.ts';
import { chromiumBehaviour, type ChromiumBehaviour } from './chromium-behaviour.ts';
import { netConfigFromPreference, preferenceFromSwitches, type ProxyPreference, type SwitchReader } from './electron-config.ts';
import { configKey, describeNetConfig, type NetProxyConfig } from './net-config.ts';
import { fetchPacScript, type PacFetchResult, type PacHttpGet } from './pac/fetch-pac-script.ts';
import { systemHostResolver, type PacHostResolver } from './pac/host-resolution.ts';
import { PacResolver, PacScriptError } from './pac/pac-resolver.ts';
import type { SandboxLimits } from './pac/sandbox.ts';
import { ProxyList } from './proxy-list.ts';
import { applyProxyRules } from './proxy-rules.ts';
import { parseRequestUrl, sanitizedSpecForPac, type RegisteredSchemes, type RequestUrl } from './request-url.ts';
import type { Environment } from './system-proxy.ts';
import type { EraId } from '../../contract/eras/eras.ts';

/** The answer for one URL: a list, or Chromium's error when a mandatory PAC script failed. */
export type ProxyResolution = { ok: true; list: ProxyList } | { ok: false; error: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED' };

const WPAD_URL = 'http://wpad/wpad.dat';
const FAILURE_POLL_DELAYS_MS = [8_000, 32_000, 120_000, 4 * 3600_000];
const SUCCESS_POLL_DELAY_MS = 12 * 3600_000;
const WPAD_QUICK_CHECK_MS = 1000;
const DECISION_CACHE_LIMIT = 2048;

/** What the current configuration resolves with, once its PAC script (if any) is settled. */
type Effective =
  | { kind: 'direct' }
  | { kind: 'rules'; config: Extract<NetProxyConfig, { kind: 'rules' }> }
  | { kind: 'pac'; resolver: PacResolver; mandatory: boolean }
  | { kind: 'failed' };

export interface ProxyConfigServiceOptions {
  era: EraId;
  env: Environment;
  /** Command-line switches the app was started with (proxy-server, proxy-pac-url, ...). */
  switches?: SwitchReader;
  /** The app's registered standard schemes: their URLs have a host for bypass rules and PAC scripts. */
  registeredSchemes?: RegisteredSchemes;
  hostResolver?: PacHostResolver;
  /** HTTP client for PAC scripts; undici over a direct connection by default. */
  pacHttp?: PacHttpGet;
  /** Extra CA certificates for fetching PAC scripts over HTTPS with the default client. */
  pacCa?: string[];
  sandboxLimits?: SandboxLimits;
  now?: () => number;
  /** Chromium's PAC poll schedule; tests shorten it. */
  pollSchedule?: { afterFailureMs: readonly number[]; afterSuccessMs: number };
}

interface PollState {
  failures: number;
  /** When the next activity-triggered poll is due. */
  nextAt: number;
  /** The script text of the last successful fetch. */
  lastText: string | undefined;
  timer?: NodeJS.Timeout | undefined;
}

interface PacDiagnostics {
  fetchError?: string;
  scriptError?: string;
  alerts: string[];
}

export class ProxyConfigService {
  readonly behaviour: ChromiumBehaviour;
  readonly badProxies: BadProxyList;
  readonly #options: ProxyConfigServiceOptions;
  #hostResolver: PacHostResolver;
  #pacHttp: PacHttpGet | undefined;
  #config: NetProxyConfig;
  #configKey: string;
  #generation = 0;
  #ready: Promise<Effective> | undefined;
  #resolver: PacResolver | undefined;
  #poll: PollState | undefined;
  #diagnostics: PacDiagnostics = { alerts: [] };
  #lookups: Promise<unknown> = Promise.resolve();
  #pendingLookups = 0;
  #closed = false;
  /** Fixed rules are a pure function of the URL: recent decisions are remembered. */
  readonly #decisions = new Map<string, ProxyList>();
  /** PAC answers repeat: each distinct answer string is parsed once. */
  readonly #pacAnswers = new Map<string, ProxyList>();

  constructor(options: ProxyConfigServiceOptions) {
    this.#options = options;
    this.behaviour = chromiumBehaviour(options.era);
    this.badProxies = new BadProxyList(options.now);
    this.#hostResolver = options.hostResolver ?? systemHostResolver;
    this.#pacHttp = options.pacHttp;
    const fromSwitches = options.switches ? preferenceFromSwitches(options.switches) : null;
    this.#config = this.#toNetConfig(fromSwitches ?? { mode: 'system' });
    this.#configKey = configKey(this.#config);
  }

  #toNetConfig(pref: ProxyPreference): NetProxyConfig {
    return netConfigFromPreference(pref, this.#options.env, this.behaviour);
  }

  /** The configuration in force, as the NetLog describes it. */
  get config(): NetProxyConfig {
    return this.#config;
  }

  describe(): Record<string, unknown> {
    return describeNetConfig(this.#config);
  }

  /** Errors and alerts of the current PAC script, for diagnostics. */
  get pacDiagnostics(): Readonly<PacDiagnostics> {
    return this.#diagnostics;
  }

  /** Lets the network stack answer PAC DNS questions with the session's host resolver. */
  setHostResolver(resolver: PacHostResolver): void {
    this.#hostResolver = resolver;
  }

  /** Lets the network stack fetch PAC scripts (still direct, never through a proxy). */
  setPacHttpClient(get: PacHttpGet | undefined): void {
    this.#pacHttp = get;
  }

  /** Applies a new preference; an unchanged one is a no-op except in Electron 1.x. */
  setPreference(pref: ProxyPreference): void {
    this.#apply(this.#toNetConfig(pref));
  }

  /** Applies a configuration directly (tests, the proxy-check command). */
  setNetConfig(config: NetProxyConfig): void {
    this.#apply(config);
  }

  #apply(config: NetProxyConfig): void {
    const key = configKey(config);
    if (key === this.#configKey && !this.behaviour.reapplyUnchangedConfig) return;
    this.#config = config;
    this.#configKey = key;
    this.#reset();
    this.#start();
  }

  /** Drops every derived state (ResetProxyConfig): PAC resolver, bad proxies, poller. */
  #reset(): void {
    this.#generation++;
    this.#decisions.clear();
    this.#ready = undefined;
    this.#resolver?.dispose();
    this.#resolver = undefined;
    this.badProxies.clear();
    if (this.#poll?.timer) clearTimeout(this.#poll.timer);
    this.#poll = undefined;
    this.#diagnostics = { alerts: [] };
  }

  /** ses.forceReloadProxyConfig: reset and apply the same configuration again. */
  forceReload(): void {
    this.#reset();
    this.#start();
  }

  #start(): Promise<Effective> {
    if (this.#closed) return Promise.resolve({ kind: 'direct' });
    const generation = this.#generation;
    this.#ready ??= this.#initialize(generation);
    return this.#ready;
  }

  async #initialize(generation: number): Promise<Effective> {
    const config = this.#config;
    switch (config.kind) {
      case 'direct':
        return { kind: 'direct' };
      case 'rules':
        return { kind: 'rules', config };
      case 'pac':
        return this.#initializePac(generation, config.url, config.mandatory, await this.#fetch(config.url));
      case 'auto-detect':
        return this.#initializePac(generation, WPAD_URL, false, await this.#fetchWpad());
    }
  }

  /** WPAD over DNS: Chromium first checks, within a second, that "wpad" resolves at all. */
  async #fetchWpad(): Promise<PacFetchResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string[]>((resolve) => {
      timer = setTimeout(() => resolve([]), WPAD_QUICK_CHECK_MS);
    });
    const addresses = await Promise.race([this.#hostResolver.lookup('wpad', 0).catch(() => []), timeout]);
    clearTimeout(timer);
    if (!addresses.length) return { ok: false, error: 'ERR_NAME_NOT_RESOLVED' };
    return this.#fetch(WPAD_URL);
  }

  async #fetch(url: string): Promise<PacFetchResult> {
    return fetchPacScript(url, {
      allowFile: this.behaviour.filePacUrls,
      ...(this.#pacHttp ? { http: this.#pacHttp } : {}),
      ...(this.#options.pacCa ? { ca: this.#options.pacCa } : {}),
    });
  }

  async #initializePac(generation: number, url: string, mandatory: boolean, fetched: PacFetchResult): Promise<Effective> {
    let effective: Effective;
    if (!fetched.ok) {
      this.#diagnostics.fetchError = fetched.error;
      effective = mandatory ? { kind: 'failed' } : { kind: 'direct' };
    } else if (!fetched.text.includes('FindProxyForURL')) {
      // PacFileDecider's sanity check before the script is even parsed.
      this.#diagnostics.scriptError = 'the script does not mention FindProxyForURL';
      effective = mandatory ? { kind: 'failed' } : { kind: 'direct' };
    } else {
      try {
        const resolver = await PacResolver.create(fetched.text, {
          hostResolver: {
            lookup: (h, f) => this.#hostResolver.lookup(h, f),
            myAddresses: () => this.#hostResolver.myAddresses(),
          },
          ...(this.#options.sandboxLimits ? { limits: this.#options.sandboxLimits } : {}),
          onAlert: (m) => this.#diagnostics.alerts.push(m),
          onError: (e) => (this.#diagnostics.scriptError = e.message),
        });
        if (generation !== this.#generation || this.#closed) {
          resolver.dispose();
          return { kind: 'direct' };
        }
        this.#resolver = resolver;
        effective = { kind: 'pac', resolver, mandatory };
      } catch (error) {
        if (!(error instanceof PacScriptError)) throw error;
        effective = mandatory ? { kind: 'failed' } : { kind: 'direct' };
      }
    }
    if (generation === this.#generation) this.#schedulePoll(url, fetched);
    return effective;
  }

  /** PacFileDeciderPoller: re-fetch on Chromium's schedule and reload when the outcome changes. */
  #schedulePoll(url: string, last: PacFetchResult): void {
    const now = (this.#options.now ?? Date.now)();
    const failures = last.ok ? 0 : (this.#poll?.failures ?? 0) + 1;
    const schedule = this.#options.pollSchedule ?? {
      afterFailureMs: FAILURE_POLL_DELAYS_MS,
      afterSuccessMs: SUCCESS_POLL_DELAY_MS,
    };
    const afterFailure = schedule.afterFailureMs;
    const delay = last.ok ? schedule.afterSuccessMs : afterFailure[Math.min(failures - 1, afterFailure.length - 1)]!;
    const poll: PollState = { failures, nextAt: now + delay, lastText: last.ok ? last.text : undefined };
    this.#poll = poll;
    // Only the first retry after a failure runs on a timer; the rest wait for activity.
    if (failures === 1) {
      poll.timer = setTimeout(() => void this.#pollNow(url, poll), delay);
      poll.timer.unref();
    }
  }

  #pollOnActivity(): void {
    const poll = this.#poll;
    if (!poll || poll.timer) return;
    if ((this.#options.now ?? Date.now)() < poll.nextAt) return;
    const url = this.#config.kind === 'pac' ? this.#config.url : this.#config.kind === 'auto-detect' ? WPAD_URL : undefined;
    if (url) void this.#pollNow(url, poll);
  }

  async #pollNow(url: string, poll: PollState): Promise<void> {
    poll.timer = undefined;
    poll.nextAt = Infinity;
    const generation = this.#generation;
    const fetched = await this.#fetch(url);
    if (generation !== this.#generation || this.#closed || this.#poll !== poll) return;
    const changed = fetched.ok ? fetched.text !== poll.lastText : poll.lastText !== undefined;
    if (changed) {
      // Reload with the script the poll fetched, as Chromium's poller hands it over.
      this.#reset();
      const mandatory = this.#config.kind === 'pac' && this.#config.mandatory;
      this.#ready = this.#initializePac(this.#generation, url, mandatory, fetched);
    } else {
      this.#schedulePoll(url, fetched);
    }
  }

  /** The proxy list for a URL, bad proxies moved last; the network stack's entry point. */
  async resolve(urlText: string): Promise<ProxyResolution> {
    const quick = this.resolveSync(urlText);
    if (quick) return { ok: true, list: quick };
    const url = parseRequestUrl(urlText, this.#options.registeredSchemes);
    this.#pollOnActivity();
    for (;;) {
      const generation = this.#generation;
      const effective = await this.#start();
      // A configuration change while waiting restarts the resolution with it.
      if (generation !== this.#generation) continue;
      const outcome = await this.#resolveWith(effective, url, urlText);
      if (generation !== this.#generation) continue;
      return outcome.ok ? { ok: true, list: this.badProxies.deprioritize(outcome.list) } : outcome;
    }
  }

  /** The synchronous answer when no PAC script is involved (fixed rules, direct), else undefined. */
  resolveSync(urlText: string): ProxyList | undefined {
    const config = this.#config;
    if (config.kind === 'direct') return ProxyList.direct();
    if (config.kind !== 'rules') return undefined;
    return this.badProxies.deprioritize(this.#decide(config.rules, urlText));
  }

  #decide(rules: Extract<NetProxyConfig, { kind: 'rules' }>['rules'], urlText: string): ProxyList {
    let list = this.#decisions.get(urlText);
    if (!list) {
      list = applyProxyRules(rules, parseRequestUrl(urlText, this.#options.registeredSchemes));
      if (this.#decisions.size >= DECISION_CACHE_LIMIT) this.#decisions.clear();
      this.#decisions.set(urlText, list);
    }
    return list;
  }

  /** Forgets remembered decisions (benchmarks measure the uncached path with it). */
  clearDecisionCache(): void {
    this.#decisions.clear();
  }

  async #resolveWith(effective: Effective, url: RequestUrl, urlText: string): Promise<ProxyResolution> {
    switch (effective.kind) {
      case 'direct':
        return { ok: true, list: ProxyList.direct() };
      case 'rules':
        return { ok: true, list: this.#decide(effective.config.rules, urlText) };
      case 'failed':
        // Even with a failed mandatory script, local destinations go direct.
        if (this.behaviour.implicitBypassForPac && matchesImplicitRules(url)) return { ok: true, list: ProxyList.direct() };
        return { ok: false, error: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED' };
      case 'pac': {
        if (this.behaviour.implicitBypassForPac && matchesImplicitRules(url)) return { ok: true, list: ProxyList.direct() };
        try {
          const answer = await effective.resolver.findProxyForUrl(sanitizedSpecForPac(url), url.hostNoBrackets);
          let list = this.#pacAnswers.get(answer);
          if (!list) {
            list = ProxyList.fromPacString(answer, this.behaviour);
            if (this.#pacAnswers.size >= DECISION_CACHE_LIMIT) this.#pacAnswers.clear();
            this.#pacAnswers.set(answer, list);
          }
          return { ok: true, list };
        } catch (error) {
          if (!(error instanceof PacScriptError)) throw error;
          // A script error means DIRECT, unless the script is mandatory.
          if (effective.mandatory) return { ok: false, error: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED' };
          return { ok: true, list: ProxyList.direct() };
        }
      }
    }
  }

  /**
   * ses.resolveProxy's lookup: one at a time, in call order, as Electron's
   * ResolveProxyHelper does; '' when resolution fails.
   */
  lookUpPacString(urlText: string): Promise<string> {
    // With nothing queued, an answer that needs no PAC script is ready now.
    if (this.#pendingLookups === 0) {
      const quick = this.resolveSync(urlText);
      if (quick) return Promise.resolve(quick.toPacString());
    }
    this.#pendingLookups++;
    const result = this.#lookups.then(() => this.resolve(urlText)).then((r) => (r.ok ? r.list.toPacString() : ''));
    this.#lookups = result.catch(() => undefined).finally(() => this.#pendingLookups--);
    return result;
  }

  /** A fresh walk down the list for one request (see ProxyAttempt). */
  attempt(list: ProxyList): ProxyAttempt {
    return new ProxyAttempt(list, this.badProxies, this.#options.now);
  }

  shutdown(): void {
    this.#closed = true;
    this.#reset();
  }
}
