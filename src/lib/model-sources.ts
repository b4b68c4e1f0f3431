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

/** A URL source; a URL that points at one of our built-in models keeps its synthetic label. */
export function urlSource(url: string, builtins: readonly BuiltinModel[] = []): ModelSource {
  const resolved = new URL(url, location.href);
  const builtin = builtins.find((model) => new URL(model.url, location.href).href === resolved.href);
  if (builtin) return builtinSource(builtin);
  const name = decodeURIComponent(resolved.pathname.split('/').filter(Boolean).at(-1) ?? resolved.host);
  return { kind: 'url', url: resolved.href, name, synthetic: false };
}
