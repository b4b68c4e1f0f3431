import type { FolderFile, ModelSource } from '../../workers/protocol.ts';
import type { RuntimeId } from '../core/result.ts';
import { isHubId } from '../core/runtimes.ts';
import { urlSource, type BuiltinModel } from './model-sources.ts';

/**
 * What the user typed, read for the chosen runtime: for transformers.js a hub id
 * ("Xenova/bert-base-uncased") is the hub and any other address a hub-layout folder; for TF.js
 * the address of a model.json. Models under the app's own zoo/ are the synthetic ones.
 */
export function sourceForRuntime(text: string, runtime: RuntimeId, builtins: readonly BuiltinModel[] = []): ModelSource {
  if (runtime === 'ort') return urlSource(text, builtins);
  if (runtime === 'transformers' && isHubId(text)) return { kind: 'hub', url: `https://huggingface.co/${text}`, name: text, synthetic: false };
  const resolved = new URL(text, location.href);
  if (runtime === 'transformers' && !resolved.pathname.endsWith('/')) resolved.pathname += '/';
  const synthetic = resolved.origin === location.origin && resolved.pathname.startsWith(new URL('zoo/', document.baseURI).pathname);
  const parts = resolved.pathname.split('/').filter(Boolean);
  const name = decodeURIComponent((runtime === 'tfjs' ? parts.at(-2) : parts.at(-1)) ?? resolved.host);
  return { kind: 'url', url: resolved.href, name, synthetic };
}

/** Several dropped files, or a dropped folder, with paths relative to the folder. */
export function folderSource(files: FolderFile[]): ModelSource {
  const prefix = commonFolder(files.map((f) => f.path));
  return {
    kind: 'folder',
    name: prefix.replace(/\/$/, '') || files.find((f) => /model\.json$|config\.json$/.test(f.path))?.path || 'dropped files',
    files: files.map((f) => ({ path: f.path.slice(prefix.length), file: f.file })),
  };
}

/** "bert/config.json", "bert/onnx/model.onnx" → "bert/": the folder the user dropped. */
function commonFolder(paths: string[]): string {
  const first = paths[0] ?? '';
  const slash = first.indexOf('/');
  const top = slash < 0 ? '' : first.slice(0, slash + 1);
  return top && paths.every((p) => p.startsWith(top)) ? top : '';
}

/** Which runtime a set of dropped files is for: model.json is TF.js, config.json a hub folder. */
export function runtimeForFiles(paths: readonly string[]): RuntimeId | null {
  if (paths.some((p) => p.endsWith('.gguf'))) return 'wllama';
  if (paths.some((p) => p.endsWith('model.json'))) return 'tfjs';
  if (paths.some((p) => p.endsWith('config.json'))) return 'transformers';
  if (paths.some((p) => p.endsWith('.onnx'))) return 'ort';
  return null;
}
