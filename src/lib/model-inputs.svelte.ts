/**
 * The inputs a model is fed: the defaults derived from the model (each with its reason), the
 * user's choices over them (from the form or `in.NAME=` / `dim.NAME=` in the URL), data from
 * .npy files, and the dry run that checks the model takes them before the user presses Run.
 */
import type { InputChoices } from '../core/config.ts';
import { parseDimValue } from '../core/dims.ts';
import { splitError } from '../core/error-details.ts';
import { parseFill } from '../core/inputs/fill.ts';
import type { InputData } from '../core/inputs/feeds.ts';
import { parseNpy } from '../core/inputs/npy.ts';
import { planInputs, type InputPlan } from '../core/inputs/plan.ts';
import type { BenchConfig } from '../core/result.ts';
import type { DryRunOutcome, ModelInspection, RunRequest } from '../../workers/protocol.ts';
import { AbortedError, withBenchWorker } from './bench-bridge.ts';

export type DryRunState = { status: 'running' } | ({ status: 'done' } & DryRunOutcome) | { status: 'error'; message: string } | null;

/** Keeps only the entries whose names the model has. */
const known = <T>(record: Record<string, T>, names: Set<string>) => Object.fromEntries(Object.entries(record).filter(([name]) => names.has(name)));

export class ModelInputs {
  plan = $state.raw<InputPlan | null>(null);
  /** What the user chose over the defaults; kept across models with the same input names. */
  user = $state<InputChoices>({ inputs: {}, dims: {} });
  /** Arrays from .npy files, by input name (never in links or history: only their file names). */
  data = $state.raw<InputData>({});
  /** A message per field whose text is not valid, by input or dim name. */
  fieldErrors = $state<Record<string, string>>({});
  dryRun = $state.raw<DryRunState>(null);
  #abort: AbortController | null = null;

  /** Derives the defaults for a freshly inspected model and lays the user's choices over them. */
  apply(inspection: ModelInspection, config: BenchConfig): void {
    const plan = planInputs(inspection.io, {
      vocabSize: config.vocabSize,
      ...(inspection.hints ? { hints: inspection.hints } : {}),
      ...(inspection.imageSize ? { imageSize: inspection.imageSize } : {}),
    });
    this.plan = plan;
    this.fieldErrors = {};
    this.data = known(this.data, new Set(Object.keys(plan.fills)));
    const fills = Object.fromEntries(Object.entries(plan.fills).map(([name, fill]) => [name, fill.value]));
    const dims = Object.fromEntries(Object.entries(plan.dims).map(([name, dim]) => [name, dim.value]));
    config.inputs = { ...fills, ...known(this.user.inputs, new Set(Object.keys(fills))) };
    config.dims = { ...dims, ...known(this.user.dims, new Set(Object.keys(dims))) };
  }

  /** Lays a shared or re-run config's choices over the defaults, as the user's. */
  adopt(config: Pick<BenchConfig, 'inputs' | 'dims'>): void {
    this.user = { inputs: { ...(config.inputs ?? {}) }, dims: { ...config.dims } };
  }

  /** Why an input is filled as it is: the user's choice or the derived reason. */
  reasonFor(name: string, config: BenchConfig): string {
    const fill = this.plan?.fills[name];
    return fill && config.inputs?.[name] === fill.value ? fill.reason : 'your choice';
  }

  dimReasonFor(name: string, config: BenchConfig): string {
    const dim = this.plan?.dims[name];
    return dim && config.dims[name] === dim.value ? dim.reason : 'your choice';
  }

  setFill(name: string, text: string, config: BenchConfig): boolean {
    const fill = parseFill(text);
    if (typeof fill === 'string') {
      this.fieldErrors[name] = fill;
      return false;
    }
    if (fill.kind === 'npy' && !this.data[name]) {
      this.fieldErrors[name] = `Choose the .npy file for ${name}.`;
      return false;
    }
    delete this.fieldErrors[name];
    this.user.inputs[name] = text.trim();
    config.inputs = { ...config.inputs, [name]: text.trim() };
    return true;
  }

  setDim(name: string, text: string, config: BenchConfig): boolean {
    const parsed = parseDimValue(text);
    if (!parsed.ok) {
      this.fieldErrors[`dim:${name}`] = parsed.error;
      return false;
    }
    delete this.fieldErrors[`dim:${name}`];
    this.user.dims[name] = parsed.value;
    config.dims[name] = parsed.value;
    return true;
  }

  /** Reads a .npy file for an input; its shape must have the input's rank. */
  async loadNpy(name: string, file: File, config: BenchConfig): Promise<boolean> {
    const array = parseNpy(new Uint8Array(await file.arrayBuffer()));
    if (typeof array === 'string') {
      this.fieldErrors[name] = `${file.name}: ${array}`;
      return false;
    }
    this.data = { ...this.data, [name]: array };
    return this.setFill(name, `npy:${file.name}`, config);
  }

  /** One inference with these inputs on wasm, in a worker of its own; a newer check replaces it. */
  async check(request: RunRequest): Promise<DryRunOutcome | null> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.dryRun = { status: 'running' };
    try {
      const outcome = await withBenchWorker<DryRunOutcome>(abort.signal, (api) => api.dryRun({ ...request, inputData: this.data }));
      this.dryRun = { status: 'done', ...outcome };
      return outcome;
    } catch (cause) {
      if (!(cause instanceof AbortedError)) this.dryRun = { status: 'error', message: splitError(cause instanceof Error ? cause.message : String(cause)).message };
      return null;
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  cancel(): void {
    this.#abort?.abort();
    this.dryRun = null;
  }
}
