/**
 * TFLite: a flatbuffer whose file identifier "TFL3" sits at bytes 4-7 (schema.fbs,
 * file_identifier). The header read takes the Model table's version, description and subgraph
 * count where their offsets fall inside the bytes given.
 */
import { startsWith, utf8, view } from './bytes.ts';
import type { Contents, FormatModule } from './types.ts';

/** The offset of a table's field (by id), or 0 when absent or outside the bytes. */
function fieldOffset(bytes: Uint8Array, table: number, id: number): number {
  const v = view(bytes);
  const vtable = table - v.getInt32(table, true);
  if (vtable < 0 || vtable + 4 > bytes.length) return 0;
  const vtableSize = v.getUint16(vtable, true);
  const slot = 4 + 2 * id;
  if (slot + 2 > vtableSize) return 0;
  const offset = v.getUint16(vtable + slot, true);
  return offset === 0 || table + offset + 4 > bytes.length ? 0 : table + offset;
}

export function describeTflite(bytes: Uint8Array): Contents {
  const notes: string[] = [];
  let version: string | undefined;
  let producer: string | undefined;
  try {
    const v = view(bytes);
    const root = v.getUint32(0, true);
    if (root + 4 <= bytes.length) {
      const versionAt = fieldOffset(bytes, root, 0);
      if (versionAt) version = `schema ${v.getUint32(versionAt, true)}`;
      const subgraphsAt = fieldOffset(bytes, root, 2);
      if (subgraphsAt) {
        const vector = subgraphsAt + v.getUint32(subgraphsAt, true);
        if (vector + 4 <= bytes.length) notes.push(`${v.getUint32(vector, true)} subgraph(s)`);
      }
      const descriptionAt = fieldOffset(bytes, root, 3);
      if (descriptionAt) {
        const string = descriptionAt + v.getUint32(descriptionAt, true);
        const length = string + 4 <= bytes.length ? v.getUint32(string, true) : 0;
        if (string + 4 + length <= bytes.length && length < 200) producer = utf8(bytes.subarray(string + 4, string + 4 + length));
      }
    }
  } catch {
    notes.push('the header could not be read past its identifier');
  }
  return { ...(version ? { version } : {}), ...(producer ? { producer } : {}), notes };
}

export const tflite: FormatModule = {
  alsoRunsIn: ['LiteRT on Android, iOS and microcontrollers'],
  id: 'tflite',
  label: 'TensorFlow Lite model',
  kind: 'model',
  runtime: 'litert',
  match: ({ head }) => startsWith(head, 'TFL3', 4),
  describe: ({ head }) => describeTflite(head),
};
