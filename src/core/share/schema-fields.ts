/** The building blocks of the shared-result schema: bounds, and capped strings, times and lists. */
import * as z from 'zod/mini';

/** Bounds that reject absurd values; generous enough for any real run (a run of hours, a TB model). */
export const BOUNDS = {
  ms: 10_000_000,
  count: 10_000_000,
  bytes: 1e12,
  throughput: 1e9,
  name: 256,
  text: 1024,
  url: 2048,
  listItems: 64,
  recordEntries: 32,
  warmupKept: 64,
  /** Regimes kept in a shared verdict; a long climb can be cut into more. */
  regimes: 16,
  sketchPoints: 1001,
  // LLM decoders list two cache tensors per layer: 80 layers make 160 inputs.
  tensors: 1024,
} as const;

export const text = (max: number = BOUNDS.text) => z.string().check(z.maxLength(max));
export const key = z.string().check(z.minLength(1), z.maxLength(64));
export const ms = z.number().check(z.gte(0), z.lte(BOUNDS.ms));
export const count = (min: number) => z.int().check(z.gte(min), z.lte(BOUNDS.count));
export const list = <T extends z.core.SomeType>(item: T, max: number = BOUNDS.listItems) => z.array(item).check(z.maxLength(max));
/**
 * A list whose items the UI keys by `keyOf` (Svelte's keyed each): a duplicate key is refused,
 * since a crafted link or import would otherwise reach the page and break it.
 */
export const keyedList = <T extends z.core.SomeType>(item: T, keyOf: (value: z.infer<T>) => unknown, what: string, max: number = BOUNDS.listItems) =>
  list(item, max).check(z.refine((items) => new Set((items as z.infer<T>[]).map(keyOf)).size === (items as unknown[]).length, {
    message: `Duplicate ${what}: each may appear only once`,
  }));
export const capped = <T extends z.ZodMiniRecord>(record: T) =>
  record.check(z.refine((value) => Object.keys(value as object).length <= BOUNDS.recordEntries, {
    message: `Too many entries: at most ${BOUNDS.recordEntries}`,
  }));

export const domain = z.nullable(z.enum(['vision', 'nlp', 'speech', 'multimodal']));
export const nullableMs = z.nullable(ms);
/** Margins may be negative (an overshoot); percentages of a tiny limit may be large. */
export const signed = (max: number) => z.number().check(z.gte(-max), z.lte(max));
