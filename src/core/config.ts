import { parseDomain } from './method/matrix.ts';
import { MAX_DURATION_MS, parseRunMode, presetFor, resolveStoppingRule, type StoppingRule } from './method/stopping.ts';
import type { BenchConfig, MeasureMode } from './result.ts';
import { parseDimValue } from './dims.ts';
import { parseFill } from './inputs/fill.ts';
import { parseRuntimeParams } from './runtimes.ts';
import { unknownParamErrors } from './url-params.ts';
import { parsePhaseLimit, parseWorkerExit } from './watchdog.ts';

/** Limits keep a mistyped URL from queueing a million runs or a zero-run result. */
export const LIMITS = {
  warmup: { min: 0, max: 10_000 },
  iterations: { min: 1, max: 100_000 },
  threads: { min: 1, max: 64 },
  vocabSize: { min: 1, max: 10_000_000 },
} as const;

export const MEASURE_MODES: readonly MeasureMode[] = ['decided', 'quick', 'standard', 'thorough', 'fixed'];

/**
 * What a new user gets: "Until decided" (method/decided.ts) stops as soon as the verdict holds at
 * 95% confidence, so the first trustworthy answer comes in seconds; Standard and Thorough keep
 * MLPerf's fixed minimums for those who want them.
 */
export const DEFAULT_MODE = 'decided' as const;

/** The rule a config's measured loop obeys: fixed mode runs exactly `iterations` times. */
export function stoppingRuleFor(mode: MeasureMode, iterations: number, overrides: Partial<StoppingRule> = {}): StoppingRule {
  if (mode === 'fixed') return { minCount: iterations, maxCount: iterations, minDurationMs: 0, maxDurationMs: MAX_DURATION_MS };
  return resolveStoppingRule(mode, overrides).rule;
}

export function defaultConfig(hardwareConcurrency: number, crossOriginIsolated: boolean): BenchConfig {
  return {
    runtime: 'ort',
    backend: 'wasm',
    warmup: 10,
    mode: DEFAULT_MODE,
    iterations: 100,
    stopping: presetFor(DEFAULT_MODE),
    // WASM threads need SharedArrayBuffer, which needs cross-origin isolation.
    threads: crossOriginIsolated ? Math.max(1, hardwareConcurrency) : 1,
    seed: 42,
    dims: {},
    // BERT's WordPiece vocabulary (30,522) is a common, safe default for token ids.
    vocabSize: 30522,
    domain: null,
    slaMs: null,
    sizeBudgetBytes: null,
  };
}

/** What the automation contract's URL parameters ask for. */
export interface UrlRequest {
  model: string | null;
  autorun: boolean;
  overrides: Partial<BenchConfig>;
  /** `in.NAME=` and `dim.NAME=`: the user's choices, kept over the model's derived defaults. */
  choices: InputChoices;
  errors: string[];
  /** The watchdog's phase limit in ms (phaseLimit, in seconds), when given. */
  phaseLimitMs?: number;
  /** Test hook testWorkerExit: the bench worker closes itself after this many measured runs. */
  exitAfterRuns?: number;
}

export interface InputChoices {
  inputs: Record<string, string>;
  dims: Record<string, number>;
}

/** `in.sr=16000`, `in.state=zeros`, `dim.sequence=512`. */
function parseInputChoices(params: URLSearchParams, errors: string[]): InputChoices {
  const choices: InputChoices = { inputs: {}, dims: {} };
  for (const [key, raw] of params) {
    if (key.startsWith('in.') && key.length > 3) {
      const fill = parseFill(raw);
      if (typeof fill === 'string') errors.push(`URL parameter ${key}: ${fill}`);
      else choices.inputs[key.slice(3)] = raw.trim();
    } else if (key.startsWith('dim.') && key.length > 4) {
      const parsed = parseDimValue(raw);
      if (parsed.ok) choices.dims[key.slice(4)] = parsed.value;
      else errors.push(`URL parameter ${key}=${raw}: ${parsed.error}`);
    }
  }
  return choices;
}

function parseInteger(params: URLSearchParams, key: keyof typeof LIMITS, errors: string[]): number | undefined {
  const raw = params.get(key);
  if (raw === null) return undefined;
  const { min, max } = LIMITS[key];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push(`URL parameter ${key}=${raw} must be a whole number from ${min} to ${max}.`);
    return undefined;
  }
  return value;
}

function parsePositive(params: URLSearchParams, key: string, errors: string[]): number | undefined {
  const raw = params.get(key);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) {
    errors.push(`URL parameter ${key}=${raw} must be a positive number.`);
    return undefined;
  }
  return value;
}

