/**
 * The quick check on a stream's first bytes (a download's first chunk, a dropped file's first
 * slice): is this something a browser runtime can run, or should the download end at once with
 * a message that says what it is?
 */
import { detectFile } from './registry.ts';
import type { Detection } from './types.ts';

export interface FormatProblem {
  /** The detected format's id ('html', 'git-lfs-pointer', 'safetensors', 'unknown'…), for tests and automation. */
  code: string;
  message: string;
  detection: Detection;
}

/** The problem with these bytes, or null when a browser runtime can run them (or their part). */
export function sniffModelBytes(bytes: Uint8Array, name = '', size = bytes.length): FormatProblem | null {
  const detection = detectFile({ name, size, head: bytes.subarray(0, Math.min(bytes.length, 64 * 1024)) });
  if (detection.runtime !== null) return null;
  return { code: detection.format, message: problemMessage(detection), detection };
}

/** "This is a safetensors file: …why…. To run it here: …" in one message. */
export function problemMessage(detection: Detection): string {
  const convert = detection.convert?.[0];
  const head = detection.kind === 'mistake' ? '' : `This is ${withArticle(detection.label)}. `;
  return `${head}${detection.why ?? ''}${convert ? ` To run it here, convert it to ${convert.to}: ${convert.commands.join('; ')}` : ''}`.trim();
}

/** "an ONNX model", "a TensorRT engine": the article by the label's first sound (its letter, near enough). */
export function withArticle(label: string): string {
  return /^(an?|the) /i.test(label) ? label : `${/^[aeiouAEIOU]|^(ONNX|NumPy|HDF5)/.test(label) ? 'an' : 'a'} ${label}`;
}
