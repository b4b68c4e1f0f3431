import { addressName, parseModelAddress } from '../core/fetch/model-url.ts';
import type { ModelSource } from '../../workers/protocol.ts';

/** One of the app's own generated models, listed in the zoo manifest. */
export interface BuiltinModel {
  id: string;
  name: string;
  url: string;
  domain: string;
  task?: string;
  /** Precision variants the zoo wrote for it (fp32, fp16, q8, …). */
  dtypes: string[];
}

export function fileSource(file: File): ModelSource {
  return { kind: 'file', file };
}

export function builtinSource(model: BuiltinModel): ModelSource {
  return { kind: 'builtin', url: new URL(model.url, location.href).href, name: model.name, synthetic: true };
}

/**
 * A model address read relative to the page; a scheme a page cannot or must not fetch
 * (javascript:, file:, …) throws an Error whose message says why and what to do instead.
 */
export function modelAddress(text: string): URL {
  const parsed = parseModelAddress(text, location.href);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.url;
}

/** A URL source; a URL that points at one of our built-in models keeps its synthetic label. */
export function urlSource(url: string, builtins: readonly BuiltinModel[] = []): ModelSource {
  const resolved = modelAddress(url);
  const builtin = builtins.find((model) => new URL(model.url, location.href).href === resolved.href);
  if (builtin) return builtinSource(builtin);
  return { kind: 'url', url: resolved.href, name: addressName(resolved), synthetic: false };
}