/** minRuns, minSeconds, maxRuns, maxSeconds: tune a preset's stopping rule from the URL. */
const STOPPING_PARAMS = [
  ['minRuns', 'minCount', 1], ['minSeconds', 'minDurationMs', 1000],
  ['maxRuns', 'maxCount', 1], ['maxSeconds', 'maxDurationMs', 1000],
] as const;

function parseStoppingOverrides(params: URLSearchParams, errors: string[]): Partial<StoppingRule> {
  const overrides: Partial<StoppingRule> = {};
  for (const [param, key, scale] of STOPPING_PARAMS) {
    const raw = params.get(param);
    if (raw === null) continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0) errors.push(`URL parameter ${param}=${raw} must be a number ≥ 0.`);
    else overrides[key] = value * scale;
  }
  return overrides;
}

function parseMode(params: URLSearchParams, errors: string[]): MeasureMode | undefined {
  const raw = params.get('mode');
  if (raw === null) return params.has('iterations') ? 'fixed' : undefined;
  const mode = raw === 'fixed' ? 'fixed' : parseRunMode(raw);
  if (mode === null) errors.push(`URL parameter mode=${raw} is not one of ${MEASURE_MODES.join(', ')}.`);
  return mode ?? undefined;
}

export function parseUrlRequest(search: string): UrlRequest {
  const params = new URLSearchParams(search);
  const errors: string[] = unknownParamErrors(params);
  const overrides: Partial<BenchConfig> = {};
  // runtime, backend (or device), task and dtype: their valid values depend on the runtime.
  Object.assign(overrides, parseRuntimeParams(params, errors));
  for (const key of ['warmup', 'iterations', 'threads', 'vocabSize'] as const) {
    const value = parseInteger(params, key, errors);
    if (value !== undefined) overrides[key] = value;
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d+$/.test(seed)) overrides.seed = Number(seed) >>> 0;
    else errors.push(`URL parameter seed=${seed} must be a whole number.`);
  }
  const mode = parseMode(params, errors);
  if (mode !== undefined) overrides.mode = mode;
  const stopping = parseStoppingOverrides(params, errors);
  if (Object.keys(stopping).length > 0) {
    const resolved = resolveStoppingRule(mode === undefined || mode === 'fixed' ? DEFAULT_MODE : mode, stopping);
    errors.push(...resolved.errors.map((error) => `URL parameters: ${error}`));
    overrides.stopping = resolved.rule;
  }
  const sla = parsePositive(params, 'sla', errors);
  if (sla !== undefined) overrides.slaMs = sla;
  const domain = params.get('domain');
  if (domain !== null) {
    const parsed = parseDomain(domain);
    if (parsed) overrides.domain = parsed;
    else errors.push(`URL parameter domain=${domain} is not one of vision, nlp, speech, multimodal.`);
  }
  const phaseLimitMs = parsePhaseLimit(params.get('phaseLimit'), errors);
  const exitAfterRuns = parseWorkerExit(params.get('testWorkerExit'), errors);
  return {
    model: params.get('model'), autorun: params.get('run') === '1', overrides, choices: parseInputChoices(params, errors), errors,
    ...(phaseLimitMs === undefined ? {} : { phaseLimitMs }), ...(exitAfterRuns === undefined ? {} : { exitAfterRuns }),
  };
}

/** Checks a config a user edited; returns the first problem in words, or null. */
export function validateConfig(config: BenchConfig): string | null {
  for (const key of ['warmup', 'iterations', 'threads', 'vocabSize'] as const) {
    const { min, max } = LIMITS[key];
    const value = config[key];
    if (!Number.isInteger(value) || value < min || value > max) return `${key} must be a whole number from ${min} to ${max}.`;
  }
  for (const [name, value] of Object.entries(config.dims)) {
    if (!Number.isInteger(value) || value < 0) return `The dimension "${name}" must be a whole number.`;
  }
  if (config.slaMs !== null && !(config.slaMs > 0)) return 'The SLA must be a positive number of milliseconds, or empty.';
  return null;
}

/** "1, 2, 4" → [1, 2, 4]; whole numbers from 1 to `max`, or a message saying what is wrong. */
export function parseIntegerList(text: string, max: number): number[] | string {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return 'Give at least one number.';
  const values = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isInteger(values[i]) || values[i]! < 1 || values[i]! > max);
  return bad === undefined ? [...new Set(values)] : `"${bad}" is not a whole number from 1 to ${max}.`;
}
