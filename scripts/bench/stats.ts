/**
 * Samples and their summary. Latencies are summarised by median and p95 (nearest rank), the two numbers the
 * targets are stated in. Sampling stops at a count or at a time budget, whichever comes first, so a slow peer on the
 * 1 MB file cannot turn a two-minute run into an hour; the summary says how many samples it is made of.
 */
import { performance } from 'node:perf_hooks';

/** One measured quantity of one server on one file. */
export interface Summary {
  /** How many samples (warm-up excluded). */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** `ms` for latencies, `MB` for memory. */
  unit: 'ms' | 'MB';
  /** Set when a sanity check failed, e.g. a completion came back empty: the number is then not comparable. */
  warning?: string;
}

/** The p-th percentile by nearest rank (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median / p95 / min / max of latency samples in ms. */
export function summarize(samples: readonly number[], unit: Summary['unit'] = 'ms'): Summary {
  if (samples.length === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN, unit };
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    unit,
  };
}

/** How many times to measure something and how long it may take at most. */
export interface SamplePlan {
  /** Samples wanted. */
  count: number;
  /** Unrecorded runs first, so JIT compilation and first-use caches do not count as steady-state latency. */
  warmup: number;
  /** Stop early once this much wall-clock time went by (after at least `minCount` samples). */
  budgetMs: number;
  minCount: number;
}

/**
 * Runs `once` sequentially (never two requests in flight, as a single user typing would) and collects the ms it
 * returns. `once(i)` gets the overall run index, warm-up included, so callers can alternate edits by parity.
 */
export async function sample(plan: SamplePlan, once: (i: number) => Promise<number>): Promise<number[]> {
  let i = 0;
  for (; i < plan.warmup; i++) await once(i);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < plan.count) {
    samples.push(await once(i++));
    if (samples.length >= plan.minCount && performance.now() - started > plan.budgetMs) break;
  }
  return samples;
}

/** `a / b` when both are positive finite numbers, else NaN (shown as "—"). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}
