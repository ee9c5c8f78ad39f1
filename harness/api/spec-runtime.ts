// What a spec file calls to get its Target. One fresh Target per spec file
// (built in beforeAll, disposed in afterAll); every test is gated first:
// era outside the spec's range or a missing capability makes it
// NOT_APPLICABLE, an expectation's `disabled` makes it SKIP. Results are
// classified by the runner from the metadata put on each test here.

import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject, it, TestRunner, type TestContext } from 'vitest';
import { createAdapter } from '../adapters/index.ts';
import { callbackMember } from '../../contract/eras/callback-api.ts';
import { eraInRange, type EraId } from '../../contract/eras/eras.ts';
import { findExpectation } from '../expectations/expectations.ts';
import type { Capability } from '../../contract/capabilities.ts';
import { HarnessError } from './harness-error.ts';
import { declaredDriver, type Driver } from './driver.ts';
import { parseEraModuleId, type RunContext } from './run-context.ts';
import type { SpecMeta } from './spec-meta.ts';
import type { AppSlice, PrivilegedScheme, SessionModule, Target, TargetOptions } from './target.ts';

/** Attached to every test as `task.meta.conformance`, read by the runner's reporter. */
export interface TestMeta {
  members: string[];
  requires: Capability[];
  level: SpecMeta['level'];
  basis: SpecMeta['basis'];
  /** Set when the runtime decided the outcome without running the test. */
  gate?: { status: 'NOT_APPLICABLE' | 'SKIP'; reason: string };
  /** What the implementation's process wrote during the test (out-of-process targets). */
  agentOutput?: string;
  /** The first request the agent could not serve: the test is SKIP, whatever it asserted. */
  unsupported?: string;
}

export interface SpecHandle {
  readonly era: EraId;
  readonly target: Target;
  readonly session: SessionModule;
  readonly app: AppSlice;
  readonly driver: Driver;
  /** Calls an asynchronous member the same way in callback and promise eras. */
  invoke<T = unknown>(object: object, member: string, ...args: unknown[]): Promise<T>;
  /** A fresh empty directory for this spec file, removed afterwards. */
  tempDir(): Promise<string>;
  /**
   * A test that applies to part of the spec's era range only; in other eras
   * it is NOT_APPLICABLE, not skipped.
   */
  itInEras(range: string, title: string, fn: (ctx: TestContext) => unknown, timeout?: number): void;
}

/** TargetOptions a spec may set for its target (the runtime owns era and userData). */
export type LaunchOptions = Partial<
  Pick<TargetOptions, 'switches' | 'privilegedSchemes' | 'env' | 'extraCaCertificates' | 'secureDnsServers' | 'dnsServers'>
>;

export interface UseTargetOptions {
  /** Switches present at launch (before ready), e.g. `{ 'host-resolver-rules': 'MAP *.fixture.test 127.0.0.1' }`. */
  switches?: Record<string, string>;
  /** Schemes registered before ready, e.g. `[{ scheme: 'app', privileges: { standard: true, secure: true } }]`. */
  privilegedSchemes?: PrivilegedScheme[];
  /** The app's environment at launch (e.g. proxy variables); the harness's own without its proxy variables when absent. */
  env?: Record<string, string>;
  /** Trust the fixtures' test CA (fixtures/servers/test-ca.ts) on top of the system store. */
  trustFixtureCa?: boolean;
  /**
   * Runs before the target is created, e.g. to start a fixture DNS server
   * the target must be launched with; its result is merged into the launch options.
   */
  prepare?: () => Promise<LaunchOptions> | LaunchOptions;
}

/** Variables Chromium reads a system proxy configuration from on Linux. */
const PROXY_VARIABLE = /^(auto|all|http|https|ftp|no|socks)_proxy$|^socks_(server|version)$/i;

/**
 * The harness's environment without its proxy settings: a target reaches the
 * loopback fixtures directly unless a spec configures a proxy, even on a
 * machine (a CI runner) that sets http_proxy for its own downloads.
 */
function environmentWithoutProxies(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !PROXY_VARIABLE.test(name)) env[name] = value;
  }
  return env;
}

async function launchOptions(options: UseTargetOptions): Promise<LaunchOptions> {
  const launch: LaunchOptions = {};
  if (options.switches) launch.switches = { ...options.switches };
  if (options.privilegedSchemes) launch.privilegedSchemes = [...options.privilegedSchemes];
  launch.env = options.env ? { ...options.env } : environmentWithoutProxies();
  if (options.trustFixtureCa) {
    // Loaded on demand so specs without TLS never build the test PKI.
    const { testPki } = await import('../../fixtures/servers/test-ca.ts');
    launch.extraCaCertificates = [(await testPki()).caPem];
  }
  const prepared = (await options.prepare?.()) ?? {};
  if (prepared.switches) launch.switches = { ...launch.switches, ...prepared.switches };
  if (prepared.privilegedSchemes) launch.privilegedSchemes = [...(launch.privilegedSchemes ?? []), ...prepared.privilegedSchemes];
  if (prepared.extraCaCertificates)
    launch.extraCaCertificates = [...(launch.extraCaCertificates ?? []), ...prepared.extraCaCertificates];
  if (prepared.secureDnsServers) launch.secureDnsServers = [...prepared.secureDnsServers];
  if (prepared.dnsServers) launch.dnsServers = [...prepared.dnsServers];
  if (prepared.env) launch.env = { ...launch.env, ...prepared.env };
  return launch;
}

