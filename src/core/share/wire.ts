/**
 * The link's wire form: the shared result with its field names taken out. Each object becomes an
 * array of its values in the schema's field order, and each enum value its index, so a link spends
 * its characters on the result rather than on repeated key names (about a third shorter once
 * deflated). The schema is the only table: packing and unpacking walk it, so they cannot drift
 * from it. The order of fields in schema.ts is therefore part of the link format: add fields at
 * the end of an object, and bump SCHEMA_VERSION for anything else. `format` and `version` stay
 * the first two fields in every version, so that any reader can tell a newer link from a broken one.
 *
 * `unpack` meets untrusted input. Where the data does not have the expected shape it hands the data
 * back unchanged, and the validator that runs next names the field that is wrong.
 */
import type * as z from 'zod/mini';

interface Def {
  type: string;
  shape?: Record<string, z.core.SomeType>;
  element?: z.core.SomeType;
  innerType?: z.core.SomeType;
  valueType?: z.core.SomeType;
  entries?: Record<string, string>;
}

const defOf = (schema: z.core.SomeType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Shared result (or any value of `schema`) → wire form. Absent optional fields become null. */
export function pack(schema: z.core.SomeType, value: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const record = value as Record<string, unknown>;
      const values = Object.entries(def.shape!).map(([key, field]) => (record[key] === undefined ? null : pack(field, record[key])));
      // Trailing absent fields cost nothing: unpacking reads a missing position as null.
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      return values;
    }
    case 'array':
      return (value as unknown[]).map((item) => pack(def.element!, item));
    case 'optional':
    case 'nullable':
      return value === undefined || value === null ? null : pack(def.innerType!, value);
    case 'record':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, pack(def.valueType!, item)]));
    case 'enum':
      return Object.values(def.entries!).indexOf(value as string);
    default:
      return value;
  }
}

/** Wire form → the object the validator checks. Never throws; a misfit is passed through as it is. */
export function unpack(schema: z.core.SomeType, wire: unknown): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape!);
      if (!Array.isArray(wire)) return wire;
      // Positions past the schema's fields are a later writer's additions: dropped, as the keyed
      // schema drops unknown keys, so that an older reader still opens a newer link.
      const record: Record<string, unknown> = {};
      fields.forEach(([key, field], i) => {
        const value = unpack(field, wire[i] ?? null);
        if (value !== undefined) record[key] = value;
      });
      return record;
    }
    case 'array':
      return Array.isArray(wire) ? wire.map((item) => unpack(def.element!, item)) : wire;
    case 'optional':
      return wire === null ? undefined : unpack(def.innerType!, wire);
    case 'nullable':
      return wire === null ? null : unpack(def.innerType!, wire);
    case 'record':
      return isPlainObject(wire) ? Object.fromEntries(Object.entries(wire).map(([key, item]) => [key, unpack(def.valueType!, item)])) : wire;
    case 'enum': {
      const values = Object.values(def.entries!);
      return typeof wire === 'number' && Number.isInteger(wire) && wire >= 0 && wire < values.length ? values[wire] : wire;
    }
    default:
      return wire;
  }
}
