/**
 * Where a model's files are: a dropped set (by path), a URL whose folder holds the rest (each
 * sibling resolved against the model URL with its query, so signed and revision-pinned URLs work),
 * a one-file address (data:, blob:), or the Hugging Face hub. The entry is fetched by the exact
 * address the user gave.
 */
import { addressName, shownAddress, siblingUrl } from '../src/core/fetch/model-url.ts';
import type { ModelSource } from './protocol.ts';

export const HUB_HOST = 'https://huggingface.co';

export type Origin =
  | { kind: 'local'; files: Map<string, Blob> }
  | { kind: 'remote'; base: string; entryUrl: string | null; hubId?: string }
  | { kind: 'single'; url: string };

export interface Located {
  origin: Origin;
  /** The file a runtime starts from ('model.onnx', 'model.json'); '' for a hub-layout folder. */
  entry: string;
}

function entryOf(url: URL): string {
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function locate(source: ModelSource): Located {
  switch (source.kind) {
    case 'file':
      return { origin: { kind: 'local', files: new Map([[source.file.name, source.file]]) }, entry: source.file.name };
    case 'folder': {
      const files = new Map(source.files.map((f) => [f.path, f.file] as const));
      const paths = [...files.keys()];
      const entry = paths.find((p) => p.endsWith('model.json')) ?? (files.has('config.json') ? '' : paths.find((p) => p.endsWith('.onnx')) ?? '');
      return { origin: { kind: 'local', files }, entry };
    }
    case 'hub':
      return { origin: { kind: 'remote', base: `${HUB_HOST}/${source.name}/resolve/main/`, entryUrl: null, hubId: source.name }, entry: '' };
    default: {
      const url = new URL(source.url);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return { origin: { kind: 'single', url: url.href }, entry: addressName(url) };
      const entry = entryOf(url);
      return { origin: { kind: 'remote', base: url.href, entryUrl: entry === '' ? null : url.href }, entry };
    }
  }
}

/** The URL a path is fetched from; null for a dropped set, or a sibling a one-file address lacks. */
export function urlOf(origin: Origin, entry: string, path: string): string | null {
  switch (origin.kind) {
    case 'local':
      return null;
    case 'single':
      return path === entry ? origin.url : null;
    case 'remote':
      return path === entry && origin.entryUrl ? origin.entryUrl : siblingUrl(origin.base, path);
  }
}

/** Where a path is, for messages: its URL (without secrets), or its place among the dropped files. */
export function describePath(origin: Origin, entry: string, path: string): string {
  if (origin.kind === 'local') return `${path} of the dropped files`;
  const url = urlOf(origin, entry, path);
  return url ? shownAddress(url) : `${path} (beside a ${new URL(origin.kind === 'single' ? origin.url : origin.base).protocol} address, which holds one file)`;
}

/** "The dropped files have no config.json" / "https://…/config.json is missing". */
export function describeMissing(origin: Origin, entry: string, path: string): string {
  if (origin.kind === 'local') return `The dropped files have no ${path}`;
  if (origin.kind === 'single') return `A ${new URL(origin.url).protocol} address holds one file, so ${path} cannot be found beside it: drop the files instead`;
  return `${describePath(origin, entry, path)} is missing`;
}
