// What a fuzz child records: the calls it made and each finding, with what
// was being done when it happened, and the counters the report gives
// (calls, crashes, hangs, stalls, wrong-form errors, uncaught).

export type FindingType = 'wrong-form' | 'hang' | 'stall' | 'uncaught' | 'unhandled' | 'crash' | 'quit-hang';

export interface Finding {
  type: FindingType;
  era: string;
  seed: number;
  /** fast-check's path of the run (replay with --seed and --path). */
  path: string;
  /** The action under way, e.g. `call ses.setProxy` or `stimulus page.fetch`. */
  during: string;
  detail: string;
}

export interface ChildResult {
  era: string;
  seed: number;
  runs: number;
  calls: number;
  callbacks: number;
  /** Exceptions and rejections that were the caller's own (a throwing callback), not findings. */
  callersOwn: number;
  findings: Finding[];
  durationMs: number;
  /** Event-loop gaps over the threshold that the machine caused (the thread waited for a core), not stalls. */
  descheduled?: number;
}

export const RESULT_PREFIX = 'fuzz-result ';

export class Findings {
  readonly list: Finding[] = [];
  readonly #seen = new Set<string>();
  calls = 0;
  callbacks = 0;
  callersOwn = 0;
  /** Where the current run is, for findings that arrive asynchronously. */
  context = { path: '', during: 'start-up' };
  /** When each action started, to tell which one a stall of the event loop happened in. */
  readonly #timeline: { at: number; label: string }[] = [];

  begin(label: string): void {
    this.context.during = label;
    this.#timeline.push({ at: performance.now(), label });
    if (this.#timeline.length > 256) this.#timeline.shift();
  }

  /** The action that was under way at `time`. */
  activeAt(time: number): string {
    let label = this.context.during;
    for (const entry of this.#timeline) if (entry.at <= time) label = entry.label;
    return label;
  }

  constructor(
    readonly era: string,
    readonly seed: number,
  ) {}

  add(type: FindingType, detail: string, during = this.context.during): void {
    const key = `${type}|${during.replace(/#\d+/g, '')}|${detail.split('\n')[0]}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push({ type, era: this.era, seed: this.seed, path: this.context.path, during, detail });
  }
}
