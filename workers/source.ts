import { sniffModelBytes } from '../src/core/formats.ts';
import { BenchError } from './errors.ts';
import type { ModelSource } from './protocol.ts';

export function sourceName(source: ModelSource): string {
  return source.kind === 'file' ? source.file.name : source.name;
}

/** Reads a model's bytes: a local file stays local; a URL is fetched from wherever it points. */
export async function readSource(source: ModelSource): Promise<Uint8Array> {
  if (source.kind === 'file') return new Uint8Array(await source.file.arrayBuffer());
  let response: Response;
  try {
    response = await fetch(source.url);
  } catch (cause) {
    throw new BenchError('FetchError',
      `Could not download ${source.url}: the network failed, or the server does not allow ` +
      `cross-origin requests (it must send CORS and Cross-Origin-Resource-Policy headers). (${String(cause)})`);
  }
  if (!response.ok) {
    throw new BenchError('FetchError',
      `Downloading ${source.url} failed with HTTP ${response.status} ${response.statusText}. Check the address.`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Rejects bytes that are plainly not an ONNX model, with a message that says what they are. */
export function checkModelBytes(bytes: Uint8Array): void {
  const problem = sniffModelBytes(bytes);
  if (problem) throw new BenchError('BadModelError', problem.message);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
