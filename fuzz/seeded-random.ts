// A small seeded generator for the durability runs (the checker's kill times
// and seeds, the writer's choice of store): the same seed gives the same
// sequence in both processes. Not for anything that must be unpredictable.

/** Numbers in [0, 1) from a linear congruential generator (Numerical Recipes' constants). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}
