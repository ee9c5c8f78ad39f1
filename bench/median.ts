// The figure every bench reports per measurement: the median of its rounds,
// which one round disturbed by the machine's other work does not move.

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
