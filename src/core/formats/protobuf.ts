/**
 * A protobuf wire-format walker: yields each field's number, wire type and value (a number, or a
 * view of the bytes of a length-delimited field). Views share the input's memory, so walking a
 * model's graph never copies its weights.
 */

export interface Field {
  field: number;
  wire: number;
  /** Varint and fixed values. */
  value: number;
  /** Length-delimited fields: a view of their bytes. */
  bytes: Uint8Array;
}

export class WireError extends Error {}

export function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [value, i + 1];
  }
  throw new WireError('truncated varint');
}

const EMPTY = new Uint8Array(0);

/** Fields of one message; stops (without error) where the bytes end mid-field if `partial`. */
export function* fields(bytes: Uint8Array, partial = false): Generator<Field> {
  let p = 0;
  while (p < bytes.length) {
    let tag: number;
    try {
      [tag, p] = readVarint(bytes, p);
    } catch (error) {
      if (partial) return;
      throw error;
    }
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 0) throw new WireError('field 0');
    if (wire === 0) {
      let value: number;
      try {
        [value, p] = readVarint(bytes, p);
      } catch (error) {
        if (partial) return;
        throw error;
      }
      yield { field, wire, value, bytes: EMPTY };
    } else if (wire === 2) {
      const [length, start] = readVarint(bytes, p);
      const end = start + length;
      if (end > bytes.length) {
        if (partial) {
          yield { field, wire, value: length, bytes: bytes.subarray(start) };
          return;
        }
        throw new WireError('truncated field');
      }
      yield { field, wire, value: length, bytes: bytes.subarray(start, end) };
      p = end;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (p + size > bytes.length) {
        if (partial) return;
        throw new WireError('truncated fixed field');
      }
      const v = new DataView(bytes.buffer, bytes.byteOffset + p, size);
      yield { field, wire, value: wire === 1 ? v.getFloat64(0, true) : v.getUint32(0, true), bytes: EMPTY };
      p += size;
    } else {
      throw new WireError(`wire type ${wire}`);
    }
  }
}

/** Packed or repeated varints (dims). */
export function packedVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let p = 0; p < bytes.length;) {
    const [v, next] = readVarint(bytes, p);
    out.push(v);
    p = next;
  }
  return out;
}
