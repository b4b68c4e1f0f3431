/**
 * The schema of what the page adds to a measurement (core/method): domain detection, percentile
 * precision, validity, verdict and the readiness checklist. Each mirrors its type in core/method;
 * tests/unit/share/schema.test.ts checks that they stay equal.
 */
import * as z from 'zod/mini';
import { BOUNDS, count, domain, keyedList, list, ms, nullableMs, signed, text } from './schema-fields.ts';

export const domainDetection = z.object({
  domain,
  source: z.enum(['catalog', 'task', 'inputs', 'none']),
  reason: text(),
});

const interval = z.object({
  quantile: z.number().check(z.gte(0), z.lte(1)),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  lowerMs: ms,
  upperMs: ms,
  lowerRank: count(0),
  upperRank: count(0),
  coverage: z.number().check(z.gte(0), z.lte(1)),
});

export const precision = z.object({
  count: count(0),
  support: keyedList(z.object({
    name: z.enum(['p90', 'p95', 'p99']),
    quantile: z.number().check(z.gte(0), z.lte(1)),
    minSamples: count(0),
    supported: z.boolean(),
  }), (s) => s.name, 'percentile in precision.support', 8),
  p50Interval: z.nullable(interval),
  p95Interval: z.nullable(interval),
  /** Absent when it is the app's standard method (INTERVAL_METHOD), as for percentileMethod. */
  intervalMethod: z.optional(text(BOUNDS.name)),
});

export const validity = z.object({
  valid: z.boolean(),
  checks: keyedList(z.object({ id: z.enum(['visible', 'samples', 'drift', 'backend']), ok: z.boolean(), detail: text() }), (c) => c.id, 'validity check id', 16),
  reasons: list(text(), 16),
});

const limitComparison = z.object({ limitMs: ms, pass: z.boolean(), marginMs: signed(BOUNDS.ms), marginPct: signed(1e9) });

/** One regime's verdict (method/regime-verdict.ts): its position on the timeline and its p95 against the limit. */
const regimeJudgement = z.object({
  index: count(1),
  startRun: count(0),
  endRun: count(0),
  p50: ms,
  p95: ms,
  upperMs: ms,
  bound: z.enum(['interval', 'pooled', 'slowest run']),
  pass: z.boolean(),
  decided: z.boolean(),
});

export const verdict = z.object({
  domain,
  targetMs: nullableMs,
  slaMs: nullableMs,
  p95: nullableMs,
  pass: z.boolean(),
  // Enum values travel by index (wire.ts): new values go at the end, so older links keep their meaning.
  status: z.enum(['pass', 'fail', 'not-measured', 'depends']),
  marginMs: z.nullable(signed(BOUNDS.ms)),
  marginPct: z.nullable(signed(1e9)),
  againstTarget: z.nullable(limitComparison),
  againstSla: z.nullable(limitComparison),
  passAtUpperBound: z.nullable(z.boolean()),
  reason: text(),
  /** Absent on results made before regimes were judged. */
  decided: z.optional(z.boolean()),
  regimes: z.optional(keyedList(regimeJudgement, (r) => r.index, 'regime index', BOUNDS.regimes)),
});

/** The pattern of an unstable run (method/patterns.ts); the advice follows from each kind. */
export const stability = z.object({
  findings: list(z.object({
    kind: z.enum(['steady', 'warm-up-tail', 'step-up', 'step-down', 'climb', 'periodic-spikes', 'spikes']),
    atRun: z.nullable(count(0)),
    detail: text(),
  }), 8),
});

const checklistItem = z.object({
  id: z.enum([
    'latency', 'throughput', 'accuracy', 'size', 'framework', 'optimization', 'portability', 'versioning',
    'monitoring', 'scaling', 'security', 'dependencies', 'hardware',
  ]),
  label: text(64),
  group: z.enum(['Model Characteristics', 'Format Compatibility', 'Operational Requirements']),
  status: z.enum(['pass', 'fail', 'not-measured']),
  /** Empty in share links, which leave the details out to stay short; history and exports keep them. */
  detail: text(),
});

export const checklist = z.object({
  items: keyedList(checklistItem, (item) => item.id, 'checklist item id', 32),
  counts: z.object({ pass: count(0), fail: count(0), 'not-measured': count(0) }),
});
