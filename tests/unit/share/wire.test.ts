import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { pack, unpack } from '../../../src/core/share/wire.ts';

const schema = z.object({
  name: z.string(),
  kind: z.enum(['a', 'b', 'c']),
  limit: z.nullable(z.number()),
  items: z.array(z.object({ id: z.string(), ok: z.boolean() })),
  dims: z.record(z.string(), z.number()),
  note: z.optional(z.string()),
});

describe('wire form', () => {
  test('objects become arrays in schema order, enums their index, trailing absent fields vanish', () => {
    const value = { name: 'x', kind: 'c' as const, limit: null, items: [{ id: 'i', ok: true }], dims: { batch: 1 } };
    const wire = pack(schema, value);
    expect(wire).toEqual(['x', 2, null, [['i', true]], { batch: 1 }]);
    expect(unpack(schema, wire)).toEqual(value);
    expect(unpack(schema, pack(schema, { ...value, note: 'n' }))).toEqual({ ...value, note: 'n' });
  });

  test('a misfit passes through unchanged, for the validator to name', () => {
    expect(unpack(schema, { name: 'keyed' })).toEqual({ name: 'keyed' });
    const unpacked = unpack(schema, ['x', 7, null, 'not a list', []]) as Record<string, unknown>;
    expect(unpacked).toEqual({ name: 'x', kind: 7, limit: null, items: 'not a list', dims: [] });
    expect(schema.safeParse(unpacked).success).toBe(false);
  });

  test('positions past the schema (a newer writer\'s additions) are dropped', () => {
    expect(unpack(schema, ['x', 0, null, [], {}, 'n', 'added later'])).toEqual({ name: 'x', kind: 'a', limit: null, items: [], dims: {}, note: 'n' });
  });

  test('missing required positions become null and fail validation', () => {
    const unpacked = unpack(schema, ['x']);
    expect(unpacked).toEqual({ name: 'x', kind: null, limit: null, items: null, dims: null });
    expect(schema.safeParse(unpacked).success).toBe(false);
  });
});
