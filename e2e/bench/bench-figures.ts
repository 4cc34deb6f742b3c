/**
 * What every benchmark here shares: its set-up errors, the reading of whole-number options, and
 * the summary of its samples (medians first: docs/performance.md).
 */

/** Something to put right before measuring: said in one line, without a stack trace. */
export class SetUpError extends Error {}

/** `text` as a whole number of at least `min`, or a SetUpError naming the option and the usage. */
export function wholeNumber(name: string, text: string, min: number, usage: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new SetUpError(`--${name} must be a whole number ≥ ${min}, not "${text}".\n${usage}`);
  return value;
}

export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

export function median(samples: readonly number[]): number {
  return summarise(samples).median;
}

/** Median, p90 (nearest rank: the smallest sample with at least 90% at or below it), min and max; NaN when empty. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { runs: 0, median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: n, median, p90: sorted[Math.ceil(0.9 * n) - 1]!, min: sorted[0]!, max: sorted[n - 1]! };
}
