// Builds the adapter a run asks for. Adapters load lazily, so a worker of a
// remote run never loads the reference in-process, and the reverse.

import type { Adapter, ImplementationInfo, Target, TargetOptions } from '../api/target.ts';
import { adapterLabel, type AdapterSpec } from '../api/run-context.ts';

class LazyAdapter implements Adapter {
  readonly name: string;
  readonly #load: () => Promise<Adapter>;
  #adapter: Promise<Adapter> | undefined;

  constructor(name: string, load: () => Promise<Adapter>) {
    this.name = name;
    this.#load = load;
  }

  #get(): Promise<Adapter> {
    return (this.#adapter ??= this.#load());
  }

  async describe(): Promise<ImplementationInfo> {
    return (await this.#get()).describe();
  }

  async createTarget(options: TargetOptions): Promise<Target> {
    return (await this.#get()).createTarget(options);
  }

  async close(): Promise<void> {
    if (this.#adapter) await (await this.#adapter).close?.();
  }
}

/** What a run needs set up before its workers start, and torn down after. */
export interface PreparedRun {
  /** The spec the workers get (a remote: run may gain an agent pool). */
  spec: AdapterSpec;
  close(): Promise<void>;
}

/**
 * For remote:, starts the run's agent pool when the agent can be pooled, so
 * spec files lease a running agent instead of each starting one.
 */
export async function prepareRun(spec: AdapterSpec, workDir: string): Promise<PreparedRun> {
  if (spec.kind !== 'remote' || spec.pool) return { spec, close: async () => {} };
  const { startAgentPool } = await import('../protocol/agent-pool.ts');
  const pool = await startAgentPool(spec.command, workDir, adapterLabel(spec), spec.validateProtocol ?? false);
  if (!pool) return { spec, close: async () => {} };
  return { spec: { ...spec, pool: pool.address }, close: () => pool.close() };
}

export function createAdapter(spec: AdapterSpec): Adapter {
  switch (spec.kind) {
    case 'reference':
      return new LazyAdapter('reference', async () => new (await import('./reference-adapter.ts')).ReferenceAdapter());
    case 'remote':
    case 'attach':
      return new LazyAdapter(adapterLabel(spec), async () => new (await import('./remote-adapter.ts')).RemoteAdapter(spec));
  }
}
