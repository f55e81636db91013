/** The random choices the spec builders make, over fast-check's `gen` so that they shrink. */
import fc from "fast-check";

export interface Draw {
  /** An integer in [min, max]; shrinks toward `min`. */
  int(min: number, max: number): number;
  /** Shrinks toward false. */
  bool(): boolean;
  /** One of `xs` (not empty); shrinks toward the first. */
  pick<T>(xs: readonly T[]): T;
  /** `count` distinct elements of `xs`, in their order in `xs`. */
  some<T>(xs: readonly T[], count: number): T[];
}

export function drawFrom(g: fc.GeneratorValue): Draw {
  const int = (min: number, max: number) => g(fc.integer, { min, max });
  return {
    int,
    bool: () => g(fc.boolean),
    pick: (xs) => xs[int(0, xs.length - 1)],
    some: (xs, count) => {
      const pool = [...xs.keys()];
      const chosen: number[] = [];
      for (let i = 0; i < Math.min(count, xs.length); i++) chosen.push(pool.splice(int(0, pool.length - 1), 1)[0]);
      return chosen.sort((a, b) => a - b).map((i) => xs[i]);
    },
  };
}
