// The ordered list of a loader's stages, which areas join. The built-in
// stages come first (stages/built-in.ts); an area adds its own at a named
// position, e.g. an HTTP cache right above the transport ('innermost') or a
// download that takes over final answers ('outermost'). Each request runs
// through the list as it was when the request started.

import type { Exchange, HopResponse, LoaderStage } from './stage.ts';

/** The names of the built-in stages, top (outermost) first. */
export type BuiltInStageName =
  | 'web-request-end'
  | 'content-decoding'
  | 'auth'
  | 'redirects'
  | 'hop'
  | 'web-request-before'
  | 'request-defaults'
  | 'cookies'
  | 'authorization'
  | 'content-length'
  | 'web-request-headers';

/** A stage's name: a built-in one or one an area gave. */
export type StageName = BuiltInStageName | (string & {});

/**
 * Where a stage joins: right above (`before`) or right below (`after`) a
 * named stage, or above all (`outermost`: sees only final answers, last on
 * the way up) or below all, right above the transport (`innermost`).
 */
export type StagePosition = { before: StageName } | { after: StageName } | 'outermost' | 'innermost';

export class LoaderStages {
  readonly #stages: LoaderStage[];

  constructor(stages: readonly LoaderStage[]) {
    this.#stages = [...stages];
  }

  /** The stages' names, top (outermost) first. */
  get names(): string[] {
    return this.#stages.map((s) => s.name);
  }

  /**
   * Adds `stage` at `position`; later requests pass it. Returns what takes it
   * out again. A name already in the list, or a position naming no stage,
   * is an Error.
   */
  join(stage: LoaderStage, position: StagePosition): () => void {
    if (this.#stages.some((s) => s.name === stage.name)) throw new Error(`The loader already has a stage named '${stage.name}'`);
    this.#stages.splice(this.#indexOf(position), 0, stage);
    return () => {
      const index = this.#stages.indexOf(stage);
      if (index >= 0) this.#stages.splice(index, 1);
    };
  }

  #indexOf(position: StagePosition): number {
    if (position === 'outermost') return 0;
    if (position === 'innermost') return this.#stages.length;
    const before = 'before' in position;
    const anchor = before ? position.before : position.after;
    const index = this.#stages.findIndex((s) => s.name === anchor);
    if (index < 0) throw new Error(`The loader has no stage named '${anchor}'`);
    return before ? index : index + 1;
  }

  /** Runs `exchange` down the list as it is now, to `transport` under the last stage. */
  run(exchange: Exchange, transport: (exchange: Exchange) => Promise<HopResponse>): Promise<HopResponse> {
    const stages = [...this.#stages];
    const from = (index: number): Promise<HopResponse> => {
      const stage = stages[index];
      return stage ? stage.run(exchange, () => from(index + 1)) : transport(exchange);
    };
    return from(0);
  }
}
