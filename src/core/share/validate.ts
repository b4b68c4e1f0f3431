/**
 * `parseShared` turns untrusted data (a decoded link, an imported file, a stored record) into a
 * SharedResult or a sentence that says what is wrong. It never throws.
 */
import type * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { BOUNDS, RESULT_FORMAT, SCHEMA_VERSION, sharedResultSchema, type Parsed, type SharedResult } from './schema.ts';

/** Keys that could reach an object's prototype if anything ever copies the parsed data naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * zod/mini ships without messages; English ones are passed per parse, leaving global config alone.
 * Imported by path because `z.locales.en` would pull every locale into the bundle.
 */
const englishMessages = english().localeError;

class ForbiddenKeyError extends Error {}

/**
 * JSON.parse that refuses prototype-reaching keys anywhere in the document. The error is a clause
 * for the caller's sentence: "This link is unreadable: <error>."
 */
export function parseJsonSafely(text: string): Parsed<unknown> {
  try {
    const value: unknown = JSON.parse(text, (key, item: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return item;
    });
    return { ok: true, result: value };
  } catch (error) {
    if (error instanceof ForbiddenKeyError) return { ok: false, error: `it contains the forbidden key "${error.message}"` };
    if (error instanceof RangeError) return { ok: false, error: 'its JSON is nested too deeply' };
    return { ok: false, error: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A field path for messages; record keys come from the input, so each is shortened. */
function pathOf(path: readonly PropertyKey[]): string {
  const shorten = (part: string) => (part.length > 40 ? `${part.slice(0, 40)}…` : part);
  const joined = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${shorten(String(part))}`)).join('');
  return joined.replace(/^\./, '') || '(top level)';
}

/** The first few schema issues as one sentence, e.g. "stats.p50: Too big: expected number to be <=10000000". */
export function describeIssues(error: z.core.$ZodError, limit = 3): string {
  const shown = error.issues.slice(0, limit).map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return `${shown.join('; ')}${more}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Relations the field-by-field schema cannot express; each broken one is named. */
function inconsistency(result: SharedResult): string | null {
  const { min, p50, p90, p95, p99, max } = result.stats;
  const ordered = [min, p50, p90, p95, p99, max];
  if (ordered.some((value, i) => i > 0 && value < ordered[i - 1]!)) {
    return 'its statistics are out of order (min ≤ p50 ≤ p90 ≤ p95 ≤ p99 ≤ max must hold).';
  }
  const totalUs = result.distribution.quantileDeltasUs.reduce((sum, delta) => sum + delta, 0);
  if (totalUs > BOUNDS.ms * 1000) return 'its latency distribution reaches beyond the largest latency allowed.';
  if (result.runtime !== result.config.runtime) return 'its runtime differs from the runtime in its config.';
  if (result.precision.count !== result.stats.count) return 'its percentile precision counts other samples than its statistics.';
  if (result.validity.valid !== (result.validity.reasons.length === 0)) return 'its validity disagrees with its own reasons.';
  const { counts, items } = result.checklist;
  if (counts.pass + counts.fail + counts['not-measured'] !== items.length) return 'its checklist counts do not add up to its items.';
  return null;
}

/** Validates untrusted data as a SharedResult; `what` names the input in messages ("This link"). */
export function parseShared(value: unknown, what = 'This result'): Parsed<SharedResult> {
  if (!isRecord(value) || value['format'] !== RESULT_FORMAT) {
    return { ok: false, error: `${what} is not a benchtab result.` };
  }
  const version = value['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return {
      ok: false,
      error: `${what} was made by a newer benchtab (result schema v${version}); this page reads up to v${SCHEMA_VERSION}.`,
    };
  }
  const parsed = sharedResultSchema.safeParse(value, { error: englishMessages });
  if (!parsed.success) {
    return { ok: false, error: `${what} does not match the benchtab result schema v${SCHEMA_VERSION}: ${describeIssues(parsed.error)}.` };
  }
  const problem = inconsistency(parsed.data);
  if (problem) return { ok: false, error: `${what} is inconsistent: ${problem}` };
  return { ok: true, result: parsed.data };
}
