/** Small readers over header bytes; none copies more than it returns. */

export function ascii(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[] | string, at = 0): boolean {
  const codes = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
  if (bytes.length < at + codes.length) return false;
  return codes.every((c, i) => bytes[at + i] === c);
}

export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A u64 as a number; header lengths and counts fit in 2^53. */
export function u64(bytes: Uint8Array, at: number): number {
  const v = view(bytes);
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
}

export function extension(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
}

export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** Share of printable ASCII (with tabs and newlines); binary formats rarely pass 95%. */
export function printableShare(bytes: Uint8Array): number {
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09 || b >= 0xc0) printable++;
  return bytes.length === 0 ? 0 : printable / bytes.length;
}

/** Leading text of the head, without a UTF-8 byte order mark. */
export function leadingText(bytes: Uint8Array, length = 512): string {
  return utf8(bytes.subarray(0, length)).replace(/^\uFEFF/, '');
}

/** Elements of a shape; an empty shape is a scalar (1). */
export function elements(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

export function addTo(record: Record<string, number>, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}
