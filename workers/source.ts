import { detectFile } from '../src/core/formats/index.ts';
import { problemMessage, withArticle } from '../src/core/formats/sniff.ts';
import type { BrowserRuntime } from '../src/core/formats/types.ts';
import { RUNTIME_LABELS } from '../src/core/runtimes.ts';
import { BenchError } from './errors.ts';
import type { ModelSource } from './protocol.ts';

export function sourceName(source: ModelSource): string {
  return source.kind === 'file' ? source.file.name : source.name;
}

/**
 * Rejects bytes that are not a model `runtime` runs, with a message that says what they are:
 * an HTML page, a safetensors file (and how to convert it), a TFLite model (and which runtime
 * takes it).
 */
export function checkModelBytes(bytes: Uint8Array, name: string, runtime: BrowserRuntime): void {
  const detection = detectFile({ name, size: bytes.byteLength, head: bytes.subarray(0, 64 * 1024) });
  if (detection.runtime === runtime) return;
  if (detection.runtime === null) throw new BenchError('BadModelError', problemMessage(detection), undefined, detection.format);
  throw new BenchError('BadModelError', `This is ${withArticle(detection.label)}, which ${RUNTIME_LABELS[runtime]} does not run: choose ${RUNTIME_LABELS[detection.runtime]} (runtime=${detection.runtime}).`, undefined, 'wrong-runtime');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
