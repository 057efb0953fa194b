import type { Summary } from './protocol';

/** Nearest-rank percentiles of the first `count` values (sorted in place). */
export function summarize(values: Float64Array, count = values.length): Summary {
  const sorted = values.subarray(0, count).sort();
  if (count === 0)
    return { count: 0, p50: NaN, p90: NaN, p95: NaN, p99: NaN, p999: NaN, max: NaN, mean: NaN };
  const at = (q: number): number => sorted[Math.min(count - 1, Math.ceil(q * count) - 1)]!;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  return {
    count,
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    p999: at(0.999),
    max: sorted[count - 1]!,
    mean: sum / count,
  };
}
