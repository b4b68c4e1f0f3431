/**
 * fast-check arbitraries derived from a zod (mini) schema, for fuzzing the structure of payloads:
 * each value has the schema's shape, with the hostile cases a stranger would try mixed in:
 * numbers at, just past and far beyond the bounds (NaN, ±Infinity, -0), lists filled up to their
 * cap and one past it, items duplicated (keys twice), strings of unicode (RTL, zero-width,
 * emoji, lone surrogates) at and past their length cap. Reads the schema's own definitions
 * (`_zod.def`: type, checks with their bounds, entries, shape), so it follows the schema as it grows.
 */
import fc from 'fast-check';

/* eslint-disable @typescript-eslint/no-explicit-any -- zod's internal definitions are untyped here */
type Def = any;

interface Bounds { min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: RegExp }

function boundsOf(def: Def): Bounds {
  const bounds: Bounds = {};
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'greater_than') bounds.min = c.value;
    if (c.check === 'less_than') bounds.max = c.value;
    if (c.check === 'max_length') bounds.maxLength = c.maximum;
    if (c.check === 'min_length') bounds.minLength = c.minimum;
    if (c.check === 'string_format' && c.pattern) bounds.pattern = c.pattern;
  }
  return bounds;
}

const HOSTILE_TEXT = ['\u202Egnp.exe', 'a\u200Bb', '👩‍👩‍👧‍👦', '\uD800', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', ''];

function numberArb(def: Def, bounds: Bounds): fc.Arbitrary<number> {
  const integer = def.format === 'safeint' || def.format === 'int32';
  const min = bounds.min ?? -1e12;
  const max = bounds.max ?? 1e12;
  const inside = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true });
  const edges = [min, max, min - 1, max + 1, max * 10 + 1, -0, 0.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE];
  return fc.oneof({ weight: 3, arbitrary: inside }, { weight: 2, arbitrary: fc.constantFrom(...edges) });
}

function stringArb(bounds: Bounds): fc.Arbitrary<string> {
  const maxLength = bounds.maxLength ?? 64;
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: Math.min(maxLength, 80), unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    // At the cap, and one past it: the cap must hold exactly.
    { weight: 1, arbitrary: fc.constantFrom('é'.repeat(maxLength), 'x'.repeat(maxLength + 1)) },
    ...(bounds.pattern ? [{ weight: 1, arbitrary: fc.stringMatching(bounds.pattern) }] : []),
  );
}

function arrayArb(def: Def, bounds: Bounds, depth: number): fc.Arbitrary<unknown[]> {
  const element = arbitraryOf(def.element, depth + 1);
  const cap = bounds.maxLength ?? 16;
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(element, { maxLength: Math.min(cap, 6) }) },
    // Duplicated keys: one item twice.
    { weight: 2, arbitrary: fc.array(element, { minLength: 1, maxLength: 4 }).map((items) => [...items, items[0]]) },
    // Huge, within the cap (and one past it): the same item repeated, cheap to build.
    { weight: 1, arbitrary: fc.tuple(element, fc.boolean()).map(([item, past]) => Array.from({ length: Math.min(cap, 5000) + (past ? 1 : 0) }, () => item)) },
  );
}

/** An arbitrary of values shaped like `schema`, hostile at the edges. */
export function arbitraryOf(schema: Def, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  const bounds = boundsOf(def);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, arbitraryOf(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: [] });
    }
    case 'array': return depth > 6 ? fc.constant([]) : arrayArb(def, bounds, depth);
    case 'record': return fc.dictionary(stringArb({ maxLength: 64 }), arbitraryOf(def.valueType, depth + 1), { maxKeys: 40 });
    case 'optional': return fc.option(arbitraryOf(def.innerType, depth), { nil: undefined });
    case 'nullable': return fc.option(arbitraryOf(def.innerType, depth), { nil: null });
    case 'union': return fc.oneof(...def.options.map((option: Def) => arbitraryOf(option, depth)));
    case 'enum': return fc.oneof(fc.constantFrom(...Object.values(def.entries)), fc.constant('not-an-option'));
    case 'literal': return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...def.values) }, fc.constant('other'));
    case 'boolean': return fc.oneof(fc.boolean(), fc.constant('true'));
    case 'number': return numberArb(def, bounds);
    case 'string': return stringArb(bounds);
    default: return fc.anything();
  }
}

/** Every path into `value` that the schema describes, with the sub-schema at that path. */
export function schemaPaths(schema: Def, value: unknown, path: (string | number)[] = []): { path: (string | number)[]; schema: Def }[] {
  const def = schema._zod.def;
  const here = [{ path, schema }];
  if ((def.type === 'optional' || def.type === 'nullable') && value !== undefined && value !== null) {
    return [...here, ...schemaPaths(def.innerType, value, path).slice(1)];
  }
  if (def.type === 'object' && value && typeof value === 'object') {
    return [...here, ...Object.entries(def.shape).flatMap(([k, v]) => schemaPaths(v, (value as any)[k], [...path, k]))];
  }
  if (def.type === 'array' && Array.isArray(value)) {
    return [...here, ...value.flatMap((item, i) => schemaPaths(def.element, item, [...path, i]))];
  }
  return here;
}

/** A deep copy of `value` with the node at `path` replaced. */
export function replaced(value: unknown, path: (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const copy: any = structuredClone(value);
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path.at(-1)!] = next;
  return copy;
}
