import { BACKENDS, type BackendId, type BenchConfig } from './result.ts';

/** Limits keep a mistyped URL from queueing a million runs or a zero-run result. */
export const LIMITS = {
  warmup: { min: 0, max: 10_000 },
  iterations: { min: 1, max: 100_000 },
  threads: { min: 1, max: 64 },
  vocabSize: { min: 1, max: 10_000_000 },
} as const;

export function defaultConfig(hardwareConcurrency: number, crossOriginIsolated: boolean): BenchConfig {
  return {
    runtime: 'ort',
    backend: 'wasm',
    warmup: 10,
    iterations: 100,
    // WASM threads need SharedArrayBuffer, which needs cross-origin isolation.
    threads: crossOriginIsolated ? Math.max(1, hardwareConcurrency) : 1,
    seed: 42,
    dims: {},
    // BERT's WordPiece vocabulary (30,522) is a common, safe default for token ids.
    vocabSize: 30522,
  };
}

/** What the automation contract's URL parameters ask for. */
export interface UrlRequest {
  model: string | null;
  autorun: boolean;
  overrides: Partial<BenchConfig>;
  errors: string[];
}

function parseInteger(
  params: URLSearchParams, key: keyof typeof LIMITS, errors: string[],
): number | undefined {
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

export function parseUrlRequest(search: string): UrlRequest {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const overrides: Partial<BenchConfig> = {};
  const runtime = params.get('runtime');
  if (runtime !== null && runtime !== 'ort') errors.push(`URL parameter runtime=${runtime} is not supported; use runtime=ort.`);
  const backend = params.get('backend');
  if (backend !== null) {
    if ((BACKENDS as readonly string[]).includes(backend)) overrides.backend = backend as BackendId;
    else errors.push(`URL parameter backend=${backend} is not one of ${BACKENDS.join(', ')}.`);
  }
  for (const key of ['warmup', 'iterations', 'threads', 'vocabSize'] as const) {
    const value = parseInteger(params, key, errors);
    if (value !== undefined) overrides[key] = value;
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d+$/.test(seed)) overrides.seed = Number(seed) >>> 0;
    else errors.push(`URL parameter seed=${seed} must be a whole number.`);
  }
  return { model: params.get('model'), autorun: params.get('run') === '1', overrides, errors };
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
  return null;
}
