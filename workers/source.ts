import { sniffModelBytes } from '../src/core/formats.ts';
import { BenchError } from './errors.ts';
import type { ModelSource } from './protocol.ts';

export function sourceName(source: ModelSource): string {
  return source.kind === 'file' ? source.file.name : source.name;
}

/** Rejects bytes that are plainly not an ONNX model, with a message that says what they are. */
export function checkModelBytes(bytes: Uint8Array): void {
  const problem = sniffModelBytes(bytes);
  if (problem) throw new BenchError('BadModelError', problem.message);
}

/**
 * The check a file's first bytes get before the rest is read, by its name: an .onnx file must
 * start like a model. The one place a format check is chosen, so the format registry plugs in here.
 */
export function headCheckFor(path: string): ((head: Uint8Array) => void) | undefined {
  return /\.onnx$/i.test(path) ? checkModelBytes : undefined;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
