/**
 * Reads what detection needs from a file, through a range reader (Blob.slice in the browser, a
 * file handle in Node, a Range request for a URL): the first bytes, the last ones when the file
 * is a zip (its directory), and a longer head when the format's header says it is longer.
 */
import { headerBytesFor } from './registry.ts';
import { HEAD_BYTES, TAIL_BYTES, type FileSample } from './types.ts';
import { isZip } from './zip.ts';

export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

export async function sampleFile(name: string, size: number, read: RangeReader): Promise<FileSample> {
  const head = await read(0, Math.min(size, HEAD_BYTES));
  const sample: FileSample = { name, size, head };
  if (isZip(head) && size > HEAD_BYTES) sample.tail = await read(Math.max(0, size - TAIL_BYTES), size);
  else if (isZip(head)) sample.tail = head;
  const wanted = Math.min(size, headerBytesFor(sample));
  if (wanted > head.length) sample.head = await read(0, wanted);
  return sample;
}
