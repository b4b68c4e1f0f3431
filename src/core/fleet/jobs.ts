/**
 * A suite expanded into jobs: every model × runtime × backend × config on every target, each with
 * the automation-contract parameters its page gets. Parameters are checked here with the page's
 * own parser, so a typo ends the command before any browser starts.
 */
import { parseUrlRequest } from '../config.ts';
import type { BackendId, RuntimeId } from '../result.ts';
import type { Suite, SuiteParams } from './suite.ts';
import { parseTarget, type TargetSpec } from './targets.ts';

export interface JobSpec {
  /** Position in the suite's expansion, for stable ordering in reports. */
  index: number;
  /** What the gate matches on, with runtime, backend and device class: the suite's name or the model's file name. */
  name: string;
  /** The suite config's name, or null without configs. */
  config: string | null;
  /** The model as the suite gave it; the CLI resolves it to a URL the browser can fetch. */
  model: string;
  runtime: RuntimeId;
  backend: BackendId;
  /** Automation-contract parameters, without `model` and `run` (the CLI sets those). */
  params: Record<string, string>;
  /** The target's name (TargetSpec.name). */
  target: string;
}

/** Parameters the CLI itself sets on every job's page. */
const RESERVED = ['model', 'run', 'runtime', 'backend', 'device'];

/** "resnet-tiny" for /zoo/resnet-tiny/onnx/model.onnx, "my-net" for ./my-net.onnx, "bert" for org/bert. */
export function defaultJobName(model: string): string {
  const parts = model.replace(/[?#].*$/, '').split(/[\\/]+/).filter(Boolean);
  const file = parts.at(-1) ?? model;
  const stem = file.replace(/\.(onnx|json|tflite|gguf)$/i, '');
  // Hub and zoo layouts name the file "model"; the folder above onnx/ or tfjs/ names the model.
  if (/^model(_\w+)?$/.test(stem) && parts.length >= 2) {
    const folder = parts.at(-2)!;
    return ['onnx', 'tfjs'].includes(folder) && parts.length >= 3 ? parts.at(-3)! : folder;
  }
  return stem;
}

function asParams(values: SuiteParams | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, String(value)]));
}

export interface Expansion {
  jobs: JobSpec[];
  targets: TargetSpec[];
  errors: string[];
}

/** `targets` from the command line replace the suite's; with neither, the target is `local`. */
export function expandJobs(suite: Suite, targetOverride: readonly string[] = []): Expansion {
  const errors: string[] = [];
  const targets: TargetSpec[] = [];
  const entries = targetOverride.length > 0 ? targetOverride : suite.targets ?? ['local'];
  for (const entry of entries) {
    const parsed = parseTarget(entry);
    if (typeof parsed === 'string') errors.push(parsed);
    else if (targets.some((t) => t.name === parsed.name)) errors.push(`Two targets are named "${parsed.name}"; give them names.`);
    else targets.push(parsed);
  }
  const runtimes = suite.runtimes ?? ['ort'];
  const backends = suite.backends ?? ['wasm'];
  const configs = suite.configs ?? [null];
  const jobs: JobSpec[] = [];
  const names = new Map<string, string>();
  for (const entry of suite.models) {
    const model = typeof entry === 'string' ? entry : entry.model;
    const name = (typeof entry === 'string' ? undefined : entry.name) ?? defaultJobName(model);
    if (names.has(name) && names.get(name) !== model) errors.push(`Two models get the job name "${name}"; give one a name.`);
    names.set(name, model);
    for (const config of configs) {
      for (const runtime of runtimes) {
        for (const backend of backends) {
          const params = { ...asParams(suite.params), ...asParams(config?.params), ...asParams(typeof entry === 'string' ? undefined : entry.params) };
          const label = `${name}${config ? ` [${config.name}]` : ''} ${runtime}/${backend}`;
          const reserved = Object.keys(params).filter((key) => RESERVED.includes(key));
          if (reserved.length > 0) errors.push(`${label}: ${reserved.join(', ')} cannot be a parameter here; the suite's models, runtimes and backends set it.`);
          const check = parseUrlRequest(new URLSearchParams({ ...params, runtime, backend }).toString());
          errors.push(...check.errors.map((error) => `${label}: ${error}`));
          for (const target of targets) {
            jobs.push({ index: jobs.length, name, config: config?.name ?? null, model, runtime, backend, params, target: target.name });
          }
        }
      }
    }
  }
  return { jobs, targets, errors: [...new Set(errors)] };
}

/** `benchtab run QUERY`: one model with the contract's parameters, as a one-model suite. */
export function suiteFromQuery(query: string): { suite: Suite; errors: string[] } {
  const params = new URLSearchParams(query.replace(/^[^?]*\?/, ''));
  const model = params.get('model');
  const errors = model ? [] : ['The query has no model= (a zoo id, a local path, an app path or a URL).'];
  const runtime = params.get('runtime') ?? 'ort';
  const backend = params.get('backend') ?? params.get('device') ?? 'wasm';
  const rest = Object.fromEntries([...params].filter(([key]) => !RESERVED.includes(key)));
  const suite = {
    models: [model ?? ''],
    runtimes: [runtime],
    backends: [backend],
    params: rest,
  } as Suite;
  return { suite, errors };
}
