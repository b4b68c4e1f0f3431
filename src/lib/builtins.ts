import { dtypesFromFiles } from '../core/variants.ts';
import type { BuiltinModel } from './model-sources.ts';

/** The part of the zoo manifest (written by `npm run models`) that the picker needs. */
interface ManifestEntry {
  id: string;
  name: string;
  domain: string;
  task?: string;
  /** Folder of the hub-layout model, relative to the site root. */
  path: string;
  onnxStems: string[];
  files?: { path: string }[];
  /** The runtimes that can run it (absent in older manifests). */
  runtimes?: string[];
}

/** The app's own generated models, listed by the zoo's manifest. */
export async function loadBuiltins(): Promise<BuiltinModel[]> {
  const response = await fetch(new URL('zoo/manifest.json', document.baseURI));
  if (!response.ok) return [];
  const manifest = (await response.json()) as { entries?: ManifestEntry[] };
  return (manifest.entries ?? [])
    .filter((entry) => entry.onnxStems.includes('model') && (!entry.runtimes || entry.runtimes.includes('ort')))
    .map((entry) => ({
      id: entry.id,
      name: entry.name,
      domain: entry.domain,
      ...(entry.task ? { task: entry.task } : {}),
      dtypes: dtypesFromFiles((entry.files ?? []).map((file) => file.path)),
      url: new URL(`${entry.path}/onnx/model.onnx`, document.baseURI).href,
    }));
}
