/**
 * From what a suite names to a URL a (possibly remote) browser can fetch: URLs and hub ids pass
 * through, app paths and zoo ids become paths of the app the CLI serves, and local files and
 * folders are mounted under /fleet-files/N/ of that server (their folder, so siblings such as
 * external data, weight shards or a hub layout's files come along).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RuntimeId } from '../src/core/result.ts';
import { isHubId } from '../src/core/runtimes.ts';

export const MOUNT_PREFIX = '/fleet-files';

export interface Mounts {
  /** Mounted folders, by index: /fleet-files/<index>/… serves from folders[index]. */
  folders: string[];
}

/** Where a zoo model's file is for each runtime, tried in order; a runtime not named here has none. */
const ZOO_LAYOUT: Partial<Record<RuntimeId, readonly string[]>> = {
  ort: ['onnx/model.onnx', 'model.onnx'],
  tfjs: ['tfjs/model.json', 'model.json'],
  transformers: ['config.json'],
  litert: ['tflite/model.tflite', 'model.tflite'],
};

export interface Resolution {
  /** Path on the app's server (/zoo/…, /fleet-files/…) or an absolute URL or hub id. */
  url: string;
  /** True when the CLI's server must be reachable for the model (a mounted local file). */
  mounted: boolean;
}

function mount(mounts: Mounts, folder: string): number {
  const known = mounts.folders.indexOf(folder);
  if (known >= 0) return known;
  mounts.folders.push(folder);
  return mounts.folders.length - 1;
}

/** The zoo's model ids (and the TF.js ones beside them), for the "unknown model" message. */
export function zooIds(distDir: string): string[] {
  const ids = (file: string): string[] => {
    try {
      const manifest = JSON.parse(readFileSync(resolve(distDir, 'zoo', file), 'utf8')) as { entries?: { id?: string }[] };
      return (manifest.entries ?? []).flatMap((entry) => (entry.id ? [entry.id] : []));
    } catch {
      return [];
    }
  };
  return [...ids('manifest.json'), ...ids('tfjs-manifest.json')];
}

/** Resolves one model for one runtime; a sentence when it is nothing we can serve. */
export function resolveModel(model: string, runtime: RuntimeId, distDir: string, cwd: string, mounts: Mounts): Resolution | string {
  if (/^https?:\/\//i.test(model)) return { url: model, mounted: false };
  const local = resolve(cwd, model);
  if (existsSync(local)) {
    if (statSync(local).isDirectory()) return { url: `${MOUNT_PREFIX}/${mount(mounts, local)}/`, mounted: true };
    return { url: `${MOUNT_PREFIX}/${mount(mounts, dirname(local))}/${encodeURIComponent(basename(local))}`, mounted: true };
  }
  if (model.startsWith('/') && existsSync(resolve(distDir, `.${model.replace(/[?#].*$/, '')}`))) return { url: model, mounted: false };
  const zooFolder = resolve(distDir, 'zoo', model);
  if (/^[\w.-]+$/.test(model) && existsSync(zooFolder)) {
    const layout = ZOO_LAYOUT[runtime] ?? [];
    const file = layout.find((path) => existsSync(resolve(zooFolder, path)));
    if (!file) return `The zoo model "${model}" has no files for runtime ${runtime}${layout.length ? ` (looked for ${layout.join(', ')})` : ''}.`;
    return { url: runtime === 'transformers' ? `/zoo/${model}/` : `/zoo/${model}/${file}`, mounted: false };
  }
  if (runtime === 'transformers' && isHubId(model)) return { url: model, mounted: false };
  const ids = zooIds(distDir);
  return `Unknown model "${model}": not a file or folder here, not a URL, not a path in the app`
    + (ids.length > 0 ? `, not a zoo model (the zoo has ${ids.join(', ')}).` : '.');
}
