import type { Capacity } from './concurrency.ts';
import type { DriftComparison } from './drift.ts';
import type { Verdict } from './verdict.ts';

/**
 * The seed document's "Production Readiness Checklist", filled from measurements. An item
 * passes only on evidence measured in this browser; without it, the item says "not measured"
 * and explains what would measure it. The operational items cannot be measured from a browser.
 */

export type ChecklistStatus = 'pass' | 'fail' | 'not-measured';
export type ChecklistGroup = 'Model Characteristics' | 'Format Compatibility' | 'Operational Requirements';
export type ChecklistItemId =
  | 'latency' | 'throughput' | 'accuracy' | 'size'
  | 'framework' | 'optimization' | 'portability' | 'versioning'
  | 'monitoring' | 'scaling' | 'security' | 'dependencies' | 'hardware';

export interface ChecklistItem {
  id: ChecklistItemId;
  /** The seed's wording: "Latency", "Throughput", … */
  label: string;
  group: ChecklistGroup;
  status: ChecklistStatus;
  detail: string;
}

export interface Checklist {
  items: ChecklistItem[];
  counts: Record<ChecklistStatus, number>;
}

/** One attempt to run the model: the main run, or a sweep point. */
export interface BackendAttempt {
  runtime: string;
  backend: string;
  ok: boolean;
  error?: string;
}

/** A dtype variant that was benchmarked (or failed to be). */
export interface VariantMeasurement {
  dtype: string;
  p95: number | null;
  valid: boolean;
}

export interface ChecklistEvidence {
  verdict: Verdict;
  modelBytes: number;
  sha256?: string | null;
  sizeBudgetBytes?: number | null;
  capacity?: Capacity | null;
  /** The load the user expects, in the capacity run's unit (workers or requests per second). */
  expectedLoad?: number | null;
  drift?: DriftComparison[] | null;
  attempts?: BackendAttempt[] | null;
  variants?: VariantMeasurement[] | null;
  /** The model's format, detected from its bytes: named by Framework, its conversions by Portability. */
  format?: FormatEvidence | null;
  /** Where the run sits under this device's measured roofline. */
  roofline?: RooflineEvidence | null;
}

/** What src/core/formats found: the format's name and the formats it converts to. */
export interface FormatEvidence {
  label: string;
  /** Where else the format runs outside this browser ("onnxruntime (native)", "TensorRT"…), not measured here. */
  alsoRunsIn: string[];
}

/** The roofline placement of the run, with whether its ceilings came from a software GPU. */
export interface RooflineEvidence {
  summary: string;
  share: number;
  software: boolean;
}

/** transformers.js's name for full precision; any other variant is reduced precision. */
const FULL_PRECISION = new Set(['fp32', 'float32']);

type Judged = Pick<ChecklistItem, 'status' | 'detail'>;
const pass = (detail: string): Judged => ({ status: 'pass', detail });
const fail = (detail: string): Judged => ({ status: 'fail', detail });
const notMeasured = (detail: string): Judged => ({ status: 'not-measured', detail });
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function latency(e: ChecklistEvidence): Judged {
  // A model that fails in one of the device's states is not ready for that device.
  return { status: e.verdict.status === 'depends' ? 'fail' : e.verdict.status, detail: e.verdict.reason };
}

function throughput(e: ChecklistEvidence): Judged {
  const c = e.capacity;
  if (!c || c.levels.length === 0) return notMeasured('no concurrency run; run one to measure it');
  const expected = e.expectedLoad;
  if (expected == null || !(expected > 0)) return notMeasured(`${c.reason}; set the expected load to judge it`);
  const highest = c.highestLoadUnderTarget;
  if (highest !== null && highest >= expected) return pass(`${c.reason}; ${expected} expected`);
  // Every level passed, but none reached the expected load: not tested there, so not a fail either.
  const allPassed = c.levels.every((l) => l.underTarget);
  return allPassed
    ? notMeasured(`${c.reason}; the expected load of ${expected} was not tested`)
    : fail(`${c.reason}; ${expected} expected`);
}

function accuracy(e: ChecklistEvidence): Judged {
  const runs = e.drift ?? [];
  if (runs.length === 0) return notMeasured('no output comparison with the reference (wasm fp32); run a drift check');
  const off = runs.filter((r) => !r.withinTolerance).map((r) => `${r.backend} ${r.dtype}`);
  const scope = 'agreement with wasm fp32 only; task accuracy needs labelled data';
  return off.length === 0
    ? pass(`${runs.length} backend/dtype combination(s) within tolerance (${scope})`)
    : fail(`beyond tolerance: ${off.join(', ')} (${scope})`);
}

function size(e: ChecklistEvidence): Judged {
  const budget = e.sizeBudgetBytes;
  if (budget == null || !(budget > 0)) return notMeasured(`${mb(e.modelBytes)}; set a size budget to judge it`);
  return e.modelBytes <= budget
    ? pass(`${mb(e.modelBytes)} within the ${mb(budget)} budget`)
    : fail(`${mb(e.modelBytes)} exceeds the ${mb(budget)} budget`);
}