export function gateFor(meta: SpecMeta, era: EraId, capabilities: ReadonlySet<Capability> | null): TestMeta['gate'] {
  if (!eraInRange(era, meta.eras)) {
    return { status: 'NOT_APPLICABLE', reason: `era ${era} is outside ${meta.eras}` };
  }
  const missing = capabilities ? meta.requires.filter((c) => !capabilities.has(c)) : [];
  if (missing.length) return { status: 'NOT_APPLICABLE', reason: `target lacks ${missing.join(', ')}` };
  return undefined;
}

/** The file being collected and the era the runner runs it in (see eraModuleId). */
function currentSpecFile(): { file: string; era: EraId } {
  const id = TestRunner.getCurrentSuite().file.filepath;
  const parsed = parseEraModuleId(id);
  if (!parsed) throw new HarnessError(`${id} was not started by the conformance runner (no era in its id)`);
  return parsed;
}

export function useTarget(meta: SpecMeta, options: UseTargetOptions = {}): SpecHandle {
  const context: RunContext = inject('conformance');
  const { file: specPath, era } = currentSpecFile();
  const file = path.relative(context.root, specPath).split(path.sep).join('/');
  let target: Target | undefined;
  /** The target's driver as this spec may use it: only the capabilities it declared. */
  const declaredDrivers = new WeakMap<Driver, Driver>();
  let gate: TestMeta['gate'] = gateFor(meta, era, null);
  const temps: string[] = [];

  const newDir = async (label: string) => {
    const dir = await mkdtemp(path.join(context.workDir, `${label}-`));
    temps.push(dir);
    return dir;
  };

  beforeAll(async () => {
    if (gate) return;
    let targetOptions: TargetOptions;
    try {
      targetOptions = { ...(await launchOptions(options)), era, userDataDir: await newDir('userData') };
    } catch (error) {
      throw new HarnessError(`could not prepare the target's launch options: ${String(error)}`, { cause: error });
    }
    try {
      target = await createAdapter(context.adapter).createTarget(targetOptions);
    } catch (error) {
      throw new HarnessError(`could not create a target: ${String(error)}`, { cause: error });
    }
    gate = gateFor(meta, era, target.capabilities);
  });

  afterAll(async () => {
    await target?.dispose();
    await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  beforeEach((ctx) => {
    const testMeta: TestMeta = { members: meta.members, requires: meta.requires, level: meta.level, basis: meta.basis };
    const disabled = findExpectation(context.expectations, file, fullTitle(ctx.task))?.disabled;
    const notRun = target?.notRunReason?.();
    testMeta.gate =
      gate ??
      (disabled ? { status: 'SKIP', reason: `disabled: ${disabled}` } : notRun ? { status: 'SKIP', reason: notRun } : undefined);
    (ctx.task.meta as { conformance?: TestMeta }).conformance = testMeta;
    if (testMeta.gate) ctx.skip(testMeta.gate.reason);
  });

  afterEach((ctx) => {
    const report = target?.takeTestReport?.();
    if (!report) return;
    const testMeta = (ctx.task.meta as { conformance?: TestMeta }).conformance;
    if (testMeta && report.output) testMeta.agentOutput = report.output;
    if (testMeta && report.unsupported) testMeta.unsupported = report.unsupported;
    // A dead agent fails the test that was running, whatever it asserted.
    if (report.fault) throw report.fault;
  });

  const live = (): Target => {
    if (!target) throw new Error('the target is only available inside tests and hooks of an applicable spec');
    return target;
  };

  return {
    era,
    get target() {
      return live();
    },
    get session() {
      return live().session;
    },
    get app() {
      return live().app;
    },
    get driver() {
      const raw = live().driver;
      let guarded = declaredDrivers.get(raw);
      if (!guarded) declaredDrivers.set(raw, (guarded = declaredDriver(raw, meta.requires)));
      return guarded;
    },
    invoke<T>(object: object, member: string, ...args: unknown[]): Promise<T> {
      return invokeMember<T>(era, object, member, args);
    },
    tempDir: () => newDir('tmp'),
    itInEras(range, title, fn, timeout) {
      it(
        title,
        (ctx) => {
          if (!eraInRange(era, range)) {
            const reason = `era ${era} is outside ${range} for this test`;
            (ctx.task.meta as { conformance?: TestMeta }).conformance!.gate = { status: 'NOT_APPLICABLE', reason };
            ctx.skip(reason);
          }
          return fn(ctx);
        },
        timeout,
      );
    },
  };
}

/** `ses.getCacheSize` -> `getCacheSize`; `cookies.get` -> `get`. */
function methodKey(member: string): string {
  return member.slice(member.lastIndexOf('.') + 1);
}

export function invokeMember<T>(era: EraId, object: object, member: string, args: unknown[]): Promise<T> {
  const fn = (object as Record<string, unknown>)[methodKey(member)];
  if (typeof fn !== 'function') return Promise.reject(new TypeError(`${member} is not a function in era ${era}`));
  const callback = callbackMember(era, member);
  if (!callback) return Promise.resolve(fn.apply(object, args) as T);
  return new Promise<T>((resolve, reject) => {
    const done = (...results: unknown[]) => {
      if (callback.shape === 'error-first') {
        if (results[0]) reject(results[0]);
        else resolve(results[1] as T);
      } else {
        resolve((callback.shape === 'value' ? results[0] : undefined) as T);
      }
    };
    fn.apply(object, [...args, done]);
  });
}

/** The test's title path without the file, as vitest's reporters show it (`group > test`). */
export function fullTitle(task: { name: string }): string {
  return (task as { fullTestName?: string }).fullTestName ?? task.name;
}
