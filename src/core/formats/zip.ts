/**
 * The member names of a zip archive (PyTorch checkpoints, .keras, .npz) from its central
 * directory in the last bytes, or, where only the first bytes are known (a URL stream), from the
 * local headers at the start. Nothing is decompressed.
 */
import { startsWith, utf8, view } from './bytes.ts';

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC);
}

function centralDirectory(tail: Uint8Array): string[] | null {
  const v = view(tail);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 64 KB.
  for (let at = tail.length - 22; at >= 0; at--) {
    if (v.getUint32(at, true) !== 0x06054b50) continue;
    const count = v.getUint16(at + 10, true);
    const size = v.getUint32(at + 12, true);
    let p = at - size;
    if (p < 0) return null;
    const names: string[] = [];
    for (let i = 0; i < count && p + 46 <= at; i++) {
      if (v.getUint32(p, true) !== 0x02014b50) return names.length ? names : null;
      const nameLength = v.getUint16(p + 28, true);
      const extra = v.getUint16(p + 30, true);
      const comment = v.getUint16(p + 32, true);
      names.push(utf8(tail.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return null;
}

function localHeaders(head: Uint8Array): string[] {
  const v = view(head);
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= head.length && v.getUint32(p, true) === 0x04034b50) {
    const flags = v.getUint16(p + 6, true);
    const compressed = v.getUint32(p + 18, true);
    const nameLength = v.getUint16(p + 26, true);
    const extra = v.getUint16(p + 28, true);
    names.push(utf8(head.subarray(p + 30, Math.min(head.length, p + 30 + nameLength))));
    // A streamed entry (flag bit 3) leaves its size to a trailer: stop, the names so far tell enough.
    if (flags & 0x08) break;
    p += 30 + nameLength + extra + compressed;
  }
  return names;
}

/** Member names, in archive order; empty for a zip whose directory is not in the bytes given. */
export function zipNames(head: Uint8Array, tail?: Uint8Array): string[] {
  return (tail && centralDirectory(tail)) || localHeaders(head);
}