const label = (a: BackendAttempt): string => `${a.runtime} ${a.backend}`;

function framework(e: ChecklistEvidence): Judged {
  const attempts = e.attempts ?? [];
  if (attempts.length === 0) return notMeasured('the model has not been run yet');
  const worked = [...new Set(attempts.filter((a) => a.ok).map(label))];
  const format = e.format ? `${e.format.label}: ` : '';
  return worked.length > 0
    ? pass(`${format}runs on this device in ${worked.join(', ')}`)
    : fail(`failed on every runtime tried: ${attempts.map((a) => `${label(a)} (${a.error ?? 'failed'})`).join('; ')}`);
}

function portability(e: ChecklistEvidence): Judged {
  const attempts = e.attempts ?? [];
  const tried = [...new Set(attempts.map(label))];
  const converts = e.format && e.format.alsoRunsIn.length > 0 ? `; the format also runs in ${e.format.alsoRunsIn.join(', ')} (not measured here)` : '';
  if (tried.length < 2) return notMeasured(`fewer than two backends tried; run a sweep across backends${converts}`);
  const failed = tried.filter((t) => !attempts.some((a) => a.ok && label(a) === t));
  return failed.length === 0
    ? pass(`runs on every backend tried: ${tried.join(', ')}`)
    : fail(`fails on ${failed.join(', ')}`);
}

function optimization(e: ChecklistEvidence): Judged {
  const reduced = (e.variants ?? []).filter((v) => !FULL_PRECISION.has(v.dtype.toLowerCase()));
  if (reduced.length === 0) return notMeasured('no quantised or fp16 variant measured');
  const measured = reduced.filter((v) => v.valid && v.p95 !== null);
  if (measured.length === 0) return fail(`quantised variant(s) ${reduced.map((v) => v.dtype).join(', ')} did not give a valid measurement`);
  return pass(`measured: ${measured.map((v) => `${v.dtype} p95 ${v.p95!.toFixed(3)} ms`).join(', ')}`);
}

function versioning(e: ChecklistEvidence): Judged {
  return e.sha256 && /^[0-9a-f]{64}$/i.test(e.sha256)
    ? pass(`sha256 ${e.sha256.slice(0, 12)}… recorded with the result`)
    : notMeasured('no sha256 recorded');
}

/**
 * The seed's pitfall "ignoring memory bandwidth limitations": which ceiling the run is pressed
 * against. A placement is information, not a requirement, so it passes once measured, unless the
 * ceilings come from a software GPU, which says nothing about real hardware.
 */
function hardware(e: ChecklistEvidence): Judged {
  const r = e.roofline;
  if (!r) return notMeasured('no roofline: measure this device\'s ceilings beside a raw-model run');
  return r.software ? notMeasured(`${r.summary}; a software GPU's ceilings say nothing about real hardware`) : pass(r.summary);
}

const operational = (what: string) => (): Judged => notMeasured(`not measured here: ${what}`);

const ITEMS: ReadonlyArray<[ChecklistItemId, string, ChecklistGroup, (e: ChecklistEvidence) => Judged]> = [
  ['latency', 'Latency', 'Model Characteristics', latency],
  ['throughput', 'Throughput', 'Model Characteristics', throughput],
  ['accuracy', 'Accuracy', 'Model Characteristics', accuracy],
  ['size', 'Size', 'Model Characteristics', size],
  // Not one of the seed's twelve: its pitfall "ignoring memory bandwidth limitations", measured.
  ['hardware', 'Hardware', 'Model Characteristics', hardware],
  ['framework', 'Framework', 'Format Compatibility', framework],
  ['optimization', 'Optimization', 'Format Compatibility', optimization],
  ['portability', 'Portability', 'Format Compatibility', portability],
  ['versioning', 'Versioning', 'Format Compatibility', versioning],
  ['monitoring', 'Monitoring', 'Operational Requirements', operational('integration with an observability stack is a property of the serving system')],
  ['scaling', 'Scaling', 'Operational Requirements', operational('horizontal and vertical scaling happen outside the browser')],
  ['security', 'Security', 'Operational Requirements', operational('compliance is a property of the deployment, not of the model file')],
  ['dependencies', 'Dependencies', 'Operational Requirements', operational('the serving stack\'s dependencies are not visible from a browser')],
];

export function fillChecklist(evidence: ChecklistEvidence): Checklist {
  const items = ITEMS.map(([id, label, group, judgeItem]): ChecklistItem => ({ id, label, group, ...judgeItem(evidence) }));
  const counts: Record<ChecklistStatus, number> = { pass: 0, fail: 0, 'not-measured': 0 };
  for (const item of items) counts[item.status]++;
  return { items, counts };
}
